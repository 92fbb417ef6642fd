/**
 * The dialog panel's body as HTML, built in the extension host from a Dialog (vscode-free, unit-tested in Node).
 * Every string a service owner wrote goes through the content module first: content values through
 * renderContent() (sanitised markdown / legacy HTML / plain text), plain localised strings (attachment names,
 * action titles, descriptions) through plainText() and then escaping. Our own markup carries no inline script,
 * no event handler and no style attribute: the webview script wires behaviour to `data-command` attributes.
 */
import { isFrontChannelEmbed, pickLocalized, plainText, renderContent } from '../../platform/content';
import { normalizeLanguageCode } from '../../platform/content/pickLocalized';
import type { Dialog } from '../../platform/dialogporten/schemas/dialog';
import { EXPIRED_URL, UNAUTHORIZED_URL } from '../../platform/dialogporten/schemas/constants';
import { effectiveSystemLabels } from '../../platform/dialogporten/schemas/tolerance';
import { serviceOwnerName } from '../inbox/presentation';
import { escapeHtml } from '../webview/webviewHtml';
import { PANEL_LANGUAGES, PANEL_TABS, type LiveState, type PanelLanguage, type PanelTab } from './protocol';

/** `vscode.l10n.t` in the extension; a plain `{0}` formatter in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export { PANEL_LANGUAGES, PANEL_TABS } from './protocol';

/** Rendered front-channel-embed content, or why there is none. */
export type EmbedState =
  | { readonly state: 'loading' }
  | { readonly state: 'content'; readonly html: string; readonly warnings: readonly string[]; readonly note?: string }
  /** Fetching it changes something (an Altinn message is marked as read): it waits for the user's click. */
  | { readonly state: 'consent'; readonly message: string; readonly action: string }
  | { readonly state: 'empty' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'not-fetched'; readonly reason: string };

/** What a GUI action's request answered (shown under the action). */
export interface ActionResult {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly contentType?: string;
  /** As text; shown escaped in a <pre>, never rendered. */
  readonly body?: string;
  readonly truncated?: boolean;
  readonly error?: string;
  readonly at: string;
  /** GET actions open in the browser instead of being sent. */
  readonly openedExternally?: boolean;
}

export interface Notice {
  readonly kind: 'info' | 'warning' | 'error';
  readonly text: string;
  readonly command?: { readonly id: string; readonly label: string };
}

export interface DialogTokenSummary {
  readonly expiresAt?: string;
  readonly actions: readonly string[];
  readonly authenticatedParty?: string;
  readonly authLevel?: number;
  readonly issuer?: string;
}

export interface DialogViewInput {
  readonly dialog: Dialog;
  /** The response JSON, two-space indented, with the dialog token replaced (see rawJson.ts). */
  readonly rawJson: string;
  /** Size of the response as received. */
  readonly rawBytes: number;
  readonly language: PanelLanguage;
  /** BCP 47 locale for dates (VS Code's display language). */
  readonly locale: string;
  /** Keyed by embed URL (see embedsToFetch). */
  readonly embeds: ReadonlyMap<string, EmbedState>;
  readonly allowRemoteImages: boolean;
  readonly environment: { readonly id: string; readonly label: string; readonly isProduction: boolean; readonly hasInbox: boolean };
  /** `api`: fetched from Dialogporten; `payload`: a saved Dialog JSON shown offline. */
  readonly source: 'api' | 'payload';
  readonly sourceLabel?: string;
  readonly live: LiveState;
  readonly notices: readonly Notice[];
  readonly actionResults: ReadonlyMap<string, ActionResult>;
  readonly fetchedAt: string;
  readonly token?: DialogTokenSummary;
  readonly now: Date;
}

type Localizations = readonly { readonly value: string; readonly languageCode: string }[] | null | undefined;
type ContentValue = { readonly value?: Localizations; readonly mediaType: string; readonly isAuthorized?: boolean | null } | null | undefined;

const FROM_PARTY_TYPES = new Set(['Submission', 'Correction']);

// ——— localisation helpers ———

function pick(values: Localizations, language: PanelLanguage): { value: string; languageCode: string } | undefined {
  return pickLocalized(values ?? [], [language]);
}

/**
 * Dialogporten allows at most 255 characters in titles and 1023 in additional info; far longer values are cut
 * before rendering so a hostile dialog cannot keep the extension host busy (front-channel embeds are capped at
 * 100 KB when fetched).
 */
export const MAX_INLINE_CHARS = 4 * 1024;
export const MAX_BLOCK_CHARS = 64 * 1024;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A content value reduced to one inline, escaped line (titles, sender names, extended status). */
function inline(value: ContentValue, language: PanelLanguage): string | undefined {
  const picked = pick(value?.value, language);
  if (!picked || picked.value.trim() === '') return undefined;
  const text = plainText(cut(picked.value, MAX_INLINE_CHARS), value?.mediaType ?? 'text/plain').replace(/\s+/g, ' ').trim();
  return text ? escapeHtml(text) : undefined;
}

/** A plain localised string (no media type): attachment names, action titles, activity descriptions. */
function inlinePlain(values: Localizations, language: PanelLanguage): string | undefined {
  const picked = pick(values, language);
  if (!picked || picked.value.trim() === '') return undefined;
  return escapeHtml(plainText(cut(picked.value, MAX_INLINE_CHARS), 'text/plain').replace(/\s+/g, ' ').trim());
}

/** A content value as sanitised block HTML. */
function block(value: ContentValue, language: PanelLanguage, allowRemoteImages: boolean): string | undefined {
  const picked = pick(value?.value, language);
  if (!picked || picked.value.trim() === '') return undefined;
  const long = picked.value.length > MAX_BLOCK_CHARS;
  const rendered = renderContent(long ? picked.value.slice(0, MAX_BLOCK_CHARS) : picked.value, value?.mediaType ?? 'text/plain', { allowRemoteImages });
  const warnings = long ? [`Only the first ${MAX_BLOCK_CHARS / 1024} KB of ${Math.round(picked.value.length / 1024)} KB are shown (Dialogporten allows far less here).`, ...rendered.warnings] : rendered.warnings;
  return rendered.html + warningsHtml(warnings);
}

function warningsHtml(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  return `<ul class="render-warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
}

/** Which language a localised value was actually shown in, when it is not the one asked for. */
function fallbackLanguage(values: Localizations, language: PanelLanguage): string | undefined {
  const picked = pick(values, language);
  if (!picked) return undefined;
  const shown = normalizeLanguageCode(picked.languageCode);
  return shown === language ? undefined : shown;
}

// ——— formatting ———

function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  let text: string;
  try {
    text = date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    text = date.toISOString();
  }
  return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(iso)}">${escapeHtml(text)}</time>`;
}

function attr(value: string): string {
  return escapeHtml(value);
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', en: 'English' };

function statusLabel(status: string, t: Translate): string {
  switch (status) {
    case 'NotApplicable': return t('No status');
    case 'InProgress': return t('In progress');
    case 'Draft': return t('Draft');
    case 'Awaiting': return t('Awaiting');
    case 'RequiresAttention': return t('Requires attention');
    case 'Completed': return t('Completed');
    default: return status;
  }
}

function transmissionTypeLabel(type: string, t: Translate): string {
  switch (type) {
    case 'Information': return t('Information');
    case 'Acceptance': return t('Acceptance');
    case 'Rejection': return t('Rejection');
    case 'Request': return t('Request');
    case 'Alert': return t('Alert');
    case 'Decision': return t('Decision');
    case 'Submission': return t('Submission');
    case 'Correction': return t('Correction');
    default: return type;
  }
}

function activityTypeLabel(type: string, t: Translate): string {
  switch (type) {
    case 'DialogCreated': return t('Dialog created');
    case 'DialogClosed': return t('Dialog closed');
    case 'Information': return t('Information');
    case 'TransmissionOpened': return t('Transmission opened');
    case 'PaymentMade': return t('Payment made');
    case 'SignatureProvided': return t('Signature provided');
    case 'DialogOpened': return t('Dialog opened');
    case 'DialogDeleted': return t('Dialog deleted');
    case 'DialogRestored': return t('Dialog restored');
    case 'SentToSigning': return t('Sent to signing');
    case 'SentToFormFill': return t('Sent to form filling');
    case 'SentToSendIn': return t('Sent to submission');
    case 'SentToPayment': return t('Sent to payment');
    case 'FormSubmitted': return t('Form submitted');
    case 'FormSaved': return t('Form saved');
    case 'CorrespondenceOpened': return t('Correspondence opened');
    case 'CorrespondenceConfirmed': return t('Correspondence confirmed');
    default: return type;
  }
}

function labelName(label: string, t: Translate): string {
  switch (label) {
    case 'Default': return t('Inbox');
    case 'Bin': return t('Bin');
    case 'Archive': return t('Archive');
    case 'MarkedAsUnopened': return t('Marked as unopened');
    case 'Sent': return t('Sent');
    default: return label;
  }
}

function actorName(actor: { actorType?: string | null; actorId?: string | null; actorName?: string | null } | undefined, org: string, t: Translate): string {
  if (!actor) return t('unknown');
  if (actor.actorName) return escapeHtml(plainText(actor.actorName, 'text/plain'));
  if (actor.actorType === 'ServiceOwner') return escapeHtml(`${serviceOwnerName(org)} (${t('service owner')})`);
  if (actor.actorId) return escapeHtml(actor.actorId);
  return actor.actorType === 'PartyRepresentative' ? t('the party') : t('unknown');
}

// ——— embeds ———

export interface EmbedRef {
  /** Where the embed sits: `main` or `transmission:<id>`. */
  readonly where: string;
  readonly url: string;
  readonly mediaType: string;
}

/**
 * The front-channel embeds the panel shows in `language`: the main content and each authorised transmission's
 * content reference. Unauthorised, expired and non-URL values are not fetched (they are explained instead).
 */
export function embedsToFetch(dialog: Dialog, language: PanelLanguage): EmbedRef[] {
  const refs: EmbedRef[] = [];
  const add = (where: string, value: ContentValue): void => {
    if (!value || !isFrontChannelEmbed(value.mediaType) || value.isAuthorized === false) return;
    const url = pick(value.value, language)?.value?.trim();
    if (!url || url === UNAUTHORIZED_URL || url === EXPIRED_URL || !/^https?:\/\//i.test(url)) return;
    refs.push({ where, url, mediaType: value.mediaType });
  };
  add('main', dialog.content.mainContentReference);
  for (const transmission of dialog.transmissions ?? []) {
    if (transmission.isAuthorized === false) continue;
    add(`transmission:${transmission.id}`, transmission.content.contentReference);
  }
  return refs;
}

function embedHtml(value: ContentValue, input: DialogViewInput, t: Translate): string {
  if (!value) return '';
  const url = pick(value.value, input.language)?.value?.trim() ?? '';
  if (value.isAuthorized === false || url === UNAUTHORIZED_URL) {
    return `<p class="notice notice-warning">${escapeHtml(t('You are not authorised to see this content (the dialog token does not grant it).'))}</p>`;
  }
  if (url === EXPIRED_URL) return `<p class="notice notice-warning">${escapeHtml(t('This content has expired.'))}</p>`;
  if (!isFrontChannelEmbed(value.mediaType)) return block(value, input.language, input.allowRemoteImages) ?? '';
  if (!/^https?:\/\//i.test(url)) return `<p class="notice notice-warning">${escapeHtml(t('The content reference is not an http(s) address, so it was not fetched.'))}</p>`;
  const state = input.embeds.get(url);
  const source = `<p class="embed-source">${escapeHtml(t('Front-channel embed'))}: <code>${escapeHtml(url)}</code></p>`;
  switch (state?.state) {
    case undefined:
    case 'loading':
      return `${source}<p class="loading" role="status">${escapeHtml(t('Loading the embedded content with the dialog token…'))}</p>`;
    case 'content':
      return `<div class="embed-content">${state.html}</div>${warningsHtml(state.warnings)}${source}${state.note ? `<p class="muted embed-note">${escapeHtml(state.note)}</p>` : ''}`;
    case 'consent':
      return `${source}<div class="notice notice-info embed-consent"><p>${escapeHtml(state.message)}</p>`
        + `<button type="button" class="secondary" data-command="retryEmbed" data-url="${attr(url)}">${escapeHtml(state.action)}</button></div>`;
    case 'empty':
      return `<p class="muted">${escapeHtml(t('The service owner returned no content (empty or 204).'))}</p>${source}`;
    case 'not-fetched':
      return `${source}<p class="notice notice-info">${escapeHtml(state.reason)}</p>`;
    case 'error':
      return `${source}<div class="notice notice-error" role="alert"><p>${escapeHtml(t('The embedded content could not be fetched: {0}', state.message))}</p>`
        + `<button type="button" class="secondary" data-command="retryEmbed" data-url="${attr(url)}">${escapeHtml(t('Retry'))}</button></div>`;
  }
}

// ——— sections ———

function headerHtml(input: DialogViewInput, t: Translate): string {
  const { dialog, language } = input;
  const title = inline(dialog.content.title, language) ?? escapeHtml(dialog.isApiOnly ? t('(API-only dialog without content)') : t('(no title)'));
  const sender = inline(dialog.content.senderName, language) ?? escapeHtml(serviceOwnerName(dialog.org));
  const extended = inline(dialog.content.extendedStatus, language) ?? (dialog.extendedStatus ? escapeHtml(dialog.extendedStatus) : undefined);
  const labels = effectiveSystemLabels(dialog).filter((label) => label !== 'Default');
  const overdue = dialog.dueAt && Date.parse(dialog.dueAt) < input.now.getTime() && dialog.status !== 'Completed';
  const fallback = fallbackLanguage(dialog.content.title.value, language);
  const env = input.environment;
  const badges = [
    `<span class="badge status status-${attr(dialog.status)}">${escapeHtml(statusLabel(dialog.status, t))}</span>`,
    extended ? `<span class="badge extended-status" title="${attr(t('Extended status'))}">${extended}</span>` : '',
    ...labels.map((label) => `<span class="badge label label-${attr(label)}">${escapeHtml(labelName(label, t))}</span>`),
    dialog.isContentSeen === false || dialog.hasUnopenedContent ? `<span class="badge unread">${escapeHtml(t('Unread'))}</span>` : '',
    dialog.isApiOnly ? `<span class="badge">${escapeHtml(t('API only'))}</span>` : '',
  ].filter(Boolean).join(' ');
  const facts = [
    `<span class="sender"><span class="muted">${escapeHtml(t('From'))}</span> ${sender} <span class="muted">(${escapeHtml(dialog.org)})</span></span>`,
    dialog.dueAt ? `<span class="due${overdue ? ' overdue' : ''}">${escapeHtml(overdue ? t('Overdue since') : t('Due'))} ${formatDate(dialog.dueAt, input.locale)}</span>` : '',
    `<span>${escapeHtml(t('Updated'))} ${formatDate(dialog.contentUpdatedAt ?? dialog.updatedAt, input.locale)}</span>`,
  ].filter(Boolean).join('<span class="sep" aria-hidden="true">·</span>');
  const languageOptions = PANEL_LANGUAGES.map((code) => `<option value="${code}"${code === language ? ' selected' : ''}>${escapeHtml(LANGUAGE_NAMES[code])}</option>`).join('');
  const inboxButton = env.hasInbox
    ? `<button type="button" data-command="openInInbox" title="${attr(t('Open this dialog in the Altinn inbox in your browser'))}">${escapeHtml(t('Open in Altinn inbox'))}</button>`
    : `<button type="button" disabled title="${attr(t('The sandbox has no web inbox; its dialogs exist only on this machine.'))}">${escapeHtml(t('Open in Altinn inbox'))}</button>`;
  const apiButtons = input.source === 'api'
    ? `${inboxButton}<button type="button" data-command="copyCurl" title="${attr(t('Copy the request that fetched this dialog as a curl command (token replaced by $TOKEN)'))}">${escapeHtml(t('Copy as curl'))}</button><button type="button" data-command="copyCurlWithToken" title="${attr(t('Copy the request as a curl command with a live token (asks first)'))}">${escapeHtml(t('Copy as curl with token…'))}</button><button type="button" data-command="showRequest" title="${attr(t('Show the request that fetched this dialog and the answer\'s status and headers'))}">${escapeHtml(t('Show request'))}</button>`
    : '';
  return `<header class="dialog-header">
<div class="env-line"><span class="badge env${env.isProduction ? ' env-production' : ''}">${escapeHtml(env.label)}</span>${input.sourceLabel ? ` <span class="muted">${escapeHtml(input.sourceLabel)}</span>` : ''}
<span class="live live-${attr(input.live.state)}" id="live-status" role="status" aria-live="polite">${escapeHtml(input.live.text)}</span><button type="button" class="link-button" id="live-retry" data-command="retryLive" title="${attr(t('Connect to the event stream again'))}"${input.live.retry ? '' : ' hidden'}>${escapeHtml(t('Retry'))}</button></div>
<h1 class="dialog-title">${title}</h1>
${fallback ? `<p class="muted language-fallback">${escapeHtml(t('Not available in {0}; shown in {1}.', LANGUAGE_NAMES[language], LANGUAGE_NAMES[fallback] ?? fallback))}</p>` : ''}
<div class="facts">${facts}</div>
<div class="badges">${badges}</div>
<div class="toolbar" role="toolbar" aria-label="${attr(t('Dialog'))}">
${apiButtons}<button type="button" data-command="openRaw" title="${attr(t('Open the response JSON in an editor'))}">${escapeHtml(t('Open raw JSON'))}</button><button type="button" data-command="refresh" title="${attr(input.source === 'api' ? t('Fetch the dialog again (marks it as seen in Dialogporten)') : t('Read the payload again'))}">${escapeHtml(t('Refresh'))}</button>
<label class="toggle"><input type="checkbox" data-command="toggleRemoteImages"${input.allowRemoteImages ? ' checked' : ''}> ${escapeHtml(t('Load remote images'))}</label>
<label class="language"><span>${escapeHtml(t('Language'))}</span> <select id="language-select" data-command="setLanguage" aria-label="${attr(t('Content language'))}">${languageOptions}</select></label>
</div>
</header>`;
}

function noticesHtml(notices: readonly Notice[]): string {
  if (notices.length === 0) return '';
  return `<div class="notices">${notices.map((notice) => `<div class="notice notice-${notice.kind}" role="${notice.kind === 'error' ? 'alert' : 'status'}"><p>${escapeHtml(notice.text)}</p>${notice.command ? `<button type="button" class="secondary" data-command="${attr(notice.command.id)}">${escapeHtml(notice.command.label)}</button>` : ''}</div>`).join('')}</div>`;
}

function tabsHtml(input: DialogViewInput, t: Translate): string {
  const { dialog } = input;
  const counts: Record<PanelTab, number | undefined> = {
    overview: undefined,
    transmissions: dialog.transmissions?.length ?? 0,
    actions: (dialog.guiActions?.length ?? 0) + (dialog.apiActions?.length ?? 0),
    activity: dialog.activities?.length ?? 0,
    raw: undefined,
  };
  const names: Record<PanelTab, string> = { overview: t('Overview'), transmissions: t('Transmissions'), actions: t('Actions'), activity: t('Activity'), raw: t('Raw') };
  return `<div class="tabs" role="tablist" aria-label="${attr(t('Dialog sections'))}">${PANEL_TABS.map((tab, index) => `<button type="button" role="tab" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}" data-tab="${tab}">${escapeHtml(names[tab])}${counts[tab] !== undefined ? ` <span class="count">${counts[tab]}</span>` : ''}</button>`).join('')}</div>`;
}

function section(title: string, body: string, className: string): string {
  return `<section class="${className}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function overviewHtml(input: DialogViewInput, t: Translate): string {
  const { dialog, language } = input;
  const parts: string[] = [];
  const summary = block(dialog.content.summary, language, input.allowRemoteImages);
  if (summary) parts.push(`<section class="summary" aria-label="${attr(t('Summary'))}">${summary}</section>`);
  const additional = block(dialog.content.additionalInfo, language, input.allowRemoteImages);
  if (additional) parts.push(section(t('Additional information'), `<div class="content">${additional}</div>`, 'additional-info'));
  if (dialog.content.mainContentReference) parts.push(section(t('Main content'), `<div class="content">${embedHtml(dialog.content.mainContentReference, input, t)}</div>`, 'main-content'));
  const primary = (dialog.guiActions ?? []).filter((action) => action.priority !== 'Tertiary');
  if (primary.length) parts.push(section(t('Actions'), guiActionsHtml(primary, input, t), 'gui-actions-overview'));
  if (dialog.attachments?.length) parts.push(section(t('Attachments'), attachmentsHtml(dialog.attachments, input, t), 'attachments'));
  if (parts.length === 0 || (!summary && !additional && !dialog.content.mainContentReference)) {
    parts.push(`<p class="muted">${escapeHtml(t('This dialog has no summary, additional information or main content.'))}</p>`);
  }
  parts.push(section(t('Details'), detailsHtml(input, t), 'details'));
  parts.push(section(t('Seen by'), seenByHtml(input, t), 'seen-by'));
  return parts.join('\n');
}

function detailsHtml(input: DialogViewInput, t: Translate): string {
  const { dialog } = input;
  const rows: [string, string][] = [
    [t('Recipient (party)'), `<code>${escapeHtml(dialog.party)}</code>`],
    [t('Sender'), `${escapeHtml(serviceOwnerName(dialog.org))} <span class="muted">(${escapeHtml(dialog.org)})</span>`],
    [t('Service resource'), `<code>${escapeHtml(dialog.serviceResource)}</code>${dialog.serviceResourceType ? ` <span class="muted">${escapeHtml(dialog.serviceResourceType)}</span>` : ''}`],
    [t('Status'), `${escapeHtml(statusLabel(dialog.status, t))} <span class="muted">(${escapeHtml(dialog.status)})</span>${dialog.extendedStatus ? ` — <code>${escapeHtml(dialog.extendedStatus)}</code>` : ''}`],
  ];
  if (dialog.progress !== undefined && dialog.progress !== null) rows.push([t('Progress'), `${escapeHtml(String(dialog.progress))} %`]);
  if (dialog.process) rows.push([t('Process'), `<code>${escapeHtml(dialog.process)}</code>`]);
  if (dialog.precedingProcess) rows.push([t('Preceding process'), `<code>${escapeHtml(dialog.precedingProcess)}</code>`]);
  if (dialog.externalReference) rows.push([t('External reference'), `<code>${escapeHtml(dialog.externalReference)}</code>`]);
  rows.push([t('Created'), formatDate(dialog.createdAt, input.locale)]);
  rows.push([t('Updated'), formatDate(dialog.updatedAt, input.locale)]);
  if (dialog.contentUpdatedAt) rows.push([t('Content updated'), formatDate(dialog.contentUpdatedAt, input.locale)]);
  if (dialog.dueAt) rows.push([t('Due'), formatDate(dialog.dueAt, input.locale)]);
  if (dialog.expiresAt) rows.push([t('Expires'), formatDate(dialog.expiresAt, input.locale)]);
  rows.push([t('System labels'), effectiveSystemLabels(dialog).map((label) => escapeHtml(labelName(label, t))).join(', ')]);
  rows.push([t('Dialog id'), `<code>${escapeHtml(dialog.id)}</code>`]);
  rows.push([t('Revision'), `<code>${escapeHtml(dialog.revision)}</code>`]);
  rows.push([t('Fetched'), formatDate(input.fetchedAt, input.locale)]);
  return `<table class="facts-table"><tbody>${rows.map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function seenByHtml(input: DialogViewInput, t: Translate): string {
  const entries = input.dialog.seenSinceLastContentUpdate ?? input.dialog.seenSinceLastUpdate ?? [];
  if (entries.length === 0) return `<p class="muted">${escapeHtml(t('Nobody has opened the dialog since its content was last updated.'))}</p>`;
  const items = [...entries].sort((a, b) => b.seenAt.localeCompare(a.seenAt)).map((entry) => {
    const who = entry.isCurrentEndUser ? `<strong>${escapeHtml(t('You'))}</strong>` : actorName(entry.seenBy, input.dialog.org, t);
    const via = entry.isViaServiceOwner ? ` <span class="muted">(${escapeHtml(t('via the service owner'))})</span>` : '';
    return `<li>${who}${via} — ${formatDate(entry.seenAt, input.locale)}</li>`;
  });
  return `<ul class="seen-list">${items.join('')}</ul>`;
}

type Attachment = NonNullable<Dialog['attachments']>[number];

function attachmentsHtml(attachments: readonly Attachment[], input: DialogViewInput, t: Translate): string {
  const items = attachments.map((attachment) => {
    const name = inlinePlain(attachment.displayName, input.language) ?? (attachment.name ? escapeHtml(attachment.name) : escapeHtml(t('(unnamed attachment)')));
    const expired = attachment.expiresAt && Date.parse(attachment.expiresAt) < input.now.getTime();
    const urls = (attachment.urls ?? []).map((url) => {
      const kind = url.consumerType === 'Api' ? t('for systems (API)') : t('for people (GUI)');
      const type = url.mediaType ? ` <span class="muted">${escapeHtml(url.mediaType)}</span>` : '';
      if (url.url === UNAUTHORIZED_URL) return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <span class="badge warning">${escapeHtml(t('not authorised'))}</span></li>`;
      if (url.url === EXPIRED_URL || expired) return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <span class="badge warning">${escapeHtml(t('expired'))}</span></li>`;
      if (!/^https?:\/\//i.test(url.url)) return `<li><span class="muted">${escapeHtml(kind)}</span>${type} — <code>${escapeHtml(url.url)}</code></li>`;
      return `<li><span class="muted">${escapeHtml(kind)}</span>${type} <button type="button" class="link-button" data-command="downloadAttachment" data-attachment-id="${attr(attachment.id)}" data-url="${attr(url.url)}" title="${attr(url.url)}">${escapeHtml(t('Download'))}</button></li>`;
    });
    const expiry = attachment.expiresAt ? ` <span class="badge${expired ? ' warning' : ''}">${escapeHtml(expired ? t('expired') : t('expires'))} ${formatDate(attachment.expiresAt, input.locale)}</span>` : '';
    return `<li class="attachment"><span class="attachment-name">${name}</span>${attachment.name ? ` <span class="muted">${escapeHtml(attachment.name)}</span>` : ''}${expiry}<ul class="attachment-urls">${urls.join('')}</ul></li>`;
  });
  return `<ul class="attachment-list">${items.join('')}</ul>`;
}

type GuiAction = NonNullable<Dialog['guiActions']>[number];
type ApiAction = NonNullable<Dialog['apiActions']>[number];

const PRIORITY_ORDER: Record<string, number> = { Primary: 0, Secondary: 1, Tertiary: 2 };

function guiActionsHtml(actions: readonly GuiAction[], input: DialogViewInput, t: Translate): string {
  const sorted = [...actions].sort((a, b) => (PRIORITY_ORDER[a.priority] ?? 3) - (PRIORITY_ORDER[b.priority] ?? 3));
  const items = sorted.map((action) => {
    const title = inlinePlain(action.title, input.language) ?? escapeHtml(action.action);
    const method = action.httpMethod ?? 'GET';
    const unauthorized = action.isAuthorized === false || action.url === UNAUTHORIZED_URL;
    const priorityName = action.priority === 'Primary' ? t('Primary') : action.priority === 'Secondary' ? t('Secondary') : t('Tertiary');
    const prompt = inlinePlain(action.prompt, input.language);
    const result = input.actionResults.get(action.id);
    const disabled = unauthorized || input.source === 'payload';
    const why = unauthorized ? t('Not authorised for this action') : input.source === 'payload' ? t('Actions run only on dialogs fetched from Dialogporten') : method === 'GET' ? t('Opens in your browser after you confirm') : t('Sends {0} with the dialog token after you confirm', method);
    return `<li class="gui-action priority-${attr(action.priority)}${action.isDeleteDialogAction ? ' delete-action' : ''}">
<button type="button" class="${action.priority === 'Primary' ? 'primary' : 'secondary'}" data-command="executeGuiAction" data-action-id="${attr(action.id)}"${disabled ? ' disabled' : ''} title="${attr(why)}">${title}</button>
<span class="badge">${escapeHtml(priorityName)}</span>${action.isDeleteDialogAction ? ` <span class="badge warning">${escapeHtml(t('deletes the dialog'))}</span>` : ''}${unauthorized ? ` <span class="badge warning">${escapeHtml(t('not authorised'))}</span>` : ''}
<div class="action-target"><code>${escapeHtml(method)}</code> <code class="url">${escapeHtml(action.url)}</code></div>
${prompt ? `<div class="muted">${escapeHtml(t('Asks first:'))} «${prompt}»</div>` : ''}
${action.authorizationAttribute ? `<div class="muted">${escapeHtml(t('Authorisation attribute'))}: <code>${escapeHtml(action.authorizationAttribute)}</code></div>` : ''}
${result ? actionResultHtml(result, input, t) : ''}</li>`;
  });
  return `<ul class="gui-actions">${items.join('')}</ul>`;
}

function actionResultHtml(result: ActionResult, input: DialogViewInput, t: Translate): string {
  if (result.openedExternally) return `<div class="action-result" role="status">${escapeHtml(t('Opened in the browser'))} — ${formatDate(result.at, input.locale)}</div>`;
  if (result.error) return `<div class="action-result notice-error" role="alert">${escapeHtml(t('{0} {1} failed: {2}', result.method, result.url, result.error))}</div>`;
  const body = result.body ? `<pre class="response-body">${escapeHtml(result.body)}${result.truncated ? `\n${escapeHtml(t('… (cut; the answer was longer)'))}` : ''}</pre>` : `<p class="muted">${escapeHtml(t('(no body)'))}</p>`;
  return `<div class="action-result" role="status"><div><code>${escapeHtml(result.method)}</code> → <strong>${escapeHtml(String(result.status ?? '?'))}</strong>${result.contentType ? ` <span class="muted">${escapeHtml(result.contentType)}</span>` : ''} — ${formatDate(result.at, input.locale)}</div>${body}</div>`;
}

function apiActionsHtml(actions: readonly ApiAction[], input: DialogViewInput, t: Translate): string {
  const items = actions.map((action) => {
    const unauthorized = action.isAuthorized === false;
    const endpoints = (action.endpoints ?? []).map((endpoint) => {
      const facts = [
        endpoint.version ? `${escapeHtml(t('version'))} <code>${escapeHtml(endpoint.version)}</code>` : '',
        endpoint.deprecated ? `<span class="badge warning">${escapeHtml(t('deprecated'))}</span>` : '',
        endpoint.sunsetAt ? `${escapeHtml(t('sunset'))} ${formatDate(endpoint.sunsetAt, input.locale)}` : '',
        endpoint.documentationUrl ? linkHtml(endpoint.documentationUrl, t('documentation')) : '',
        endpoint.requestSchema ? linkHtml(endpoint.requestSchema, t('request schema')) : '',
        endpoint.responseSchema ? linkHtml(endpoint.responseSchema, t('response schema')) : '',
      ].filter(Boolean).join(' · ');
      return `<li><code>${escapeHtml(endpoint.httpMethod ?? 'GET')}</code> <code class="url">${escapeHtml(endpoint.url)}</code>${facts ? `<div class="muted">${facts}</div>` : ''}</li>`;
    });
    return `<li class="api-action"><strong>${escapeHtml(action.name ?? action.action)}</strong> <span class="muted">${escapeHtml(t('action'))} <code>${escapeHtml(action.action)}</code></span>${unauthorized ? ` <span class="badge warning">${escapeHtml(t('not authorised'))}</span>` : ''}
${action.authorizationAttribute ? `<div class="muted">${escapeHtml(t('Authorisation attribute'))}: <code>${escapeHtml(action.authorizationAttribute)}</code></div>` : ''}
<ul class="endpoints">${endpoints.join('') || `<li class="muted">${escapeHtml(t('No endpoints'))}</li>`}</ul></li>`;
  });
  return `<ul class="api-actions">${items.join('')}</ul>`;
}

/** A link of ours to an address from the API: only http(s) becomes a link (clicks go through the extension). */
function linkHtml(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return `${escapeHtml(label)}: <code>${escapeHtml(url)}</code>`;
  return `<a href="${attr(url)}" rel="noopener noreferrer" title="${attr(url)}">${escapeHtml(label)}</a>`;
}

function actionsHtml(input: DialogViewInput, t: Translate): string {
  const gui = input.dialog.guiActions ?? [];
  const api = input.dialog.apiActions ?? [];
  const guiPart = gui.length
    ? `<p class="muted">${escapeHtml(t('Buttons the Altinn inbox shows, by priority. Nothing runs without your confirmation; the answer appears under the action.'))}</p>${guiActionsHtml(gui, input, t)}`
    : `<p class="muted">${escapeHtml(t('No GUI actions.'))}</p>`;
  const apiPart = api.length
    ? `<p class="muted">${escapeHtml(t('Endpoints an end-user system calls for this dialog. Shown for reference; they are not called from here.'))}</p>${apiActionsHtml(api, input, t)}`
    : `<p class="muted">${escapeHtml(t('No API actions.'))}</p>`;
  return section(t('GUI actions'), guiPart, 'gui-actions-section') + section(t('API actions'), apiPart, 'api-actions-section');
}

type Transmission = NonNullable<Dialog['transmissions']>[number];

function transmissionsHtml(input: DialogViewInput, t: Translate): string {
  const transmissions = [...(input.dialog.transmissions ?? [])];
  if (transmissions.length === 0) return `<p class="muted">${escapeHtml(t('No transmissions.'))}</p>`;
  const byId = new Map(transmissions.map((tx) => [tx.id.toLowerCase(), tx]));
  const children = new Map<string, Transmission[]>();
  const roots: Transmission[] = [];
  for (const tx of transmissions) {
    const parent = tx.relatedTransmissionId?.toLowerCase();
    if (parent && byId.has(parent) && parent !== tx.id.toLowerCase()) {
      const list = children.get(parent) ?? [];
      list.push(tx);
      children.set(parent, list);
    } else {
      roots.push(tx);
    }
  }
  const newestFirst = (a: Transmission, b: Transmission): number => b.createdAt.localeCompare(a.createdAt);
  const oldestFirst = (a: Transmission, b: Transmission): number => a.createdAt.localeCompare(b.createdAt);
  const sent = transmissions.filter((tx) => FROM_PARTY_TYPES.has(tx.type)).length;
  const rendered = new Set<string>();
  const render = (tx: Transmission, depth: number): string => {
    const key = tx.id.toLowerCase();
    if (rendered.has(key) || depth > 32) return '';
    rendered.add(key);
    const replies = (children.get(key) ?? []).sort(oldestFirst).map((child) => render(child, depth + 1)).join('');
    return `<li>${transmissionHtml(tx, byId, input, t)}${replies ? `<ol class="thread">${replies}</ol>` : ''}</li>`;
  };
  const summary = `<p class="muted">${escapeHtml(t('{0} from the service owner, {1} sent by the party. Replies are nested under what they answer.', transmissions.length - sent, sent))}</p>`;
  // Cycles in relatedTransmissionId leave items unrendered: show those as roots too.
  const body = roots.sort(newestFirst).map((tx) => render(tx, 0)).join('');
  const leftovers = transmissions.filter((tx) => !rendered.has(tx.id.toLowerCase())).sort(newestFirst).map((tx) => render(tx, 0)).join('');
  return `${summary}<ol class="timeline">${body}${leftovers}</ol>`;
}

function transmissionHtml(tx: Transmission, byId: ReadonlyMap<string, Transmission>, input: DialogViewInput, t: Translate): string {
  const { language } = input;
  const fromParty = FROM_PARTY_TYPES.has(tx.type);
  const unauthorized = tx.isAuthorized === false;
  const title = inline(tx.content.title, language) ?? escapeHtml(t('(no title)'));
  const summary = block(tx.content.summary, language, input.allowRemoteImages);
  const related = tx.relatedTransmissionId ? byId.get(tx.relatedTransmissionId.toLowerCase()) : undefined;
  const relatedHtml = tx.relatedTransmissionId
    ? `<div class="related">${escapeHtml(t('In reply to'))} ${related ? `<a href="#tx-${attr(related.id)}" data-transmission="${attr(related.id)}">${inline(related.content.title, language) ?? escapeHtml(related.id)}</a>` : `<code>${escapeHtml(tx.relatedTransmissionId)}</code> <span class="muted">(${escapeHtml(t('not in this dialog'))})</span>`}</div>`
    : '';
  const content = tx.content.contentReference ? `<div class="content">${embedHtml(tx.content.contentReference, input, t)}</div>` : '';
  const navigation = (tx.navigationalActions ?? []).map((nav) => {
    const label = inlinePlain(nav.title, language) ?? escapeHtml(nav.url);
    if (nav.url === EXPIRED_URL) return `<li>${label} — <span class="badge warning">${escapeHtml(t('expired'))}</span></li>`;
    if (!/^https?:\/\//i.test(nav.url)) return `<li>${label} — <code>${escapeHtml(nav.url)}</code></li>`;
    return `<li><a href="${attr(nav.url)}" rel="noopener noreferrer" title="${attr(nav.url)}">${label}</a>${nav.expiresAt ? ` <span class="muted">${escapeHtml(t('until'))} ${formatDate(nav.expiresAt, input.locale)}</span>` : ''}</li>`;
  });
  return `<article class="transmission${fromParty ? ' from-party' : ''}${unauthorized ? ' unauthorized' : ''}" id="tx-${attr(tx.id)}" tabindex="-1" aria-labelledby="tx-title-${attr(tx.id)}">
<div class="tx-meta"><span class="badge type type-${attr(tx.type)}">${escapeHtml(transmissionTypeLabel(tx.type, t))}</span> <span>${escapeHtml(t('From'))} ${actorName(tx.sender, input.dialog.org, t)}</span> <span class="sep" aria-hidden="true">·</span> ${formatDate(tx.createdAt, input.locale)}${tx.isOpened === false ? ` <span class="badge unread">${escapeHtml(t('Unopened'))}</span>` : ''}${unauthorized ? ` <span class="badge warning">${escapeHtml(t('not authorised'))}</span>` : ''}</div>
<h3 id="tx-title-${attr(tx.id)}">${title}</h3>
${relatedHtml}
${unauthorized ? `<p class="notice notice-warning">${escapeHtml(t('The content and attachments of this transmission need an authorisation you do not have ({0}).', tx.authorizationAttribute ?? t('authorisation attribute not given')))}</p>` : ''}
${summary ? `<div class="summary">${summary}</div>` : ''}
${content}
${tx.attachments?.length ? `<h4>${escapeHtml(t('Attachments'))}</h4>${attachmentsHtml(tx.attachments, input, t)}` : ''}
${navigation.length ? `<h4>${escapeHtml(t('Links'))}</h4><ul class="navigational-actions">${navigation.join('')}</ul>` : ''}
${tx.externalReference || tx.extendedType ? `<div class="muted">${tx.extendedType ? `<code>${escapeHtml(tx.extendedType)}</code> ` : ''}${tx.externalReference ? `${escapeHtml(t('ref.'))} <code>${escapeHtml(tx.externalReference)}</code>` : ''}</div>` : ''}
</article>`;
}

function activityHtml(input: DialogViewInput, t: Translate): string {
  const { dialog, language } = input;
  const activities = [...(dialog.activities ?? [])].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const byId = new Map((dialog.transmissions ?? []).map((tx) => [tx.id.toLowerCase(), tx]));
  const rows = activities.map((activity) => {
    const description = inlinePlain(activity.description, language);
    const tx = activity.transmissionId ? byId.get(activity.transmissionId.toLowerCase()) : undefined;
    const txLink = activity.transmissionId
      ? ` — ${tx ? `<a href="#tx-${attr(tx.id)}" data-transmission="${attr(tx.id)}">${inline(tx.content.title, language) ?? escapeHtml(tx.id)}</a>` : `<code>${escapeHtml(activity.transmissionId)}</code>`}`
      : '';
    return `<tr><td>${formatDate(activity.createdAt, input.locale)}</td><td>${escapeHtml(activityTypeLabel(activity.type, t))}${activity.extendedType ? ` <span class="muted"><code>${escapeHtml(activity.extendedType)}</code></span>` : ''}${txLink}${description ? `<div>${description}</div>` : ''}</td><td>${actorName(activity.performedBy, dialog.org, t)}</td></tr>`;
  });
  const table = rows.length
    ? `<table class="activity-table"><thead><tr><th scope="col">${escapeHtml(t('When'))}</th><th scope="col">${escapeHtml(t('What'))}</th><th scope="col">${escapeHtml(t('Who'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p class="muted">${escapeHtml(t('No activities.'))}</p>`;
  return section(t('Activity history'), table, 'activity-history') + section(t('Seen by'), seenByHtml(input, t), 'seen-by');
}

function rawHtml(input: DialogViewInput, t: Translate): string {
  const token = input.token;
  const tokenHtml = token
    ? `<table class="facts-table"><tbody>
<tr><th scope="row">${escapeHtml(t('Expires'))}</th><td>${token.expiresAt ? formatDate(token.expiresAt, input.locale) : '—'}</td></tr>
<tr><th scope="row">${escapeHtml(t('Authorised actions (a)'))}</th><td>${token.actions.length ? token.actions.map((a) => `<code>${escapeHtml(a)}</code>`).join(' ') : '—'}</td></tr>
${token.authenticatedParty ? `<tr><th scope="row">${escapeHtml(t('Authenticated party (c)'))}</th><td><code>${escapeHtml(token.authenticatedParty)}</code></td></tr>` : ''}
${token.authLevel !== undefined ? `<tr><th scope="row">${escapeHtml(t('Authentication level (l)'))}</th><td>${escapeHtml(String(token.authLevel))}</td></tr>` : ''}
${token.issuer ? `<tr><th scope="row">${escapeHtml(t('Issuer'))}</th><td><code>${escapeHtml(token.issuer)}</code></td></tr>` : ''}
</tbody></table>`
    : `<p class="muted">${escapeHtml(t('The response carried no dialog token.'))}</p>`;
  const size = input.rawBytes >= 1024 * 1024 ? `${(input.rawBytes / (1024 * 1024)).toFixed(1)} MB` : input.rawBytes >= 1024 ? `${(input.rawBytes / 1024).toFixed(1)} KB` : `${input.rawBytes} B`;
  return section(t('Dialog token'), `<p class="muted">${escapeHtml(t('The token itself is a bearer credential and is never shown here; these are its claims.'))}</p>${tokenHtml}`, 'token-claims')
    + section(t('Response JSON'), `<p class="muted">${escapeHtml(t('{0}, exactly as received except that the dialog token is replaced by a placeholder.', size))} <button type="button" class="link-button" data-command="openRaw">${escapeHtml(t('Open in an editor'))}</button></p><pre class="raw-json" tabindex="0" aria-label="${attr(t('Response JSON'))}">${escapeHtml(input.rawJson)}</pre>`, 'raw');
}

/** The whole body: header, notices, tab list and the five tab panels (the first one visible). */
export function renderDialogBody(input: DialogViewInput, t: Translate): string {
  const panels: Record<PanelTab, string> = {
    overview: overviewHtml(input, t),
    transmissions: transmissionsHtml(input, t),
    actions: actionsHtml(input, t),
    activity: activityHtml(input, t),
    raw: rawHtml(input, t),
  };
  return `<div class="dialog" data-dialog-id="${attr(input.dialog.id)}">
${headerHtml(input, t)}
${noticesHtml(input.notices)}
${tabsHtml(input, t)}
${PANEL_TABS.map((tab, index) => `<section class="tab-panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0"${index === 0 ? '' : ' hidden'}>${panels[tab]}</section>`).join('\n')}
</div>`;
}

/**
 * Shown instead of the body while the dialog is being fetched, or when it could not be. `detail`: the technical
 * cause under the message (e.g. the request and the service's answer).
 */
export function renderPlaceholderBody(options: { title?: string; message: string; detail?: string; kind: 'loading' | 'error' | 'restored' | 'too-large'; commands?: readonly { id: string; label: string }[]; environmentLabel?: string }): string {
  const buttons = (options.commands ?? []).map((command, index) => `<button type="button" class="${index === 0 ? 'primary' : 'secondary'}" data-command="${attr(command.id)}">${escapeHtml(command.label)}</button>`).join(' ');
  return `<div class="dialog placeholder placeholder-${options.kind}">
${options.environmentLabel ? `<div class="env-line"><span class="badge env">${escapeHtml(options.environmentLabel)}</span></div>` : ''}
${options.title ? `<h1 class="dialog-title">${escapeHtml(options.title)}</h1>` : ''}
<div class="notice ${options.kind === 'error' ? 'notice-error' : 'notice-info'}" role="${options.kind === 'error' ? 'alert' : 'status'}"><p>${escapeHtml(options.message)}</p>${options.detail ? `<p class="detail">${escapeHtml(options.detail)}</p>` : ''}${buttons ? `<div class="buttons">${buttons}</div>` : ''}</div>
</div>`;
}
