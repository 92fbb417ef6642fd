import type { DialogSearchFilters } from '../../platform/dialogporten/client/searchFilters';
import { DIALOG_STATUSES, type DialogStatus, type SystemLabel } from '../../platform/dialogporten/schemas/constants';
import { readPageSize } from '../settings/settingValues';
import { plainLocalizer, type Localizer } from '../../platform/presentation';

/** The views of the Altinn inbox (Arbeidsflate), as Dialogporten filters express them; `all` is no view filter. */
export type InboxView = 'all' | 'inbox' | 'drafts' | 'sent' | 'archive' | 'bin';

export const INBOX_VIEWS: readonly InboxView[] = ['all', 'inbox', 'drafts', 'sent', 'archive', 'bin'];

/** What the user filters one party's dialogs by. Everything is sent to Dialogporten; nothing is filtered locally. */
export interface InboxFilter {
  readonly view?: InboxView;
  /** Free text, at least 3 characters (Dialogporten's rule). */
  readonly search?: string;
  readonly status?: readonly DialogStatus[];
  /** Service owner codes (`skd`, `nav`…). */
  readonly org?: readonly string[];
  /** `urn:altinn:resource:…` or bare ids. */
  readonly serviceResource?: readonly string[];
  /** Content updated on or after this day / before the end of this day (YYYY-MM-DD, local calendar day in UTC). */
  readonly updatedFrom?: string;
  readonly updatedTo?: string;
  readonly unreadOnly?: boolean;
  /** Party URNs the All parties list is narrowed to (empty: every party). Party nodes ignore it. */
  readonly parties?: readonly string[];
}

export const EMPTY_FILTER: InboxFilter = {};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: InboxFilter | undefined): boolean {
  if (!filter) return true;
  return (
    (filter.view ?? 'all') === 'all' &&
    !filter.search?.trim() &&
    !filter.status?.length &&
    !filter.org?.length &&
    !filter.serviceResource?.length &&
    !filter.updatedFrom &&
    !filter.updatedTo &&
    !filter.unreadOnly &&
    !filter.parties?.length
  );
}

/** Drops empty parts so equal filters compare (and key caches) equal. */
export function normalizeFilter(filter: InboxFilter): InboxFilter {
  const out: { -readonly [K in keyof InboxFilter]: InboxFilter[K] } = {};
  if (filter.view && filter.view !== 'all') out.view = filter.view;
  if (filter.search?.trim()) out.search = filter.search.trim();
  if (filter.status?.length) out.status = [...new Set(filter.status)].sort();
  if (filter.org?.length) out.org = [...new Set(filter.org.map((o) => o.trim().toLowerCase()).filter(Boolean))].sort();
  if (filter.serviceResource?.length)
    out.serviceResource = [...new Set(filter.serviceResource.map(bareResource).filter(Boolean))].sort();
  if (filter.updatedFrom) out.updatedFrom = filter.updatedFrom;
  if (filter.updatedTo) out.updatedTo = filter.updatedTo;
  if (filter.unreadOnly) out.unreadOnly = true;
  if (filter.parties?.length) out.parties = [...new Set(filter.parties.map((p) => p.trim()).filter(Boolean))].sort();
  return out;
}

export function filterKey(filter: InboxFilter | undefined): string {
  return JSON.stringify(normalizeFilter(filter ?? EMPTY_FILTER));
}

/** The view's labels and statuses: Inbox = not binned/archived and not a draft; Drafts = status Draft; Sent/Archive/Bin = that label. */
function viewFilters(view: InboxView): { systemLabel?: SystemLabel[]; status?: DialogStatus[] } {
  switch (view) {
    case 'inbox':
      return { systemLabel: ['Default'], status: DIALOG_STATUSES.filter((s) => s !== 'Draft') };
    case 'drafts':
      return { status: ['Draft'] };
    case 'sent':
      return { systemLabel: ['Sent'] };
    case 'archive':
      return { systemLabel: ['Archive'] };
    case 'bin':
      return { systemLabel: ['Bin'] };
    default:
      return {};
  }
}

/** Why a filter can match nothing before asking the server (a status the view excludes), or undefined. */
export function filterProblem(filter: InboxFilter | undefined, l10n: Localizer = plainLocalizer): string | undefined {
  const f = normalizeFilter(filter ?? EMPTY_FILTER);
  const view = viewFilters(f.view ?? 'all');
  if (f.status && view.status && !f.status.some((s) => view.status!.includes(s))) {
    return l10n.t(
      'The {0} view shows only status {1}; the status filter {2} excludes all of them.',
      viewName(f.view ?? 'all', l10n),
      view.status.join('/'),
      f.status.join('/'),
    );
  }
  if (f.search && f.search.length < 3)
    return l10n.t('Free-text search needs at least 3 characters; "{0}" has {1}.', f.search, f.search.length);
  for (const day of [f.updatedFrom, f.updatedTo])
    if (day && !isValidDay(day)) return l10n.t('"{0}" is not a date like 2025-01-31.', day);
  if (f.updatedFrom && f.updatedTo && f.updatedFrom > f.updatedTo)
    return l10n.t('The date range starts ({0}) after it ends ({1}).', f.updatedFrom, f.updatedTo);
  return undefined;
}

/**
 * Dialogporten search filters for one party's page: newest content first, the user's filter, the page size.
 * Throws (InvalidInputError from toSearchParams later) only for input Dialogporten would refuse.
 */
export function toSearchFilters(
  partyUrn: string,
  filter: InboxFilter | undefined,
  pageSize: number,
  continuationToken?: string,
): DialogSearchFilters {
  const f = normalizeFilter(filter ?? EMPTY_FILTER);
  const view = viewFilters(f.view ?? 'all');
  const status = f.status && view.status ? f.status.filter((s) => view.status!.includes(s)) : (f.status ?? view.status);
  return {
    party: [partyUrn],
    ...(view.systemLabel ? { systemLabel: view.systemLabel } : {}),
    ...(status?.length ? { status } : {}),
    ...(f.search ? { search: f.search } : {}),
    ...(f.org ? { org: f.org } : {}),
    ...(f.serviceResource ? { serviceResource: f.serviceResource } : {}),
    ...(f.updatedFrom ? { contentUpdatedAfter: startOfDay(f.updatedFrom) } : {}),
    ...(f.updatedTo ? { contentUpdatedBefore: endOfDay(f.updatedTo) } : {}),
    ...(f.unreadOnly ? { isContentSeen: false } : {}),
    orderBy: 'contentUpdatedAt_desc',
    limit: readPageSize(pageSize).value,
    ...(continuationToken ? { continuationToken } : {}),
  };
}

export function isValidDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function startOfDay(day: string): string {
  return `${day}T00:00:00Z`;
}

function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

function bareResource(value: string): string {
  return value.trim().replace(/^urn:altinn:resource:/, '');
}

/** The view's name as the Altinn inbox calls it. */
export function viewName(view: InboxView, l10n: Localizer = plainLocalizer): string {
  switch (view) {
    case 'all':
      return l10n.t('All');
    case 'inbox':
      return l10n.t('Inbox');
    case 'drafts':
      return l10n.t('Drafts');
    case 'sent':
      return l10n.t('Sent');
    case 'archive':
      return l10n.t('Archive');
    case 'bin':
      return l10n.t('Bin');
  }
}

/** A short summary for the view message, e.g. `view Archive, text "skatt", status Completed`. */
export function describeFilter(filter: InboxFilter | undefined, l10n: Localizer = plainLocalizer): string {
  const f = normalizeFilter(filter ?? EMPTY_FILTER);
  const parts: string[] = [];
  if (f.view) parts.push(l10n.t('view {0}', viewName(f.view, l10n)));
  if (f.search) parts.push(l10n.t('text "{0}"', f.search));
  if (f.status) parts.push(l10n.t('status {0}', f.status.join('/')));
  if (f.org) parts.push(l10n.t('sender {0}', f.org.join('/')));
  if (f.serviceResource) parts.push(l10n.t('resource {0}', f.serviceResource.join('/')));
  if (f.updatedFrom || f.updatedTo) parts.push(l10n.t('updated {0}–{1}', f.updatedFrom ?? '…', f.updatedTo ?? '…'));
  if (f.unreadOnly) parts.push(l10n.t('unread only'));
  if (f.parties) parts.push(f.parties.length === 1 ? l10n.t('1 party') : l10n.t('{0} parties', f.parties.length));
  return parts.join(', ');
}
