import { InvalidInputError } from '../../errors';
import { organizationUrn, personUrn } from '../../identifiers';
import type { DialogStatus, SystemLabel } from '../schemas';

export type OrderField = 'contentUpdatedAt' | 'updatedAt' | 'createdAt' | 'dueAt';
export type OrderBy = string | readonly { readonly field: OrderField; readonly direction: 'asc' | 'desc' }[];
type DateInput = Date | string;

/** Every end-user search filter, with the OpenAPI parameter names. Values of one filter are OR-ed, different filters AND-ed. */
export interface DialogSearchFilters {
  /** Party URNs (a bare 9-digit organisation number or 11-digit national identity number is converted). */
  readonly party?: readonly string[];
  /** `urn:altinn:resource:<id>`; a bare id gets the prefix. Party or serviceResource is required. */
  readonly serviceResource?: readonly string[];
  /** Service owner codes, e.g. `skd`. */
  readonly org?: readonly string[];
  readonly status?: readonly DialogStatus[];
  readonly systemLabel?: readonly SystemLabel[];
  readonly extendedStatus?: readonly string[];
  readonly externalReference?: string;
  /** Free text, at least 3 characters. */
  readonly search?: string;
  /** `nb`, `nn` or `en` (not `no`). */
  readonly searchLanguageCode?: string;
  readonly createdAfter?: DateInput;
  readonly createdBefore?: DateInput;
  readonly updatedAfter?: DateInput;
  readonly updatedBefore?: DateInput;
  readonly contentUpdatedAfter?: DateInput;
  readonly contentUpdatedBefore?: DateInput;
  readonly dueAfter?: DateInput;
  readonly dueBefore?: DateInput;
  readonly isContentSeen?: boolean;
  /** A process URI. */
  readonly process?: string;
  readonly excludeApiOnly?: boolean;
  /** Default `contentUpdatedAt_desc`. */
  readonly orderBy?: OrderBy;
  /** 1–1000, default 100. */
  readonly limit?: number;
  readonly continuationToken?: string;
}

export const MIN_SEARCH_LENGTH = 3;
const LIMITS = { party: 100, serviceResource: 20, org: 20, extendedStatus: 20 } as const;
const DATE_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const RESOURCE_PREFIX = 'urn:altinn:resource:';
const DATE_FILTERS = [
  'createdAfter',
  'createdBefore',
  'updatedAfter',
  'updatedBefore',
  'contentUpdatedAfter',
  'contentUpdatedBefore',
  'dueAfter',
  'dueBefore',
] as const;

/** Checks the filters the way Dialogporten would and builds the query string; throws InvalidInputError with a plain reason. */
export function toSearchParams(filters: DialogSearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const party = (filters.party ?? []).map(toPartyUrn);
  const serviceResource = (filters.serviceResource ?? []).map((r) =>
    r.startsWith(RESOURCE_PREFIX) ? r : `${RESOURCE_PREFIX}${r}`,
  );
  if (party.length === 0 && serviceResource.length === 0) {
    throw new InvalidInputError(
      'party',
      'Dialogporten needs at least one party or service resource to search; pick a party first.',
    );
  }
  for (const [name, values] of [
    ['party', party],
    ['serviceResource', serviceResource],
    ['org', filters.org ?? []],
    ['extendedStatus', filters.extendedStatus ?? []],
  ] as const) {
    const max = LIMITS[name];
    if (values.length > max)
      throw new InvalidInputError(
        name,
        `Dialogporten accepts at most ${max} ${name} values in one search; ${values.length} were given.`,
      );
    for (const value of values) params.append(name, value);
  }
  for (const value of filters.status ?? []) params.append('status', value);
  for (const value of filters.systemLabel ?? []) params.append('systemLabel', value);
  if (filters.externalReference) params.set('externalReference', filters.externalReference);
  if (filters.search !== undefined && filters.search.trim() !== '') {
    const search = filters.search.trim();
    if (search.length < MIN_SEARCH_LENGTH) {
      throw new InvalidInputError(
        'search',
        `Free-text search needs at least ${MIN_SEARCH_LENGTH} characters; "${search}" has ${search.length}.`,
      );
    }
    params.set('search', search);
  }
  if (filters.searchLanguageCode) {
    const code = filters.searchLanguageCode.trim().toLowerCase();
    if (code === 'no')
      throw new InvalidInputError(
        'searchLanguageCode',
        "Use 'nb' (Bokmål) or 'nn' (Nynorsk); Dialogporten rejects 'no'.",
      );
    if (!/^[a-z]{2}([-_][a-z]{2})?$/.test(code))
      throw new InvalidInputError(
        'searchLanguageCode',
        `'${filters.searchLanguageCode}' is not a language code such as nb, nn or en.`,
      );
    params.set('searchLanguageCode', code);
  }
  for (const name of DATE_FILTERS) {
    const value = filters[name];
    if (value !== undefined) params.set(name, toZonedDate(value, name));
  }
  if (filters.isContentSeen !== undefined) params.set('isContentSeen', String(filters.isContentSeen));
  if (filters.process) params.set('process', filters.process);
  if (filters.excludeApiOnly !== undefined) params.set('excludeApiOnly', String(filters.excludeApiOnly));
  if (filters.orderBy !== undefined)
    params.set(
      'orderBy',
      typeof filters.orderBy === 'string'
        ? filters.orderBy
        : filters.orderBy.map((o) => `${o.field}_${o.direction}`).join(','),
    );
  if (filters.limit !== undefined) {
    if (!Number.isInteger(filters.limit) || filters.limit < 1 || filters.limit > 1000)
      throw new InvalidInputError('limit', `limit must be a whole number from 1 to 1000; got ${filters.limit}.`);
    params.set('limit', String(filters.limit));
  }
  if (filters.continuationToken) params.set('continuationToken', filters.continuationToken);
  return params;
}

/** A party as Dialogporten's `party` filter takes it: a URN, or a bare organisation or national identity number. */
export function toPartyUrn(value: string): string {
  const trimmed = value.trim();
  if (/^\d{9}$/.test(trimmed)) return organizationUrn(trimmed);
  if (/^\d{11}$/.test(trimmed)) return personUrn(trimmed);
  if (!trimmed.startsWith('urn:altinn:'))
    throw new InvalidInputError(
      'party',
      `"${value}" is not a party: use urn:altinn:organization:identifier-no:<orgno>, urn:altinn:person:identifier-no:<fnr>, or the bare number.`,
    );
  return trimmed;
}

/** Dialogporten rejects dates without a zone: Dates become UTC, strings must carry Z or an offset. */
function toZonedDate(value: DateInput, name: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInputError(name, `${name} is not a valid date.`);
    return value.toISOString();
  }
  if (!DATE_WITH_ZONE.test(value.trim()) || Number.isNaN(Date.parse(value))) {
    throw new InvalidInputError(
      name,
      `${name} must be a date-time with a time zone, e.g. 2025-01-31T00:00:00Z; got "${value}".`,
    );
  }
  return value.trim();
}
