import type { Dialog } from '../../../platform/dialogporten/schemas/dialog';
import { EXPIRED_URL } from '../../../platform/dialogporten/schemas/constants';
import {
  isSentByParty,
  nestTransmissions,
  transmissionTypeName,
  type Localizer,
  type TransmissionEntry,
} from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { embedHtml } from './embeds';
import { actorName, attr, block, inline, inlinePlain, timeHtml } from './html';
import { attachmentsHtml } from './overviewTab';
import type { DialogViewInput } from './viewTypes';

type Transmission = NonNullable<Dialog['transmissions']>[number];

/** The transmissions as threads: replies nested under what they answer (threading shared with the Inbox tree). */
export function transmissionsHtml(input: DialogViewInput, l10n: Localizer): string {
  const transmissions = input.dialog.transmissions ?? [];
  if (transmissions.length === 0) return `<p class="muted">${escapeHtml(l10n.t('No transmissions.'))}</p>`;
  const byId = new Map(transmissions.map((tx) => [tx.id.toLowerCase(), tx]));
  const sent = transmissions.filter((tx) => isSentByParty(tx.type)).length;
  const render = (entry: TransmissionEntry<Transmission>): string => {
    const replies = entry.related.map(render).join('');
    return `<li>${transmissionHtml(entry.transmission, byId, input, l10n)}${replies ? `<ol class="thread">${replies}</ol>` : ''}</li>`;
  };
  const summary = `<p class="muted">${escapeHtml(l10n.t('{0} from the service owner, {1} sent by the party. Replies are nested under what they answer.', transmissions.length - sent, sent))}</p>`;
  return `${summary}<ol class="timeline">${nestTransmissions(transmissions).map(render).join('')}</ol>`;
}

function transmissionHtml(
  tx: Transmission,
  byId: ReadonlyMap<string, Transmission>,
  input: DialogViewInput,
  l10n: Localizer,
): string {
  const { language } = input;
  const fromParty = isSentByParty(tx.type);
  const unauthorized = tx.isAuthorized === false;
  const title = inline(tx.content.title, language) ?? escapeHtml(l10n.t('(no title)'));
  const summary = block(tx.content.summary, language, input.allowRemoteImages);
  const related = tx.relatedTransmissionId ? byId.get(tx.relatedTransmissionId.toLowerCase()) : undefined;
  const relatedHtml = tx.relatedTransmissionId
    ? `<div class="related">${escapeHtml(l10n.t('In reply to'))} ${related ? `<a href="#tx-${attr(related.id)}" data-transmission="${attr(related.id)}">${inline(related.content.title, language) ?? escapeHtml(related.id)}</a>` : `<code>${escapeHtml(tx.relatedTransmissionId)}</code> <span class="muted">(${escapeHtml(l10n.t('not in this dialog'))})</span>`}</div>`
    : '';
  const content = tx.content.contentReference
    ? `<div class="content">${embedHtml(tx.content.contentReference, input, l10n)}</div>`
    : '';
  const navigation = (tx.navigationalActions ?? []).map((nav) => {
    const label = inlinePlain(nav.title, language) ?? escapeHtml(nav.url);
    if (nav.url === EXPIRED_URL)
      return `<li>${label} — <span class="badge warning">${escapeHtml(l10n.t('expired'))}</span></li>`;
    if (!/^https?:\/\//i.test(nav.url)) return `<li>${label} — <code>${escapeHtml(nav.url)}</code></li>`;
    return `<li><a href="${attr(nav.url)}" rel="noopener noreferrer" title="${attr(nav.url)}">${label}</a>${nav.expiresAt ? ` <span class="muted">${escapeHtml(l10n.t('until'))} ${timeHtml(nav.expiresAt, input.locale)}</span>` : ''}</li>`;
  });
  return `<article class="transmission${fromParty ? ' from-party' : ''}${unauthorized ? ' unauthorized' : ''}" id="tx-${attr(tx.id)}" tabindex="-1" aria-labelledby="tx-title-${attr(tx.id)}">
<div class="tx-meta"><span class="badge type type-${attr(tx.type)}">${escapeHtml(transmissionTypeName(tx.type, l10n))}</span> <span>${escapeHtml(l10n.t('From'))} ${actorName(tx.sender, input.dialog.org, l10n)}</span> <span class="sep" aria-hidden="true">·</span> ${timeHtml(tx.createdAt, input.locale)}${tx.isOpened === false ? ` <span class="badge unread">${escapeHtml(l10n.t('Unopened'))}</span>` : ''}${unauthorized ? ` <span class="badge warning">${escapeHtml(l10n.t('not authorised'))}</span>` : ''}</div>
<h3 id="tx-title-${attr(tx.id)}">${title}</h3>
${relatedHtml}
${unauthorized ? `<p class="notice notice-warning">${escapeHtml(l10n.t('The content and attachments of this transmission need an authorisation you do not have ({0}).', tx.authorizationAttribute ?? l10n.t('authorisation attribute not given')))}</p>` : ''}
${summary ? `<div class="summary">${summary}</div>` : ''}
${content}
${tx.attachments?.length ? `<h4>${escapeHtml(l10n.t('Attachments'))}</h4>${attachmentsHtml(tx.attachments, input, l10n)}` : ''}
${navigation.length ? `<h4>${escapeHtml(l10n.t('Links'))}</h4><ul class="navigational-actions">${navigation.join('')}</ul>` : ''}
${tx.externalReference || tx.extendedType ? `<div class="muted">${tx.extendedType ? `<code>${escapeHtml(tx.extendedType)}</code> ` : ''}${tx.externalReference ? `${escapeHtml(l10n.t('ref.'))} <code>${escapeHtml(tx.externalReference)}</code>` : ''}</div>` : ''}
</article>`;
}
