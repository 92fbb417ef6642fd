import { pickLocalized, plainText } from '../../platform/content';
import { effectiveSystemLabels } from '../../platform/dialogporten/schemas/tolerance';
import { EXPIRED_URL, UNAUTHORIZED_URL, type DialogStatus, type SystemLabel } from '../../platform/dialogporten/schemas/constants';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import type { DialogAttachment } from '../../platform/dialogporten/schemas/attachments';
import type { TransmissionListItem } from '../../platform/dialogporten/schemas/transmissions';
import type { DialogActivitySearchItem } from '../../platform/dialogporten/schemas/activities';
import type { DialogSeenLog } from '../../platform/dialogporten/schemas/seenLogs';
import type { LabelAssignment } from '../../platform/dialogporten/schemas/labelLog';
import type { CorrespondenceAttachment, CorrespondenceOverview, CorrespondenceStatusEvent } from '../../platform/correspondence/schemas';

/**
 * How inbox items look in the tree, as plain data (no vscode): label, description, codicon, context tokens and
 * a Markdown tooltip. Everything a service owner wrote is reduced to plain text and escaped for Markdown.
 */
export interface Presentation {
  readonly label: string;
  readonly description: string;
  readonly icon: { readonly id: string; readonly color?: string };
  /** Space-separated tokens, matched in when-clauses with `viewItem =~ /\btoken\b/`. */
  readonly contextValue: string;
  /** Highlight the whole label (unread). */
  readonly emphasize?: boolean;
}

type Localizations = readonly { readonly value: string; readonly languageCode: string }[] | null | undefined;
type ContentValue = { readonly value?: Localizations; readonly mediaType: string } | null | undefined;

/** Translates a message with `{0}` placeholders; the VS Code layer passes `vscode.l10n`. */
export interface Localizer {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** English, placeholders filled (for Node tests and anything outside VS Code). */
export const plainLocalizer: Localizer = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] === undefined ? whole : String(args[Number(index)]))),
};

export interface FormatOptions {
  /** Translations of the words around the data (default English). */
  readonly l10n?: Localizer;
  /** BCP 47 locale for dates (VS Code's display language). */
  readonly locale?: string;
  /** Preferred content languages before nb → nn → en. */
  readonly languages?: readonly string[];
  readonly now?: Date;
}

/** Common service owners by Altinn org code; others show their code. */
const SERVICE_OWNERS: Readonly<Record<string, string>> = {
  skd: 'Skatteetaten', nav: 'NAV', brg: 'Brønnøysundregistrene', digdir: 'Digdir', ssb: 'Statistisk sentralbyrå',
  udir: 'Utdanningsdirektoratet', hdir: 'Helsedirektoratet', dsb: 'DSB', mattilsynet: 'Mattilsynet', lt: 'Lånekassen',
  ttd: 'Testdepartementet', svv: 'Statens vegvesen', sfd: 'Sjøfartsdirektoratet', nsm: 'NSM', dibk: 'DiBK',
};

export function serviceOwnerName(org: string): string {
  return SERVICE_OWNERS[org.toLowerCase()] ?? org.toUpperCase();
}

/** The text in the preferred language, reduced to one plain line. */
export function localizedText(value: ContentValue, options: FormatOptions = {}): string | undefined {
  const picked = pickLocalized(value?.value ?? [], options.languages);
  if (!picked?.value) return undefined;
  const format = value?.mediaType?.toLowerCase() ?? 'text/plain';
  const text = format.startsWith('text/plain') ? picked.value : plainText(picked.value, format);
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

export function localizedPlain(values: Localizations, options: FormatOptions = {}): string | undefined {
  return pickLocalized(values ?? [], options.languages)?.value?.replace(/\s+/g, ' ').trim() || undefined;
}

/** `14:22` today, `14 Mar` this year, `14 Mar 2024` otherwise. */
export function shortDate(iso: string | null | undefined, options: FormatOptions = {}): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const now = options.now ?? new Date();
  const locale = options.locale ?? 'en-GB';
  if (date.getDate() === now.getDate() && date.getMonth() === now.getMonth() && date.getFullYear() === now.getFullYear()) {
    return formatDate(date, locale, 'time', date.getHours() * 60 + date.getMinutes());
  }
  if (date.getFullYear() === now.getFullYear()) return formatDate(date, locale, 'dayMonth', date.getMonth() * 32 + date.getDate());
  return formatDate(date, locale, 'dayMonthYear', (date.getFullYear() * 12 + date.getMonth()) * 32 + date.getDate());
}

export function longDate(iso: string | null | undefined, options: FormatOptions = {}): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(date, options.locale ?? 'en-GB', 'dateTime', Math.floor(date.getTime() / 60_000))} (${iso})`;
}

const DATE_STYLES = {
  time: { hour: '2-digit', minute: '2-digit' },
  dayMonth: { day: 'numeric', month: 'short' },
  dayMonthYear: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, { readonly format: Intl.DateTimeFormat; readonly texts: Map<number, string> }>();

/**
 * `date` in one of the styles, `key` naming what the text depends on (the local minute or day). toLocale…String
 * builds a new Intl.DateTimeFormat on every call (tens of µs), and a page of tree items formats thousands of dates
 * that share a few days, so both the formats and their texts are kept.
 */
function formatDate(date: Date, locale: string, style: keyof typeof DATE_STYLES, key: number): string {
  const name = `${style} ${locale}`;
  let cached = dateFormats.get(name);
  if (!cached) dateFormats.set(name, (cached = { format: new Intl.DateTimeFormat(locale, DATE_STYLES[style]), texts: new Map() }));
  let text = cached.texts.get(key);
  if (text === undefined) {
    if (cached.texts.size >= 5_000) cached.texts.clear();
    cached.texts.set(key, (text = cached.format.format(date)));
  }
  return text;
}

/** `RequiresAttention` → `Requires attention`. */
export function humanize(value: string): string {
  const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Text from outside (service owners, API) made inert in a Markdown tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ——— dialogs ———

const STATUS_ICONS: Readonly<Record<DialogStatus, { id: string; color?: string }>> = {
  NotApplicable: { id: 'mail' },
  InProgress: { id: 'sync', color: 'charts.blue' },
  Draft: { id: 'edit', color: 'charts.purple' },
  Awaiting: { id: 'watch', color: 'charts.yellow' },
  RequiresAttention: { id: 'warning', color: 'charts.orange' },
  Completed: { id: 'pass', color: 'charts.green' },
};

export function isDialogUnread(item: Pick<DialogListItem, 'isContentSeen' | 'seenSinceLastContentUpdate' | 'seenSinceLastUpdate' | 'endUserContext' | 'systemLabel'>): boolean {
  if (effectiveSystemLabels(item).includes('MarkedAsUnopened')) return true;
  if (item.isContentSeen !== undefined) return !item.isContentSeen;
  const seen = item.seenSinceLastContentUpdate ?? item.seenSinceLastUpdate;
  return !(seen ?? []).some((entry) => entry.isCurrentEndUser === true);
}

export function dialogTitle(item: Pick<DialogListItem, 'content' | 'isApiOnly'>, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  return localizedText(item.content?.title, options) ?? (item.isApiOnly ? l10n.t('(API-only dialog without content)') : l10n.t('(no title)'));
}

export function dialogSender(item: Pick<DialogListItem, 'content' | 'org'>, options: FormatOptions = {}): string {
  return localizedText(item.content?.senderName, options) ?? serviceOwnerName(item.org);
}

function labelName(label: SystemLabel, l10n: Localizer): string {
  switch (label) {
    case 'Default': return l10n.t('Inbox');
    case 'Bin': return l10n.t('Bin');
    case 'Archive': return l10n.t('Archive');
    case 'MarkedAsUnopened': return l10n.t('Marked as unopened');
    case 'Sent': return l10n.t('Sent');
  }
}

export function presentDialog(item: DialogListItem, options: FormatOptions = {}): Presentation {
  const labels = effectiveSystemLabels(item);
  const unread = isDialogUnread(item);
  const icon = labels.includes('Bin') ? { id: 'trash' } : labels.includes('Archive') ? { id: 'archive' } : STATUS_ICONS[item.status] ?? { id: 'mail' };
  const l10n = options.l10n ?? plainLocalizer;
  const where = labels.includes('Bin') ? l10n.t('in bin') : labels.includes('Archive') ? l10n.t('archived') : undefined;
  const description = [unread ? '●' : '', dialogSender(item, options), shortDate(item.contentUpdatedAt ?? item.updatedAt, options), where ?? '']
    .filter(Boolean).join(' · ').replace('● · ', '● ');
  const tokens = ['dialog', 'raw', `status-${item.status}`, ...labels.map((l) => `label-${l}`), unread ? 'unread' : 'read'];
  if (item.isApiOnly) tokens.push('apiOnly');
  if (labels.includes('Bin') || labels.includes('Archive')) tokens.push('restorable');
  return { label: dialogTitle(item, options), description, icon, contextValue: tokens.join(' '), emphasize: unread };
}

export function dialogTooltip(item: DialogListItem, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  const labels = effectiveSystemLabels(item);
  const summary = localizedText(item.content?.summary, options);
  const extended = localizedText(item.content?.extendedStatus, options) ?? item.extendedStatus ?? undefined;
  const seen = (item.seenSinceLastContentUpdate ?? item.seenSinceLastUpdate ?? []).map((s) => (s.isCurrentEndUser ? l10n.t('you') : s.seenBy.actorName ?? l10n.t('someone')));
  const rows: [string, string][] = [
    [l10n.t('Sender'), `${dialogSender(item, options)} (${item.org})`],
    [l10n.t('Status'), `${humanize(item.status)}${extended ? ` — ${extended}` : ''}`],
    [l10n.t('Labels'), labels.map((l) => labelName(l, l10n)).join(', ')],
    [l10n.t('Unread'), isDialogUnread(item) ? l10n.t('yes') : l10n.t('no')],
    [l10n.t('Content updated'), longDate(item.contentUpdatedAt ?? item.updatedAt, options)],
    [l10n.t('Created'), longDate(item.createdAt, options)],
  ];
  if (item.dueAt) rows.push([l10n.t('Due'), longDate(item.dueAt, options)]);
  rows.push([l10n.t('Service resource'), item.serviceResource]);
  if (item.fromServiceOwnerTransmissionsCount !== undefined || item.fromPartyTransmissionsCount !== undefined) {
    rows.push([l10n.t('Transmissions'), l10n.t('{0} from the service owner, {1} from the party', item.fromServiceOwnerTransmissionsCount ?? 0, item.fromPartyTransmissionsCount ?? 0)]);
  }
  if (item.guiAttachmentCount) rows.push([l10n.t('Attachments'), String(item.guiAttachmentCount)]);
  rows.push([l10n.t('Seen by'), seen.length ? seen.join(', ') : l10n.t('nobody since the last update')]);
  if (item.isApiOnly) rows.push([l10n.t('API only'), l10n.t('yes (the Altinn inbox hides it)')]);
  if (item.externalReference) rows.push([l10n.t('External reference'), item.externalReference]);
  rows.push([l10n.t('Dialog id'), item.id]);
  return [
    `**${escapeMarkdown(dialogTitle(item, options))}**`,
    summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '',
    `\n\n${table(rows)}`,
    `\n\n_${escapeMarkdown(l10n.t('Open fetches the dialog\'s details, which marks it as seen in Dialogporten. Listing does not.'))}_`,
  ].join('');
}

function table(rows: readonly [string, string][]): string {
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`)].join('\n');
}

// ——— transmissions, attachments, activities, seen log, label log ———

const TRANSMISSION_ICONS: Readonly<Record<string, { id: string; color?: string }>> = {
  Information: { id: 'info', color: 'charts.blue' },
  Acceptance: { id: 'check', color: 'charts.green' },
  Rejection: { id: 'close', color: 'charts.red' },
  Request: { id: 'question', color: 'charts.yellow' },
  Alert: { id: 'bell', color: 'charts.orange' },
  Decision: { id: 'law', color: 'charts.purple' },
  Submission: { id: 'arrow-up' },
  Correction: { id: 'edit' },
};

const FROM_PARTY = new Set(['Submission', 'Correction']);

/** `serviceOwner`: the dialog's sender, shown when a service-owner transmission names no actor. */
export function presentTransmission(t: TransmissionListItem, options: FormatOptions = {}, serviceOwner?: string): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const title = localizedText(t.content.title, options) ?? l10n.t('({0} without title)', humanize(t.type));
  const who = t.sender.actorName ?? (t.sender.actorType === 'ServiceOwner' ? serviceOwner ?? l10n.t('service owner') : t.sender.actorType ? l10n.t('party') : '');
  const unauthorized = t.isAuthorized === false;
  const direction = FROM_PARTY.has(t.type) ? 'sent' : 'received';
  const tokens = ['transmission', 'raw', `type-${t.type}`, direction];
  if (unauthorized) tokens.push('unauthorized');
  return {
    label: title,
    description: [humanize(t.type), who, shortDate(t.createdAt, options), unauthorized ? l10n.t('not authorized') : ''].filter(Boolean).join(' · '),
    icon: unauthorized ? { id: 'lock' } : TRANSMISSION_ICONS[t.type] ?? { id: 'mail' },
    contextValue: tokens.join(' '),
  };
}

export function transmissionTooltip(t: TransmissionListItem, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  const summary = localizedText(t.content.summary, options);
  const rows: [string, string][] = [
    [l10n.t('Type'), `${humanize(t.type)}${t.extendedType ? ` (${t.extendedType})` : ''}`],
    [l10n.t('Sender'), `${t.sender.actorName ?? '—'}${t.sender.actorType ? ` (${humanize(t.sender.actorType)})` : ''}`],
    [l10n.t('Created'), longDate(t.createdAt, options)],
    [l10n.t('Authorized'), t.isAuthorized === false ? (t.authorizationAttribute ? l10n.t('no (needs {0})', t.authorizationAttribute) : l10n.t('no')) : l10n.t('yes')],
    [l10n.t('Attachments'), String(t.attachments?.length ?? 0)],
  ];
  if (t.content.contentReference) rows.push([l10n.t('Content'), l10n.t('front-channel embed (shown in the dialog panel)')]);
  if (t.relatedTransmissionId) rows.push([l10n.t('Related to'), t.relatedTransmissionId]);
  if (t.externalReference) rows.push([l10n.t('External reference'), t.externalReference]);
  rows.push([l10n.t('Transmission id'), t.id]);
  return [`**${escapeMarkdown(localizedText(t.content.title, options) ?? humanize(t.type))}**`, summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '', `\n\n${table(rows)}`].join('');
}

/** The URL a person would download: the GUI one, else the first real one. */
export function attachmentDownloadUrl(a: DialogAttachment): { url: string; mediaType?: string } | undefined {
  const urls = a.urls ?? [];
  const real = urls.filter((u) => u.url !== UNAUTHORIZED_URL && u.url !== EXPIRED_URL && /^https?:\/\//i.test(u.url));
  const chosen = real.find((u) => u.consumerType !== 'Api') ?? real[0];
  return chosen ? { url: chosen.url, mediaType: chosen.mediaType ?? undefined } : undefined;
}

export function attachmentState(a: DialogAttachment, now = new Date()): 'ok' | 'expired' | 'unauthorized' {
  const urls = a.urls ?? [];
  if (urls.some((u) => u.url === EXPIRED_URL) || (a.expiresAt && Date.parse(a.expiresAt) < now.getTime())) return 'expired';
  if (urls.length > 0 && urls.every((u) => u.url === UNAUTHORIZED_URL)) return 'unauthorized';
  return attachmentDownloadUrl(a) ? 'ok' : 'unauthorized';
}

export function fileIcon(name: string | undefined, mediaType: string | undefined): string {
  const lower = `${name ?? ''} ${mediaType ?? ''}`.toLowerCase();
  if (/pdf/.test(lower)) return 'file-pdf';
  if (/zip|compressed|octet/.test(lower)) return 'file-zip';
  if (/image|\.png|\.jpe?g|\.gif/.test(lower)) return 'file-media';
  if (/xml|json|html|\.xsd/.test(lower)) return 'file-code';
  return 'file';
}

export function dialogAttachmentName(a: DialogAttachment, options: FormatOptions = {}): string {
  return localizedPlain(a.displayName, options) ?? a.name ?? (options.l10n ?? plainLocalizer).t('attachment');
}

export function presentDialogAttachment(a: DialogAttachment, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const state = attachmentState(a, options.now);
  const download = attachmentDownloadUrl(a);
  const label = dialogAttachmentName(a, options);
  const parts = [download?.mediaType ?? a.urls?.[0]?.mediaType ?? '', a.name && a.name !== label ? a.name : ''];
  if (state === 'expired') parts.push(a.expiresAt ? l10n.t('expired {0}', shortDate(a.expiresAt, options)) : l10n.t('expired'));
  else if (a.expiresAt) parts.push(l10n.t('expires {0}', shortDate(a.expiresAt, options)));
  if (state === 'unauthorized') parts.push(l10n.t('not authorized'));
  return {
    label,
    description: parts.filter(Boolean).join(' · '),
    icon: state === 'ok' ? { id: fileIcon(a.name ?? undefined, download?.mediaType) } : { id: state === 'expired' ? 'history' : 'lock', color: 'disabledForeground' },
    contextValue: ['attachment', 'dialogAttachment', 'raw', state === 'ok' ? 'downloadable' : state].join(' '),
  };
}

const ACTIVITY_ICONS: Readonly<Record<string, string>> = {
  DialogCreated: 'add', DialogClosed: 'lock', Information: 'info', TransmissionOpened: 'eye', PaymentMade: 'credit-card',
  SignatureProvided: 'pencil', DialogOpened: 'eye', DialogDeleted: 'trash', DialogRestored: 'discard', SentToSigning: 'pencil',
  SentToFormFill: 'checklist', SentToSendIn: 'send', SentToPayment: 'credit-card', FormSubmitted: 'send', FormSaved: 'save',
  CorrespondenceOpened: 'mail-read', CorrespondenceConfirmed: 'verified',
};

export function presentActivity(a: DialogActivitySearchItem, options: FormatOptions = {}): Presentation {
  const text = localizedPlain(a.description, options);
  return {
    label: text ? `${humanize(a.type)}: ${clip(text, 80)}` : humanize(a.type),
    description: [a.performedBy?.actorName ?? (a.performedBy?.actorType ? humanize(a.performedBy.actorType) : ''), shortDate(a.createdAt, options)].filter(Boolean).join(' · '),
    icon: { id: ACTIVITY_ICONS[a.type] ?? 'pulse' },
    contextValue: ['activity', 'raw', `type-${a.type}`].join(' '),
  };
}

export function presentSeenLogEntry(s: DialogSeenLog, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const who = s.isCurrentEndUser ? l10n.t('{0} (you)', s.seenBy.actorName ?? l10n.t('You')) : s.seenBy.actorName ?? l10n.t('Someone');
  return {
    label: who,
    description: [shortDate(s.seenAt, options), s.isViaServiceOwner ? l10n.t('via service owner') : ''].filter(Boolean).join(' · '),
    icon: { id: 'eye' },
    contextValue: ['seenLogEntry', 'raw'].join(' '),
  };
}

export function presentLabelAssignment(l: LabelAssignment, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const name = humanize(l.name.replace(/^systemlabel:/i, ''));
  return {
    label: l.action === 'remove' ? l10n.t('{0} removed', name) : l10n.t('{0} set', name),
    description: [l.performedBy.actorName ?? '', shortDate(l.createdAt, options)].filter(Boolean).join(' · '),
    icon: { id: l.action === 'remove' ? 'circle-slash' : 'tag' },
    contextValue: ['labelLogEntry', 'raw'].join(' '),
  };
}

// ——— correspondence ———

const UNREAD_CORRESPONDENCE = new Set(['Published', 'Fetched', 'AttachmentsDownloaded']);
const CLOSED_CORRESPONDENCE = new Set(['PurgedByRecipient', 'PurgedByAltinn', 'Archived', 'Failed', 'Reserved', 'Initialized', 'ReadyForPublish']);

export function presentCorrespondence(c: CorrespondenceOverview, options: FormatOptions = {}): Presentation {
  const status = c.status ?? 'Published';
  const unread = UNREAD_CORRESPONDENCE.has(status);
  const needsConfirmation = c.isConfirmationNeeded === true && status !== 'Confirmed';
  const icon = status === 'Confirmed' ? { id: 'verified', color: 'charts.green' }
    : needsConfirmation ? { id: 'report', color: 'charts.orange' }
      : CLOSED_CORRESPONDENCE.has(status) ? { id: 'circle-slash' }
        : unread ? { id: 'mail' } : { id: 'mail-read' };
  const tokens = ['correspondence', 'raw', `status-${status}`, unread ? 'unread' : 'read'];
  if (needsConfirmation && !CLOSED_CORRESPONDENCE.has(status)) tokens.push('canConfirm');
  if (unread) tokens.push('canMarkRead');
  const l10n = options.l10n ?? plainLocalizer;
  const sender = c.messageSender ?? (c.sender ? c.sender.split(':').pop() : undefined) ?? '';
  return {
    label: c.content?.messageTitle?.trim() || `(${c.resourceId})`,
    description: [unread ? '●' : '', humanize(status), sender, shortDate(c.published ?? c.created, options), needsConfirmation ? l10n.t('confirmation needed') : '']
      .filter(Boolean).join(' · ').replace('● · ', '● '),
    icon,
    contextValue: tokens.join(' '),
    emphasize: unread,
  };
}

export function correspondenceTooltip(c: CorrespondenceOverview, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  const rows: [string, string][] = [
    [l10n.t('Status'), `${humanize(c.status ?? 'Published')}${c.statusText ? ` — ${c.statusText}` : ''}`],
    [l10n.t('Sender'), c.messageSender ?? c.sender ?? '—'],
    [l10n.t('Resource'), c.resourceId],
    [l10n.t('Published'), longDate(c.published ?? undefined, options)],
  ];
  if (c.dueDateTime) rows.push([l10n.t('Due'), longDate(c.dueDateTime, options)]);
  rows.push([l10n.t('Confirmation'), c.isConfirmationNeeded ? (c.status === 'Confirmed' ? l10n.t('confirmed') : l10n.t('needed')) : l10n.t('not needed')]);
  rows.push([l10n.t('Attachments'), String(c.content?.attachments?.length ?? 0)]);
  rows.push([l10n.t('Senders reference'), c.sendersReference]);
  rows.push([l10n.t('Correspondence id'), c.correspondenceId]);
  const summary = c.content?.messageSummary ? plainText(c.content.messageSummary, 'text/markdown') : undefined;
  return [`**${escapeMarkdown(c.content?.messageTitle ?? c.resourceId)}**`, summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '', `\n\n${table(rows)}`,
    `\n\n_${escapeMarkdown(l10n.t('Reading a correspondence records the status Fetched in Altinn. Mark as read and Confirm are separate, explicit actions.'))}_`].join('');
}

export function presentCorrespondenceAttachment(a: CorrespondenceAttachment, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const purged = a.status === 'Purged';
  const label = a.displayName?.trim() || a.fileName || l10n.t('attachment');
  return {
    label,
    description: [a.fileName && a.fileName !== label ? a.fileName : '', a.dataType ?? '', purged ? l10n.t('purged') : '', a.isEncrypted ? l10n.t('encrypted') : ''].filter(Boolean).join(' · '),
    icon: purged ? { id: 'circle-slash', color: 'disabledForeground' } : { id: fileIcon(a.fileName ?? undefined, a.dataType ?? undefined) },
    contextValue: ['attachment', 'correspondenceAttachment', 'raw', purged ? 'purged' : 'downloadable'].join(' '),
  };
}

export function presentStatusEvent(e: CorrespondenceStatusEvent, options: FormatOptions = {}): Presentation {
  return {
    label: humanize(e.status ?? 'Unknown'),
    description: [e.statusText ?? '', shortDate(e.statusChanged, options)].filter(Boolean).join(' · '),
    icon: { id: 'history' },
    contextValue: ['statusEvent', 'raw'].join(' '),
  };
}
