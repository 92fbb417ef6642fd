import { activityTypeName, type Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { actorName, attr, inline, inlinePlain, section, timeHtml } from './html';
import type { DialogViewInput } from './viewTypes';

/** The activity history, newest first, and who has seen the dialog. */ export function activityHtml(
  input: DialogViewInput,
  l10n: Localizer,
): string {
  const { dialog, language } = input;
  const activities = [...(dialog.activities ?? [])].sort((a, b) =>
    (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );
  const byId = new Map((dialog.transmissions ?? []).map((tx) => [tx.id.toLowerCase(), tx]));
  const rows = activities.map((activity) => {
    const description = inlinePlain(activity.description, language);
    const tx = activity.transmissionId ? byId.get(activity.transmissionId.toLowerCase()) : undefined;
    const txLink = activity.transmissionId
      ? ` — ${tx ? `<a href="#tx-${attr(tx.id)}" data-transmission="${attr(tx.id)}">${inline(tx.content.title, language) ?? escapeHtml(tx.id)}</a>` : `<code>${escapeHtml(activity.transmissionId)}</code>`}`
      : '';
    return `<tr><td>${timeHtml(activity.createdAt, input.locale)}</td><td>${escapeHtml(activityTypeName(activity.type, l10n))}${activity.extendedType ? ` <span class="muted"><code>${escapeHtml(activity.extendedType)}</code></span>` : ''}${txLink}${description ? `<div>${description}</div>` : ''}</td><td>${actorName(activity.performedBy, dialog.org, l10n)}</td></tr>`;
  });
  const table = rows.length
    ? `<table class="activity-table"><thead><tr><th scope="col">${escapeHtml(l10n.t('When'))}</th><th scope="col">${escapeHtml(l10n.t('What'))}</th><th scope="col">${escapeHtml(l10n.t('Who'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p class="muted">${escapeHtml(l10n.t('No activities.'))}</p>`;
  return (
    section(l10n.t('Activity history'), table, 'activity-history') +
    section(l10n.t('Seen by'), seenByHtml(input, l10n), 'seen-by')
  );
}

export function seenByHtml(input: DialogViewInput, l10n: Localizer): string {
  const entries = input.dialog.seenSinceLastContentUpdate ?? input.dialog.seenSinceLastUpdate ?? [];
  if (entries.length === 0)
    return `<p class="muted">${escapeHtml(l10n.t('Nobody has opened the dialog since its content was last updated.'))}</p>`;
  const items = [...entries]
    .sort((a, b) => b.seenAt.localeCompare(a.seenAt))
    .map((entry) => {
      const who = entry.isCurrentEndUser
        ? `<strong>${escapeHtml(l10n.t('You'))}</strong>`
        : actorName(entry.seenBy, input.dialog.org, l10n);
      const via = entry.isViaServiceOwner
        ? ` <span class="muted">(${escapeHtml(l10n.t('via the service owner'))})</span>`
        : '';
      return `<li>${who}${via} — ${timeHtml(entry.seenAt, input.locale)}</li>`;
    });
  return `<ul class="seen-list">${items.join('')}</ul>`;
}
