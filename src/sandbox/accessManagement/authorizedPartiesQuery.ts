export type IncludeFilter = 'Auto' | 'True' | 'False';

export interface AuthorizedPartiesQuery {
  readonly includeRoles: boolean;
  readonly includeAccessPackages: boolean;
  readonly includeResources: boolean;
  readonly includeInstances: boolean;
  readonly includePartiesViaKeyRoles: IncludeFilter;
  readonly includeSubParties: IncludeFilter;
  readonly includeInactiveParties: IncludeFilter;
  readonly partyFilter: readonly string[];
  readonly anyOfResourceIds: readonly string[];
}

export type ParsedAuthorizedPartiesQuery =
  { ok: true; query: AuthorizedPartiesQuery } | { ok: false; errors: Record<string, string[]> };

const INCLUDE_FILTERS: readonly IncludeFilter[] = ['False', 'True', 'Auto'];
const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Binds the end-user authorized-parties query like ASP.NET: booleans default false, include filters default Auto. */
export function parseAuthorizedPartiesQuery(params: URLSearchParams): ParsedAuthorizedPartiesQuery {
  const errors: Record<string, string[]> = {};
  const invalid = (field: string, value: string): void => {
    (errors[field] ??= []).push(`The value '${value}' is not valid for ${field}.`);
  };
  const bool = (field: string): boolean => {
    const value = params.get(field);
    if (value === null || value === '') return false;
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    invalid(field, value);
    return false;
  };
  const include = (field: string): IncludeFilter => {
    const value = params.get(field);
    if (value === null || value === '') return 'Auto';
    const found = /^\d$/.test(value)
      ? INCLUDE_FILTERS[Number(value)]
      : INCLUDE_FILTERS.find((f) => f.toLowerCase() === value.toLowerCase());
    if (found) return found;
    invalid(field, value);
    return 'Auto';
  };
  const partyFilter = params.getAll('partyFilter').filter((v) => v !== '');
  for (const value of partyFilter) if (!GUID.test(value)) invalid('partyFilter', value);
  const query: AuthorizedPartiesQuery = {
    includeRoles: bool('includeRoles'),
    includeAccessPackages: bool('includeAccessPackages'),
    includeResources: bool('includeResources'),
    includeInstances: bool('includeInstances'),
    includePartiesViaKeyRoles: include('includePartiesViaKeyRoles'),
    includeSubParties: include('includeSubParties'),
    includeInactiveParties: include('includeInactiveParties'),
    partyFilter: partyFilter.map((v) => v.toLowerCase()),
    anyOfResourceIds: params.getAll('anyOfResourceIds').filter((v) => v !== ''),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}
