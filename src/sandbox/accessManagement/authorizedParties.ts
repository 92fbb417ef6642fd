import { createHash } from 'node:crypto';
import { parsePartyUrn, personUrn } from '../../platform/identifiers';
import { organisationIndex } from '../world/organisationIndex';
import type { SandboxOrganisation, SandboxPerson, SandboxWorld } from '../world/types';
import type { AuthorizedPartiesQuery } from './authorizedPartiesQuery';
import { bareResourceId } from '../../platform/identifiers';
import type { CallerAccess, PartyGrant } from './callerAccess';

/** `AuthorizedPartyDto` as Access Management serialises it (camelCase, nulls written out). */
export interface AuthorizedPartyJson {
  partyUuid: string;
  name: string;
  organizationNumber: string | null;
  parentId: string | null;
  personId: string | null;
  dateOfBirth: string | null;
  partyId: number;
  emailId: string | null;
  type: 'Person' | 'Organization';
  unitType: string | null;
  isDeleted: boolean;
  onlyHierarchyElementWithNoAccess: boolean;
  authorizedAccessPackages: string[];
  authorizedResources: string[];
  authorizedRoles: string[];
  authorizedInstances: { resourceId: string; instanceId: string; instanceRef: string }[];
  subunits: AuthorizedPartyJson[];
}

/** Everything the caller may use at a party (roles and packages resolved), for `anyOfResourceIds`; never serialised. */
const reachable = new WeakMap<AuthorizedPartyJson, readonly string[]>();

/**
 * The caller's parties with sub-units nested under their main unit, filtered like the end-user API.
 *
 * `authorizedResources` holds direct resource delegations only: Access Management fills it from the assignment's
 * (and, behind a feature flag, the client delegation's) resource rows, and does not expand roles or access packages
 * into resources (`EnrichPackageResources = false`). Altinn/altinn-authorization-tmp,
 * src/apps/Altinn.AccessManagement/src/Altinn.AccessMgmt.Core/Services/AuthorizedPartiesServiceEf.cs
 * (EnrichWithPartiesWithAccessInfo), AuthorizedPartyRepoServiceEf.cs (GetConnectionsFromOthers) and
 * AccessMgmt.PersistenceEF/Queries/Connection/ConnectionResourceLoader.cs. The older Altinn/altinn-access-management
 * AuthorizedPartiesService added role resources only when asked (`includeAuthorizedResourcesThroughRoles`), which
 * its end-user endpoints never did.
 */
export function buildAuthorizedParties(
  world: SandboxWorld,
  access: CallerAccess,
  query: AuthorizedPartiesQuery,
): AuthorizedPartyJson[] {
  const allResources = world.serviceOwners.flatMap((o) => o.resources.map(bareResourceId));
  const granted = access.grants.filter((g) => access.kind !== 'systemUser' || (g.resources?.length ?? 0) > 0);
  const nodes = new Map<string, AuthorizedPartyJson>();
  for (const grant of granted) nodes.set(grant.party, partyNode(world, grant, allResources));

  const top: AuthorizedPartyJson[] = [];
  for (const [urn, node] of [...nodes]) {
    const org = organisationOf(world, urn);
    if (!org?.parentOrganisationNumber) {
      top.push(node);
      continue;
    }
    const parentUrn = `urn:altinn:organization:identifier-no:${org.parentOrganisationNumber}`;
    let parent = nodes.get(parentUrn);
    if (!parent) {
      parent = hierarchyElement(world, org.parentOrganisationNumber);
      nodes.set(parentUrn, parent);
      top.push(parent);
    }
    node.parentId = parent.partyUuid;
    parent.subunits.push(node);
  }
  return top
    .map((p) => applyFilters(p, query, allResources))
    .filter((p): p is AuthorizedPartyJson => p !== undefined)
    .sort((a, b) => rank(a, access) - rank(b, access) || a.name.localeCompare(b.name, 'nb'));
}

function partyNode(world: SandboxWorld, grant: PartyGrant, allResources: string[]): AuthorizedPartyJson {
  const parsed = parsePartyUrn(grant.party);
  const lists = {
    authorizedRoles: [...(grant.roles ?? [])],
    authorizedAccessPackages: [...(grant.accessPackages ?? [])],
    authorizedResources: [...(grant.delegatedResources ?? [])],
  };
  let node: AuthorizedPartyJson;
  if (parsed?.kind === 'person') {
    const person = world.persons.find((p) => p.nationalIdentityNumber === parsed.nationalIdentityNumber);
    node = { ...personParty(person, parsed.nationalIdentityNumber), ...lists };
  } else {
    node = {
      ...organisationParty(world, parsed?.kind === 'organization' ? parsed.organisationNumber : grant.party),
      ...lists,
    };
  }
  reachable.set(node, grant.resources ?? allResources);
  return node;
}

function personParty(person: SandboxPerson | undefined, nationalIdentityNumber: string): AuthorizedPartyJson {
  return {
    ...emptyParty(),
    partyUuid: person?.partyUuid ?? stableUuid(nationalIdentityNumber),
    name: person?.name ?? `Person ${nationalIdentityNumber.slice(0, 6)}`,
    personId: nationalIdentityNumber,
    dateOfBirth: person?.dateOfBirth ?? null,
    partyId: person?.partyId ?? stablePartyId(nationalIdentityNumber),
    type: 'Person',
  };
}

function organisationParty(world: SandboxWorld, organisationNumber: string): AuthorizedPartyJson {
  const org = organisationIndex(world).byNumber.get(organisationNumber);
  return {
    ...emptyParty(),
    partyUuid: org?.partyUuid ?? stableUuid(organisationNumber),
    name: org?.name ?? `ORGANISASJON ${organisationNumber}`,
    organizationNumber: organisationNumber,
    partyId: org?.partyId ?? stablePartyId(organisationNumber),
    type: 'Organization',
    unitType: org?.unitType ?? 'AS',
    isDeleted: org?.isDeleted ?? false,
  };
}

function hierarchyElement(world: SandboxWorld, organisationNumber: string): AuthorizedPartyJson {
  return { ...organisationParty(world, organisationNumber), onlyHierarchyElementWithNoAccess: true };
}

function emptyParty(): AuthorizedPartyJson {
  return {
    partyUuid: '',
    name: '',
    organizationNumber: null,
    parentId: null,
    personId: null,
    dateOfBirth: null,
    partyId: 0,
    emailId: null,
    type: 'Organization',
    unitType: null,
    isDeleted: false,
    onlyHierarchyElementWithNoAccess: false,
    authorizedAccessPackages: [],
    authorizedResources: [],
    authorizedRoles: [],
    authorizedInstances: [],
    subunits: [],
  };
}

function applyFilters(
  party: AuthorizedPartyJson,
  query: AuthorizedPartiesQuery,
  allResources: readonly string[],
): AuthorizedPartyJson | undefined {
  const keep = (p: AuthorizedPartyJson): boolean =>
    (query.includeInactiveParties === 'True' || !p.isDeleted) &&
    matchesResources(p, query.anyOfResourceIds, allResources) &&
    (query.partyFilter.length === 0 || query.partyFilter.includes(p.partyUuid.toLowerCase()));
  const subunits =
    query.includeSubParties === 'False' ? [] : party.subunits.filter(keep).map((s) => trimLists(s, query));
  const selfMatches = !party.onlyHierarchyElementWithNoAccess && keep(party);
  if (!selfMatches && subunits.length === 0) return undefined;
  if (!(query.includeInactiveParties === 'True' || !party.isDeleted)) return undefined;
  return { ...trimLists(party, query), subunits };
}

/**
 * `anyOfResourceIds`: unknown ids are ignored; a list of only unknown ids filters nothing. A party matches when the
 * subject reaches one of them by any route: Access Management turns the ids into resource, package and role filters
 * (AuthorizedPartiesServiceEf.cs, ProcessProviderAndResourceFilters).
 */
function matchesResources(p: AuthorizedPartyJson, ids: readonly string[], allResources: readonly string[]): boolean {
  const known = ids.map(bareResourceId).filter((id) => allResources.includes(id));
  const reached = reachable.get(p) ?? p.authorizedResources;
  return known.length === 0 ? true : known.some((id) => reached.includes(id));
}

function trimLists(p: AuthorizedPartyJson, query: AuthorizedPartiesQuery): AuthorizedPartyJson {
  return {
    ...p,
    authorizedRoles: query.includeRoles ? p.authorizedRoles : [],
    authorizedAccessPackages: query.includeAccessPackages ? p.authorizedAccessPackages : [],
    authorizedResources: query.includeResources ? p.authorizedResources : [],
    authorizedInstances: query.includeInstances ? p.authorizedInstances : [],
  };
}

function rank(p: AuthorizedPartyJson, access: CallerAccess): number {
  return p.personId && access.ownParty === personUrn(p.personId) ? 0 : 1;
}

function organisationOf(world: SandboxWorld, urn: string): SandboxOrganisation | undefined {
  const parsed = parsePartyUrn(urn);
  return parsed?.kind === 'organization' ? organisationIndex(world).byNumber.get(parsed.organisationNumber) : undefined;
}

function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function stablePartyId(seed: string): number {
  return 60_000_000 + (parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 6), 16) % 1_000_000);
}
