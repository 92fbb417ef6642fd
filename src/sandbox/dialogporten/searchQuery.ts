// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Search/SearchDialogQueryValidator.cs (limits: src/Digdir.Domain.Dialogporten.Application/ApplicationSettings.cs)
import { DIALOG_STATUSES, SYSTEM_LABELS, type SystemLabel } from '../data/dialogTypes';
import { parseContinuationToken, parseOrderBy, type OrderPart } from './ordering';

/** Limits Dialogporten publishes at /api/v1/metadata/limits (defaults of the newest build). */
export const END_USER_SEARCH_LIMITS = {
  maxPartyFilterValues: 100,
  maxServiceResourceFilterValues: 20,
  maxOrgFilterValues: 20,
  maxExtendedStatusFilterValues: 20,
} as const;
export const MIN_SEARCH_LENGTH = 3;

export interface SearchQuery {
  readonly party: readonly string[];
  readonly serviceResource: readonly string[];
  readonly org: readonly string[];
  readonly extendedStatus: readonly string[];
  readonly externalReference?: string;
  readonly status: readonly string[];
  readonly systemLabel: readonly SystemLabel[];
  readonly createdAfter?: number;
  readonly createdBefore?: number;
  readonly updatedAfter?: number;
  readonly updatedBefore?: number;
  readonly contentUpdatedAfter?: number;
  readonly contentUpdatedBefore?: number;
  readonly dueAfter?: number;
  readonly dueBefore?: number;
  readonly isContentSeen?: boolean;
  readonly process?: string;
  readonly excludeApiOnly: boolean;
  readonly search?: string;
  readonly searchLanguageCode?: string;
  readonly order: readonly OrderPart[];
  readonly cursor?: readonly (number | string | null)[];
  readonly continuationToken?: string;
  readonly limit: number;
}

const PARTY_PATTERN =
  /^urn:altinn:(person:identifier-no:\d{11}|organization:identifier-no:\d{9}|person:legacy-selfidentified:.+|person:idporten-email:.+|feide-subject:.+)$/i;
const DATE_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Reads the query like ASP.NET binds it (names case-insensitive, arrays as repeated names) and validates it like Dialogporten. */
export function parseSearchQuery(
  params: URLSearchParams,
): { query: SearchQuery } | { errors: Record<string, string[]> } {
  const values = new Map<string, string[]>();
  for (const [name, value] of params) {
    const key = name.toLowerCase().replace(/\[\]$/, '');
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  const list = (name: string): string[] => (values.get(name.toLowerCase()) ?? []).filter((v) => v !== '');
  const single = (name: string): string | undefined => {
    const all = values.get(name.toLowerCase());
    return all && all.length ? all[all.length - 1] : undefined;
  };
  const date = (name: string): number | undefined => {
    const raw = single(name);
    if (raw === undefined || raw === '') return undefined;
    const ms = Date.parse(raw);
    if (!DATE_WITH_ZONE.test(raw) || Number.isNaN(ms)) {
      fail(
        name,
        `The value '${raw}' is not valid for ${name}: dates must contain an explicit time zone, e.g. 2023-10-27T10:00:00Z or 2023-10-27T10:00:00+01:00.`,
      );
      return undefined;
    }
    return ms;
  };
  const bool = (name: string): boolean | undefined => {
    const raw = single(name);
    if (raw === undefined || raw === '') return undefined;
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
    fail(name, `The value '${raw}' is not valid for ${name}.`);
    return undefined;
  };

  const party = list('party');
  const serviceResource = list('serviceResource');
  const org = list('org');
  const extendedStatus = list('extendedStatus');
  if (party.length === 0 && serviceResource.length === 0)
    fail('', 'Either ServiceResource or Party must be specified.');
  for (const p of party)
    if (!PARTY_PATTERN.test(p))
      fail(
        'party',
        `'${p}' is not a valid party identifier. Use urn:altinn:person:identifier-no:<11 digits> or urn:altinn:organization:identifier-no:<9 digits>.`,
      );
  const counts: [string, number, number][] = [
    ['party', party.length, END_USER_SEARCH_LIMITS.maxPartyFilterValues],
    ['serviceResource', serviceResource.length, END_USER_SEARCH_LIMITS.maxServiceResourceFilterValues],
    ['org', org.length, END_USER_SEARCH_LIMITS.maxOrgFilterValues],
    ['extendedStatus', extendedStatus.length, END_USER_SEARCH_LIMITS.maxExtendedStatusFilterValues],
  ];
  for (const [name, count, max] of counts)
    if (count > max) fail(name, `'${name} Count' must be less than or equal to '${max}'. You entered '${count}'.`);

  const status: string[] = [];
  for (const raw of list('status')) {
    const match = DIALOG_STATUSES.find((s) => s.toLowerCase() === raw.toLowerCase());
    if (match) status.push(match);
    else fail('status', `'Status' has a range of values which does not include '${raw}'.`);
  }
  const systemLabel: SystemLabel[] = [];
  for (const raw of list('systemLabel')) {
    const match = SYSTEM_LABELS.find((s) => s.toLowerCase() === raw.toLowerCase());
    if (match) systemLabel.push(match);
    else fail('systemLabel', `'System Label' has a range of values which does not include '${raw}'.`);
  }

  const search = single('search');
  if (search !== undefined && search.length < MIN_SEARCH_LENGTH)
    fail(
      'search',
      `The length of 'Search' must be at least ${MIN_SEARCH_LENGTH} characters. You entered ${search.length} characters.`,
    );
  let searchLanguageCode = single('searchLanguageCode');
  if (searchLanguageCode !== undefined && searchLanguageCode !== '') {
    const normalised = /^([a-z]{2})([-_][a-z]{2})?$/i.exec(searchLanguageCode)?.[1].toLowerCase();
    if (!normalised || normalised === 'no') {
      fail(
        'searchLanguageCode',
        normalised === 'no'
          ? `'${searchLanguageCode}' is not a valid language code. Use 'nb' (Bokmål) or 'nn' (Nynorsk) instead of 'no'.`
          : `'${searchLanguageCode}' is not a valid language code. Use an ISO 639-1 code such as 'nb', 'nn' or 'en'.`,
      );
    }
    searchLanguageCode = normalised;
  } else searchLanguageCode = undefined;

  const process = single('process');
  if (process !== undefined && process !== '' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(process))
    fail('process', `'Process' must be a valid URI. You entered '${process}'.`);

  const limitRaw = single('limit');
  let limit = 100;
  if (limitRaw !== undefined && limitRaw !== '') {
    if (!/^-?\d+$/.test(limitRaw)) fail('limit', `The value '${limitRaw}' is not valid for limit.`);
    else {
      limit = Number(limitRaw);
      if (limit < 1 || limit > 1000) fail('limit', `'Limit' must be between 1 and 1000. You entered ${limit}.`);
    }
  }

  const ordered = parseOrderBy(single('orderBy'));
  if ('error' in ordered) fail('orderBy', ordered.error);
  const order = 'order' in ordered ? ordered.order : [];
  const continuationToken = single('continuationToken') || undefined;
  let cursor: (number | string | null)[] | undefined;
  if (continuationToken !== undefined && 'order' in ordered) {
    cursor = parseContinuationToken(continuationToken, order);
    if (!cursor)
      fail(
        'continuationToken',
        'Invalid continuation token: it does not belong to this orderBy. Pass back the continuationToken of the previous page unchanged, with the same orderBy.',
      );
  }

  const query: SearchQuery = {
    party,
    serviceResource,
    org,
    extendedStatus,
    status,
    systemLabel,
    externalReference: single('externalReference') || undefined,
    createdAfter: date('createdAfter'),
    createdBefore: date('createdBefore'),
    updatedAfter: date('updatedAfter'),
    updatedBefore: date('updatedBefore'),
    contentUpdatedAfter: date('contentUpdatedAfter'),
    contentUpdatedBefore: date('contentUpdatedBefore'),
    dueAfter: date('dueAfter'),
    dueBefore: date('dueBefore'),
    isContentSeen: bool('isContentSeen'),
    process: process || undefined,
    excludeApiOnly: bool('excludeApiOnly') ?? false,
    search,
    searchLanguageCode,
    order,
    cursor,
    continuationToken,
    limit,
  };
  const pairs: [keyof SearchQuery, keyof SearchQuery, string][] = [
    ['createdAfter', 'createdBefore', 'Created'],
    ['updatedAfter', 'updatedBefore', 'Updated'],
    ['contentUpdatedAfter', 'contentUpdatedBefore', 'Content Updated'],
    ['dueAfter', 'dueBefore', 'Due'],
  ];
  for (const [after, before, label] of pairs) {
    const a = query[after] as number | undefined;
    const b = query[before] as number | undefined;
    if (a !== undefined && b !== undefined && a > b)
      fail(after, `'${label} After' must be less than or equal to '${label} Before'.`);
  }
  return Object.keys(errors).length ? { errors } : { query };
}
