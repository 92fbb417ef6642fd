import { effectiveSystemLabels } from '../../platform/dialogporten/schemas/tolerance';
import { EXPIRED_URL, UNAUTHORIZED_URL, type DialogStatus } from '../../platform/dialogporten/schemas/constants';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import type { DialogAttachment } from '../../platform/dialogporten/schemas/attachments';
import type { TransmissionListItem } from '../../platform/dialogporten/schemas/transmissions';
import type { DialogActivitySearchItem } from '../../platform/dialogporten/schemas/activities';
import type { DialogSeenLog } from '../../platform/dialogporten/schemas/seenLogs';
import type { LabelAssignment } from '../../platform/dialogporten/schemas/labelLog';
import {
  activityTypeName,
  clip,
  dialogStatusName,
  humanize,
  isSentByParty,
  localizedPlain,
  localizedText,
  longDate,
  plainLocalizer,
  serviceOwnerName,
  shortDate,
  systemLabelName,
  transmissionTypeName,
} from '../../platform/presentation';
import { fileIcon, markdownTable, type FormatOptions, type Presentation } from './presentation';
import { escapeMarkdown } from '../shared/markdownText';

// ——— dialogs ———

const STATUS_ICONS: Readonly<Record<DialogStatus, { id: string; color?: string }>> = {
  NotApplicable: { id: 'mail' },
  InProgress: { id: 'sync', color: 'charts.blue' },
  Draft: { id: 'edit', color: 'charts.purple' },
  Awaiting: { id: 'watch', color: 'charts.yellow' },
  RequiresAttention: { id: 'warning', color: 'charts.orange' },
  Completed: { id: 'pass', color: 'charts.green' },
};

export function isDialogUnread(
  item: Pick<
    DialogListItem,
    'isContentSeen' | 'seenSinceLastContentUpdate' | 'seenSinceLastUpdate' | 'endUserContext' | 'systemLabel'
  >,
): boolean {
  if (effectiveSystemLabels(item).includes('MarkedAsUnopened')) return true;
  if (item.isContentSeen !== undefined) return !item.isContentSeen;
  const seen = item.seenSinceLastContentUpdate ?? item.seenSinceLastUpdate;
  return !(seen ?? []).some((entry) => entry.isCurrentEndUser === true);
}

export function dialogTitle(item: Pick<DialogListItem, 'content' | 'isApiOnly'>, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  return (
    localizedText(item.content?.title, options.languages) ??
    (item.isApiOnly ? l10n.t('(API-only dialog without content)') : l10n.t('(no title)'))
  );
}

export function dialogSender(item: Pick<DialogListItem, 'content' | 'org'>, options: FormatOptions = {}): string {
  return localizedText(item.content?.senderName, options.languages) ?? serviceOwnerName(item.org);
}

export function presentDialog(item: DialogListItem, options: FormatOptions = {}): Presentation {
  const labels = effectiveSystemLabels(item);
  const unread = isDialogUnread(item);
  const icon = labels.includes('Bin')
    ? { id: 'trash' }
    : labels.includes('Archive')
      ? { id: 'archive' }
      : item.isApiOnly
        ? { id: 'eye-closed', color: 'list.warningForeground' }
        : (STATUS_ICONS[item.status] ?? { id: 'mail' });
  const l10n = options.l10n ?? plainLocalizer;
  const where = labels.includes('Bin') ? l10n.t('in bin') : labels.includes('Archive') ? l10n.t('archived') : undefined;
  const description = [
    unread ? '●' : '',
    dialogSender(item, options),
    shortDate(item.contentUpdatedAt ?? item.updatedAt, options),
    where ?? '',
    // Hidden in the Altinn inbox but returned by the API: a developer must see that at a glance.
    item.isApiOnly ? l10n.t('API only, hidden in the Altinn inbox') : '',
  ]
    .filter(Boolean)
    .join(' · ')
    .replace('● · ', '● ');
  const tokens = [
    'dialog',
    'raw',
    `status-${item.status}`,
    ...labels.map((l) => `label-${l}`),
    unread ? 'unread' : 'read',
  ];
  if (item.isApiOnly) tokens.push('apiOnly');
  if (labels.includes('Bin') || labels.includes('Archive')) tokens.push('restorable');
  return { label: dialogTitle(item, options), description, icon, contextValue: tokens.join(' '), emphasize: unread };
}

export function dialogTooltip(item: DialogListItem, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  const labels = effectiveSystemLabels(item);
  const summary = localizedText(item.content?.summary, options.languages);
  const extended = localizedText(item.content?.extendedStatus, options.languages) ?? item.extendedStatus ?? undefined;
  const seen = (item.seenSinceLastContentUpdate ?? item.seenSinceLastUpdate ?? []).map((s) =>
    s.isCurrentEndUser ? l10n.t('you') : (s.seenBy.actorName ?? l10n.t('someone')),
  );
  const rows: [string, string][] = [
    [l10n.t('Sender'), `${dialogSender(item, options)} (${item.org})`],
    [l10n.t('Status'), `${dialogStatusName(item.status, l10n)}${extended ? ` — ${extended}` : ''}`],
    [l10n.t('Labels'), labels.map((l) => systemLabelName(l, l10n)).join(', ')],
    [l10n.t('Unread'), isDialogUnread(item) ? l10n.t('yes') : l10n.t('no')],
    [l10n.t('Content updated'), longDate(item.contentUpdatedAt ?? item.updatedAt, options)],
    [l10n.t('Created'), longDate(item.createdAt, options)],
  ];
  if (item.dueAt) rows.push([l10n.t('Due'), longDate(item.dueAt, options)]);
  rows.push([l10n.t('Service resource'), item.serviceResource]);
  if (item.fromServiceOwnerTransmissionsCount !== undefined || item.fromPartyTransmissionsCount !== undefined) {
    rows.push([
      l10n.t('Transmissions'),
      l10n.t(
        '{0} from the service owner, {1} from the party',
        item.fromServiceOwnerTransmissionsCount ?? 0,
        item.fromPartyTransmissionsCount ?? 0,
      ),
    ]);
  }
  if (item.guiAttachmentCount) rows.push([l10n.t('Attachments'), String(item.guiAttachmentCount)]);
  rows.push([l10n.t('Seen by'), seen.length ? seen.join(', ') : l10n.t('nobody since the last update')]);
  if (item.isApiOnly) rows.push([l10n.t('API only'), l10n.t('yes (the Altinn inbox hides it)')]);
  if (item.externalReference) rows.push([l10n.t('External reference'), item.externalReference]);
  rows.push([l10n.t('Dialog id'), item.id]);
  return [
    `**${escapeMarkdown(dialogTitle(item, options))}**`,
    summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '',
    `\n\n${markdownTable(rows)}`,
    `\n\n_${escapeMarkdown(l10n.t("Open fetches the dialog's details, which marks it as seen in Dialogporten. Listing does not."))}_`,
  ].join('');
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

/** `serviceOwner`: the dialog's sender, shown when a service-owner transmission names no actor. */
export function presentTransmission(
  t: TransmissionListItem,
  options: FormatOptions = {},
  serviceOwner?: string,
): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const type = transmissionTypeName(t.type, l10n);
  const title = localizedText(t.content.title, options.languages) ?? l10n.t('({0} without title)', type);
  const who =
    t.sender.actorName ??
    (t.sender.actorType === 'ServiceOwner'
      ? (serviceOwner ?? l10n.t('service owner'))
      : t.sender.actorType
        ? l10n.t('party')
        : '');
  const unauthorized = t.isAuthorized === false;
  const tokens = ['transmission', 'raw', `type-${t.type}`, isSentByParty(t.type) ? 'sent' : 'received'];
  if (unauthorized) tokens.push('unauthorized');
  return {
    label: title,
    description: [type, who, shortDate(t.createdAt, options), unauthorized ? l10n.t('not authorized') : '']
      .filter(Boolean)
      .join(' · '),
    icon: unauthorized ? { id: 'lock' } : (TRANSMISSION_ICONS[t.type] ?? { id: 'mail' }),
    contextValue: tokens.join(' '),
  };
}

export function transmissionTooltip(t: TransmissionListItem, options: FormatOptions = {}): string {
  const l10n = options.l10n ?? plainLocalizer;
  const summary = localizedText(t.content.summary, options.languages);
  const type = transmissionTypeName(t.type, l10n);
  const rows: [string, string][] = [
    [l10n.t('Type'), `${type}${t.extendedType ? ` (${t.extendedType})` : ''}`],
    [l10n.t('Sender'), `${t.sender.actorName ?? '—'}${t.sender.actorType ? ` (${humanize(t.sender.actorType)})` : ''}`],
    [l10n.t('Created'), longDate(t.createdAt, options)],
    [
      l10n.t('Authorized'),
      t.isAuthorized === false
        ? t.authorizationAttribute
          ? l10n.t('no (needs {0})', t.authorizationAttribute)
          : l10n.t('no')
        : l10n.t('yes'),
    ],
    [l10n.t('Attachments'), String(t.attachments?.length ?? 0)],
  ];
  if (t.content.contentReference)
    rows.push([l10n.t('Content'), l10n.t('front-channel embed (shown in the dialog panel)')]);
  if (t.relatedTransmissionId) rows.push([l10n.t('Related to'), t.relatedTransmissionId]);
  if (t.externalReference) rows.push([l10n.t('External reference'), t.externalReference]);
  rows.push([l10n.t('Transmission id'), t.id]);
  return [
    `**${escapeMarkdown(localizedText(t.content.title, options.languages) ?? type)}**`,
    summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '',
    `\n\n${markdownTable(rows)}`,
  ].join('');
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
  if (urls.some((u) => u.url === EXPIRED_URL) || (a.expiresAt && Date.parse(a.expiresAt) < now.getTime()))
    return 'expired';
  if (urls.length > 0 && urls.every((u) => u.url === UNAUTHORIZED_URL)) return 'unauthorized';
  return attachmentDownloadUrl(a) ? 'ok' : 'unauthorized';
}

export function dialogAttachmentName(a: DialogAttachment, options: FormatOptions = {}): string {
  return localizedPlain(a.displayName, options.languages) ?? a.name ?? (options.l10n ?? plainLocalizer).t('attachment');
}

export function presentDialogAttachment(a: DialogAttachment, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const state = attachmentState(a, options.now);
  const download = attachmentDownloadUrl(a);
  const label = dialogAttachmentName(a, options);
  const parts = [download?.mediaType ?? a.urls?.[0]?.mediaType ?? '', a.name && a.name !== label ? a.name : ''];
  if (state === 'expired')
    parts.push(a.expiresAt ? l10n.t('expired {0}', shortDate(a.expiresAt, options)) : l10n.t('expired'));
  else if (a.expiresAt) parts.push(l10n.t('expires {0}', shortDate(a.expiresAt, options)));
  if (state === 'unauthorized') parts.push(l10n.t('not authorized'));
  return {
    label,
    description: parts.filter(Boolean).join(' · '),
    icon:
      state === 'ok'
        ? { id: fileIcon(a.name ?? undefined, download?.mediaType) }
        : { id: state === 'expired' ? 'history' : 'lock', color: 'disabledForeground' },
    contextValue: ['attachment', 'dialogAttachment', 'raw', state === 'ok' ? 'downloadable' : state].join(' '),
  };
}

const ACTIVITY_ICONS: Readonly<Record<string, string>> = {
  DialogCreated: 'add',
  DialogClosed: 'lock',
  Information: 'info',
  TransmissionOpened: 'eye',
  PaymentMade: 'credit-card',
  SignatureProvided: 'pencil',
  DialogOpened: 'eye',
  DialogDeleted: 'trash',
  DialogRestored: 'discard',
  SentToSigning: 'pencil',
  SentToFormFill: 'checklist',
  SentToSendIn: 'send',
  SentToPayment: 'credit-card',
  FormSubmitted: 'send',
  FormSaved: 'save',
  CorrespondenceOpened: 'mail-read',
  CorrespondenceConfirmed: 'verified',
};

export function presentActivity(a: DialogActivitySearchItem, options: FormatOptions = {}): Presentation {
  const text = localizedPlain(a.description, options.languages);
  const type = activityTypeName(a.type, options.l10n ?? plainLocalizer);
  return {
    label: text ? `${type}: ${clip(text, 80)}` : type,
    description: [
      a.performedBy?.actorName ?? (a.performedBy?.actorType ? humanize(a.performedBy.actorType) : ''),
      shortDate(a.createdAt, options),
    ]
      .filter(Boolean)
      .join(' · '),
    icon: { id: ACTIVITY_ICONS[a.type] ?? 'pulse' },
    contextValue: ['activity', 'raw', `type-${a.type}`].join(' '),
  };
}

export function presentSeenLogEntry(s: DialogSeenLog, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const who = s.isCurrentEndUser
    ? l10n.t('{0} (you)', s.seenBy.actorName ?? l10n.t('You'))
    : (s.seenBy.actorName ?? l10n.t('Someone'));
  return {
    label: who,
    description: [shortDate(s.seenAt, options), s.isViaServiceOwner ? l10n.t('via service owner') : '']
      .filter(Boolean)
      .join(' · '),
    icon: { id: 'eye' },
    contextValue: ['seenLogEntry', 'raw'].join(' '),
  };
}

export function presentLabelAssignment(l: LabelAssignment, options: FormatOptions = {}): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const name = systemLabelName(l.name.replace(/^systemlabel:/i, ''), l10n);
  return {
    label: l.action === 'remove' ? l10n.t('{0} removed', name) : l10n.t('{0} set', name),
    description: [l.performedBy.actorName ?? '', shortDate(l.createdAt, options)].filter(Boolean).join(' · '),
    icon: { id: l.action === 'remove' ? 'circle-slash' : 'tag' },
    contextValue: ['labelLogEntry', 'raw'].join(' '),
  };
}
