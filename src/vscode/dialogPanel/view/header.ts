import { effectiveSystemLabels } from '../../../platform/dialogporten/schemas/tolerance';
import { dialogStatusName, serviceOwnerName, systemLabelName, type Localizer } from '../../../platform/presentation';
import { escapeHtml } from '../../webview/webviewHtml';
import { PANEL_LANGUAGES, PANEL_TABS, type PanelTab } from '../protocol';
import { attr, fallbackLanguage, inline, timeHtml } from './html';
import type { DialogViewInput, Notice } from './viewTypes';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', en: 'English' };

/** The title, facts, badges and toolbar above the tabs. */
export function headerHtml(input: DialogViewInput, l10n: Localizer): string {
  const { dialog, language } = input;
  const title =
    inline(dialog.content.title, language) ??
    escapeHtml(dialog.isApiOnly ? l10n.t('(API-only dialog without content)') : l10n.t('(no title)'));
  const sender = inline(dialog.content.senderName, language) ?? escapeHtml(serviceOwnerName(dialog.org));
  const extended =
    inline(dialog.content.extendedStatus, language) ??
    (dialog.extendedStatus ? escapeHtml(dialog.extendedStatus) : undefined);
  const labels = effectiveSystemLabels(dialog).filter((label) => label !== 'Default');
  const overdue = dialog.dueAt && Date.parse(dialog.dueAt) < input.now.getTime() && dialog.status !== 'Completed';
  const fallback = fallbackLanguage(dialog.content.title.value, language);
  const env = input.environment;
  const badges = [
    `<span class="badge status status-${attr(dialog.status)}">${escapeHtml(dialogStatusName(dialog.status, l10n))}</span>`,
    extended ? `<span class="badge extended-status" title="${attr(l10n.t('Extended status'))}">${extended}</span>` : '',
    ...labels.map(
      (label) => `<span class="badge label label-${attr(label)}">${escapeHtml(systemLabelName(label, l10n))}</span>`,
    ),
    dialog.isContentSeen === false || dialog.hasUnopenedContent
      ? `<span class="badge unread">${escapeHtml(l10n.t('Unread'))}</span>`
      : '',
    dialog.isApiOnly ? `<span class="badge">${escapeHtml(l10n.t('API only'))}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const facts = [
    `<span class="sender"><span class="muted">${escapeHtml(l10n.t('From'))}</span> ${sender} <span class="muted">(${escapeHtml(dialog.org)})</span></span>`,
    dialog.dueAt
      ? `<span class="due${overdue ? ' overdue' : ''}">${escapeHtml(overdue ? l10n.t('Overdue since') : l10n.t('Due'))} ${timeHtml(dialog.dueAt, input.locale)}</span>`
      : '',
    `<span>${escapeHtml(l10n.t('Updated'))} ${timeHtml(dialog.contentUpdatedAt ?? dialog.updatedAt, input.locale)}</span>`,
  ]
    .filter(Boolean)
    .join('<span class="sep" aria-hidden="true">·</span>');
  const languageOptions = PANEL_LANGUAGES.map(
    (code) =>
      `<option value="${code}"${code === language ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[code])}</option>`,
  ).join('');
  const inboxButton = env.hasInbox
    ? `<button type="button" data-command="openInInbox" title="${attr(l10n.t('Open this dialog in the Altinn inbox in your browser'))}">${escapeHtml(l10n.t('Open in Altinn inbox'))}</button>`
    : `<button type="button" disabled title="${attr(l10n.t('The sandbox has no web inbox; its dialogs exist only on this machine.'))}">${escapeHtml(l10n.t('Open in Altinn inbox'))}</button>`;
  const apiButtons =
    input.source === 'api'
      ? `${inboxButton}<button type="button" data-command="copyCurl" title="${attr(l10n.t('Copy the request that fetched this dialog as a curl command (token replaced by $TOKEN)'))}">${escapeHtml(l10n.t('Copy as curl'))}</button>` +
        `<button type="button" data-command="copyCurlWithToken" title="${attr(l10n.t('Copy the request as a curl command with a live token (asks first)'))}">${escapeHtml(l10n.t('Copy as curl with token…'))}</button>` +
        `<button type="button" data-command="showRequest" title="${attr(l10n.t("Show the request that fetched this dialog and the answer's status and headers"))}">${escapeHtml(l10n.t('Show request'))}</button>`
      : '';
  return `<header class="dialog-header">
<div class="env-line"><span class="badge env${env.isProduction ? ' env-production' : ''}">${escapeHtml(env.label)}</span>${input.sourceLabel ? ` <span class="muted">${escapeHtml(input.sourceLabel)}</span>` : ''}
<span class="live live-${attr(input.live.state)}" id="live-status" role="status" aria-live="polite">${escapeHtml(input.live.text)}</span><button type="button" class="link-button" id="live-retry" data-command="retryLive" title="${attr(l10n.t('Connect to the event stream again'))}"${input.live.retry ? '' : ' hidden'}>${escapeHtml(l10n.t('Retry'))}</button></div>
<h1 class="dialog-title">${title}</h1>
${fallback ? `<p class="muted language-fallback">${escapeHtml(l10n.t('Not available in {0}; shown in {1}.', LANGUAGE_NAMES[language], LANGUAGE_NAMES[fallback] ?? fallback))}</p>` : ''}
<div class="facts">${facts}</div>
<div class="badges">${badges}</div>
<div class="toolbar" role="toolbar" aria-label="${attr(l10n.t('Dialog'))}">
${apiButtons}<button type="button" data-command="openRaw" title="${attr(l10n.t('Open the response JSON in an editor'))}">${escapeHtml(l10n.t('Open raw JSON'))}</button><button type="button" data-command="refresh" title="${attr(input.source === 'api' ? l10n.t('Fetch the dialog again (marks it as seen in Dialogporten)') : l10n.t('Read the payload again'))}">${escapeHtml(l10n.t('Refresh'))}</button>
<label class="toggle"><input type="checkbox" data-command="toggleRemoteImages"${input.allowRemoteImages ? ' checked' : ''}> ${escapeHtml(l10n.t('Load remote images'))}</label>
<label class="language"><span>${escapeHtml(l10n.t('Language'))}</span> <select id="language-select" data-command="setLanguage" aria-label="${attr(l10n.t('Content language'))}">${languageOptions}</select></label>
</div>
</header>`;
}

export function noticesHtml(notices: readonly Notice[]): string {
  if (notices.length === 0) return '';
  return `<div class="notices">${notices.map((notice) => `<div class="notice notice-${notice.kind}" role="${notice.kind === 'error' ? 'alert' : 'status'}"><p>${escapeHtml(notice.text)}</p>${notice.command ? `<button type="button" class="secondary" data-command="${attr(notice.command.id)}">${escapeHtml(notice.command.label)}</button>` : ''}</div>`).join('')}</div>`;
}

export function tabsHtml(input: DialogViewInput, l10n: Localizer): string {
  const { dialog } = input;
  const counts: Record<PanelTab, number | undefined> = {
    overview: undefined,
    transmissions: dialog.transmissions?.length ?? 0,
    actions: (dialog.guiActions?.length ?? 0) + (dialog.apiActions?.length ?? 0),
    activity: dialog.activities?.length ?? 0,
    raw: undefined,
  };
  const names: Record<PanelTab, string> = {
    overview: l10n.t('Overview'),
    transmissions: l10n.t('Transmissions'),
    actions: l10n.t('Actions'),
    activity: l10n.t('Activity'),
    raw: l10n.t('Raw'),
  };
  return `<div class="tabs" role="tablist" aria-label="${attr(l10n.t('Dialog sections'))}">${PANEL_TABS.map((tab, index) => `<button type="button" role="tab" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}" data-tab="${tab}">${escapeHtml(names[tab])}${counts[tab] !== undefined ? ` <span class="count">${counts[tab]}</span>` : ''}</button>`).join('')}</div>`;
}
