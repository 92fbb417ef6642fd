import { ApiError, ResponseShapeError } from '../errors';
import { toAccessError } from './accessErrors';
import type { HttpClient } from '../http';
import { organizationUrn, personUrn } from '../identifiers';
import { lazySchema } from '../loadPayloadSchemas';
import type { AuthorizedParty } from './schemas';
import { bareResourceId } from '../identifiers';

const authorizedPartiesPageSchema = lazySchema((schemas) => schemas.authorizedPartiesPageSchema);

/** Returns an Altinn token with `altinn:accessmanagement/authorizedparties` (Access Management takes Altinn tokens only). */
export type AccessTokenProvider = (options?: { forceRefresh?: boolean; signal?: AbortSignal }) => Promise<string>;

export interface AuthorizedPartiesClientOptions {
  readonly platformBase: string;
  readonly getToken: AccessTokenProvider;
  readonly http: HttpClient;
}

/** `auto` lets Altinn (or the user's preference) decide. */
export type IncludeChoice = boolean | 'auto';

export interface AuthorizedPartiesQuery {
  /** Default true. */
  readonly includeRoles?: boolean;
  /** Default true. */
  readonly includeAccessPackages?: boolean;
  /** Default true. */
  readonly includeResources?: boolean;
  /** Default false. */
  readonly includeInstances?: boolean;
  /** Sub-units nested under their main unit. Default `auto`. */
  readonly includeSubParties?: IncludeChoice;
  /** Deleted organisations (`isDeleted`). Default `auto` (Altinn leaves them out unless asked). */
  readonly includeInactiveParties?: IncludeChoice;
  readonly includePartiesViaKeyRoles?: IncludeChoice;
  /** Only these parties (party UUIDs). */
  readonly partyFilter?: readonly string[];
  /** Only parties where the subject has at least one of these resources (bare ids or `urn:altinn:resource:…`). */
  readonly anyOfResourceIds?: readonly string[];
}

const MAX_PAGES = 50;

/** Access Management's end-user authorized parties: whom the token's person or system user may act for. */
export class AuthorizedPartiesClient {
  private readonly url: string;

  constructor(private readonly options: AuthorizedPartiesClientOptions) {
    this.url = `${options.platformBase.replace(/\/+$/, '')}/accessmanagement/api/v1/enduser/authorizedparties`;
  }

  /** All pages (the API announces more with `links.next`; bounded at 50 pages). */
  async list(query: AuthorizedPartiesQuery = {}, options: { signal?: AbortSignal } = {}): Promise<AuthorizedParty[]> {
    const parties: AuthorizedParty[] = [];
    let url: string | undefined = `${this.url}?${toParams(query)}`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const result = await this.page(url, options.signal);
      parties.push(...result.parties);
      url = result.next ? new URL(result.next, this.url).toString() : undefined;
    }
    if (url)
      throw new ResponseShapeError(
        'Authorized parties',
        'links.next',
        `still announced more after ${MAX_PAGES} pages; refusing to loop further`,
      );
    return parties;
  }

  private async page(
    url: string,
    signal: AbortSignal | undefined,
  ): Promise<{ next?: string; parties: AuthorizedParty[] }> {
    const call = async (forceRefresh: boolean) => {
      const token = await this.options.getToken({ forceRefresh, signal });
      return this.options.http.requestJson(
        { method: 'GET', url, headers: { authorization: `Bearer ${token}` }, signal },
        { payload: 'Authorized parties', schema: authorizedPartiesPageSchema },
      );
    };
    try {
      return await call(false);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || /unknown user type/i.test(error.detail ?? ''))
        throw toAccessError(error);
    }
    try {
      return await call(true);
    } catch (error) {
      throw toAccessError(error);
    }
  }
}

/** Main units and their sub-units in one list (sub-units right after their main unit). */
export function flattenAuthorizedParties(parties: readonly AuthorizedParty[]): AuthorizedParty[] {
  return parties.flatMap((p) => [p, ...flattenAuthorizedParties(p.subunits)]);
}

/** The party URN Dialogporten and Correspondence use for this party, if it has an identifier. */
export function partyUrnOf(party: AuthorizedParty): string | undefined {
  if (party.organizationNumber) return organizationUrn(party.organizationNumber);
  if (party.personId) return personUrn(party.personId);
  return undefined;
}

function toParams(query: AuthorizedPartiesQuery): URLSearchParams {
  const params = new URLSearchParams({
    includeRoles: String(query.includeRoles ?? true),
    includeAccessPackages: String(query.includeAccessPackages ?? true),
    includeResources: String(query.includeResources ?? true),
    includeInstances: String(query.includeInstances ?? false),
    includeSubParties: String(query.includeSubParties ?? 'auto'),
    includeInactiveParties: String(query.includeInactiveParties ?? 'auto'),
    includePartiesViaKeyRoles: String(query.includePartiesViaKeyRoles ?? 'auto'),
  });
  for (const uuid of query.partyFilter ?? []) params.append('partyFilter', uuid);
  for (const id of query.anyOfResourceIds ?? []) params.append('anyOfResourceIds', bareResourceId(id));
  return params;
}
