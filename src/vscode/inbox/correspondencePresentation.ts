import { plainText } from '../../platform/content';
import type {
  CorrespondenceAttachment,
  CorrespondenceOverview,
  CorrespondenceStatusEvent,
} from '../../platform/correspondence/schemas';
import { clip, humanize, longDate, plainLocalizer, shortDate } from '../../platform/presentation';
import { fileIcon, markdownTable, type FormatOptions, type Presentation } from './presentation';
import { escapeMarkdown } from '../shared/markdownText';

const UNREAD_CORRESPONDENCE = new Set(['Published', 'Fetched', 'AttachmentsDownloaded']);
const CLOSED_CORRESPONDENCE = new Set([
  'PurgedByRecipient',
  'PurgedByAltinn',
  'Archived',
  'Failed',
  'Reserved',
  'Initialized',
  'ReadyForPublish',
]);

export function presentCorrespondence(c: CorrespondenceOverview, options: FormatOptions = {}): Presentation {
  const status = c.status ?? 'Published';
  const unread = UNREAD_CORRESPONDENCE.has(status);
  const needsConfirmation = c.isConfirmationNeeded === true && status !== 'Confirmed';
  const icon =
    status === 'Confirmed'
      ? { id: 'verified', color: 'charts.green' }
      : needsConfirmation
        ? { id: 'report', color: 'charts.orange' }
        : CLOSED_CORRESPONDENCE.has(status)
          ? { id: 'circle-slash' }
          : unread
            ? { id: 'mail' }
            : { id: 'mail-read' };
  const tokens = ['correspondence', 'raw', `status-${status}`, unread ? 'unread' : 'read'];
  if (needsConfirmation && !CLOSED_CORRESPONDENCE.has(status)) tokens.push('canConfirm');
  if (unread) tokens.push('canMarkRead');
  const l10n = options.l10n ?? plainLocalizer;
  const sender = c.messageSender ?? (c.sender ? c.sender.split(':').pop() : undefined) ?? '';
  return {
    label: c.content?.messageTitle?.trim() || `(${c.resourceId})`,
    description: [
      unread ? '●' : '',
      humanize(status),
      sender,
      shortDate(c.published ?? c.created, options),
      needsConfirmation ? l10n.t('confirmation needed') : '',
    ]
      .filter(Boolean)
      .join(' · ')
      .replace('● · ', '● '),
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
  rows.push([
    l10n.t('Confirmation'),
    c.isConfirmationNeeded ? (c.status === 'Confirmed' ? l10n.t('confirmed') : l10n.t('needed')) : l10n.t('not needed'),
  ]);
  rows.push([l10n.t('Attachments'), String(c.content?.attachments?.length ?? 0)]);
  rows.push([l10n.t('Senders reference'), c.sendersReference]);
  rows.push([l10n.t('Correspondence id'), c.correspondenceId]);
  const summary = c.content?.messageSummary ? plainText(c.content.messageSummary, 'text/markdown') : undefined;
  return [
    `**${escapeMarkdown(c.content?.messageTitle ?? c.resourceId)}**`,
    summary ? `\n\n${escapeMarkdown(clip(summary, 400))}` : '',
    `\n\n${markdownTable(rows)}`,
    `\n\n_${escapeMarkdown(l10n.t('Reading a correspondence records the status Fetched in Altinn. Mark as read and Confirm are separate, explicit actions.'))}_`,
  ].join('');
}

export function presentCorrespondenceAttachment(
  a: CorrespondenceAttachment,
  options: FormatOptions = {},
): Presentation {
  const l10n = options.l10n ?? plainLocalizer;
  const purged = a.status === 'Purged';
  const label = a.displayName?.trim() || a.fileName || l10n.t('attachment');
  return {
    label,
    description: [
      a.fileName && a.fileName !== label ? a.fileName : '',
      a.dataType ?? '',
      purged ? l10n.t('purged') : '',
      a.isEncrypted ? l10n.t('encrypted') : '',
    ]
      .filter(Boolean)
      .join(' · '),
    icon: purged
      ? { id: 'circle-slash', color: 'disabledForeground' }
      : { id: fileIcon(a.fileName ?? undefined, a.dataType ?? undefined) },
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
