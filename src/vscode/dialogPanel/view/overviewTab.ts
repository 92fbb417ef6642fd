import { EXPIRED_URL, UNAUTHORIZED_URL } from '../../../platform/dialogporten/schemas/constants';
import type { Dialog } from '../../../platform/dialogporten/schemas/dialog';
import { effectiveSystemLabels } from '../../../platform/dialogporten/schemas/tolerance';
import { dialogStatusName, serviceOwnerName, systemLabelName, type Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { guiActionsHtml } from './actionsTab';
import { seenByHtml } from './activityTab';
import { embedHtml } from './embeds';
import { attr, block, inlinePlain, section, timeHtml } from './html';
import type { DialogViewInput } from './viewTypes';

/** Summary, additional information, main content, the primary actions, attachments, details and who has seen it. */ export function overviewHtml(
  input: DialogViewInput,
  l10n: Localizer,
): string {
  const { dialog, language } = input;
  const parts: string[] = [];
  const summary = block(dialog.content.summary, language, input.allowRemoteImages);
  if (summary) parts.push(`<section class="summary" aria-label="${attr(l10n.t('Summary'))}">${summary}</section>`);
  const additional = block(dialog.content.additionalInfo, language, input.allowRemoteImages);
  if (additional)
    parts.push(
      section(l10n.t('Additional information'), `<div class="content">${additional}</div>`, 'additional-info'),
    );
  if (dialog.content.mainContentReference)
    parts.push(
      section(
        l10n.t('Main content'),
        `<div class="content">${embedHtml(dialog.content.mainContentReference, input, l10n)}</div>`,
        'main-content',
      ),
    );
  const primary = (dialog.guiActions ?? []).filter((action) => action.priority !== 'Tertiary');
  if (primary.length)
    parts.push(section(l10n.t('Actions'), guiActionsHtml(primary, input, l10n), 'gui-actions-overview'));
  if (dialog.attachments?.length)
    parts.push(section(l10n.t('Attachments'), attachmentsHtml(dialog.attachments, input, l10n), 'attachments'));
  if (parts.length === 0 || (!summary && !additional && !dialog.content.mainContentReference)) {
    parts.push(
      `<p class="muted">${escapeHtml(l10n.t('This dialog has no summary, additional information or main content.'))}</p>`,
    );
  }
  parts.push(section(l10n.t('Details'), detailsHtml(input, l10n), 'details'));
  parts.push(section(l10n.t('Seen by'), seenByHtml(input, l10n), 'seen-by'));
  return parts.join('\n');
}

function detailsHtml(input: DialogViewInput, l10n: Localizer): string {
  const { dialog } = input;
  const rows: [string, string][] = [
    [l10n.t('Recipient (party)'), `<code>${escapeHtml(dialog.party)}</code>`],
    [
      l10n.t('Sender'),
      `${escapeHtml(serviceOwnerName(dialog.org))} <span class="muted">(${escapeHtml(dialog.org)})</span>`,
    ],
    [
      l10n.t('Service resource'),
      `<code>${escapeHtml(dialog.serviceResource)}</code>${dialog.serviceResourceType ? ` <span class="muted">${escapeHtml(dialog.serviceResourceType)}</span>` : ''}`,
    ],
    [
      l10n.t('Status'),
      `${escapeHtml(dialogStatusName(dialog.status, l10n))} <span class="muted">(${escapeHtml(dialog.status)})</span>${dialog.extendedStatus ? ` — <code>${escapeHtml(dialog.extendedStatus)}</code>` : ''}`,
    ],
  ];
  if (dialog.progress !== undefined && dialog.progress !== null)
    rows.push([l10n.t('Progress'), `${escapeHtml(String(dialog.progress))} %`]);
  if (dialog.process) rows.push([l10n.t('Process'), `<code>${escapeHtml(dialog.process)}</code>`]);
  if (dialog.precedingProcess)
    rows.push([l10n.t('Preceding process'), `<code>${escapeHtml(dialog.precedingProcess)}</code>`]);
  if (dialog.externalReference)
    rows.push([l10n.t('External reference'), `<code>${escapeHtml(dialog.externalReference)}</code>`]);
  rows.push([l10n.t('Created'), timeHtml(dialog.createdAt, input.locale)]);
  rows.push([l10n.t('Updated'), timeHtml(dialog.updatedAt, input.locale)]);
  if (dialog.contentUpdatedAt) rows.push([l10n.t('Content updated'), timeHtml(dialog.contentUpdatedAt, input.locale)]);
  if (dialog.dueAt) rows.push([l10n.t('Due'), timeHtml(dialog.dueAt, input.locale)]);
  if (dialog.expiresAt) rows.push([l10n.t('Expires'), timeHtml(dialog.expiresAt, input.locale)]);
  rows.push([
    l10n.t('System labels'),
    effectiveSystemLabels(dialog)
      .map((label) => escapeHtml(systemLabelName(label, l10n)))
      .join(', '),
  ]);
  rows.push([l10n.t('Dialog id'), `<code>${escapeHtml(dialog.id)}</code>`]);
  rows.push([l10n.t('Revision'), `<code>${escapeHtml(dialog.revision)}</code>`]);
  rows.push([l10n.t('Fetched'), timeHtml(input.fetchedAt, input.locale)]);
  return `<table class="facts-table"><tbody>${rows.map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

type Attachment = NonNullable<Dialog['attachments']>[number];

/** The attachments of the dialog or of a transmission, with a download button for each real address. */
export function attachmentsHtml(attachments: readonly Attachment[], input: DialogViewInput, l10n: Localizer): string {
  const items = attachments.map((attachment) => {
    const name =
      inlinePlain(attachment.displayName, input.language) ??
      (attachment.name ? escapeHtml(attachment.name) : escapeHtml(l10n.t('(unnamed attachment)')));
    const expired = attachment.expiresAt && Date.parse(attachment.expiresAt) < input.now.getTime();
    const urls = (attachment.urls ?? []).map((url) => {
      const kind = url.consumerType === 'Api' ? l10n.t('for systems (API)') : l10n.t('for people (GUI)');
      const type = url.mediaType ? ` <span class="muted">${escapeHtml(url.mediaType)}</span>` : '';
      if (url.url === UNAUTHORIZED_URL)
        return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <span class="badge warning">${escapeHtml(l10n.t('not authorised'))}</span></li>`;
      if (url.url === EXPIRED_URL || expired)
        return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <span class="badge warning">${escapeHtml(l10n.t('expired'))}</span></li>`;
      if (!/^https?:\/\//i.test(url.url))
        return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <code>${escapeHtml(url.url)}</code></li>`;
      return `<li><span class="muted">${escapeHtml(kind)}</span>${type} <button type="button" class="link-button" data-command="downloadAttachment" data-attachment-id="${attr(attachment.id)}" data-url="${attr(url.url)}" title="${attr(url.url)}">${escapeHtml(l10n.t('Download'))}</button></li>`;
    });
    const expiry = attachment.expiresAt
      ? ` <span class="badge${expired ? ' warning' : ''}">${escapeHtml(expired ? l10n.t('expired') : l10n.t('expires'))} ${timeHtml(attachment.expiresAt, input.locale)}</span>`
      : '';
    return `<li class="attachment"><span class="attachment-name">${name}</span>${attachment.name ? ` <span class="muted">${escapeHtml(attachment.name)}</span>` : ''}${expiry}<ul class="attachment-urls">${urls.join('')}</ul></li>`;
  });
  return `<ul class="attachment-list">${items.join('')}</ul>`;
}
