import { organizationUrn, personUrn } from '../../platform/identifiers';
import type { Principal } from '../core/principal';
import type { SandboxSystemUser, SandboxWorld } from '../world/types';

const RESOURCE_PREFIX = 'urn:altinn:resource:';

/** A party the caller may act for; `resources` (bare ids) limits it, undefined means every resource. */
export interface PartyGrant {
  readonly party: string;
  readonly resources?: readonly string[];
}

/** Who the caller is and which parties/resources Altinn Authorization would let it use. */
export interface CallerAccess {
  readonly kind: 'person' | 'systemUser' | 'organisation' | 'unknown';
  /** The party the caller is when it names no other (`onBehalfOf` omitted). */
  readonly ownParty?: string;
  readonly grants: readonly PartyGrant[];
  /** Set for system users: the registered one, if the token names a known id. */
  readonly systemUser?: SandboxSystemUser;
}

/**
 * Resolves the caller the way the Altinn services do: a system user acts only for its customer organisation and only
 * for resources delegated to it; a person for the parties in the world's access list; a plain Maskinporten
 * consumer for its own organisation.
 */
export function resolveCallerAccess(world: SandboxWorld, principal: Principal): CallerAccess {
  if (principal.systemUser) {
    const systemUser = world.systemUsers.find((s) => s.id === principal.systemUser?.id);
    const organisationNumber = systemUser?.organisationNumber ?? principal.systemUser.organisationNumber;
    const party = organizationUrn(organisationNumber);
    return { kind: 'systemUser', ownParty: party, systemUser, grants: [{ party, resources: (systemUser?.delegatedResources ?? []).map(bareResourceId) }] };
  }
  if (principal.nationalIdentityNumber) {
    const own = personUrn(principal.nationalIdentityNumber);
    const listed = world.personAccess.get(principal.nationalIdentityNumber);
    const grants = (listed ?? [{ party: own }]).map((g) => ({ party: g.party, resources: g.resources?.map(bareResourceId) }));
    return { kind: 'person', ownParty: own, grants };
  }
  const organisationNumber = principal.consumerOrganisationNumber ?? stringClaim(principal, 'urn:altinn:orgNumber');
  if (organisationNumber) {
    const party = organizationUrn(organisationNumber);
    return { kind: 'organisation', ownParty: party, grants: [{ party }] };
  }
  return { kind: 'unknown', grants: [] };
}

export type AccessDecision = 'allowed' | 'resource-not-granted' | 'party-not-granted';

/** Whether the caller may use `resourceId` (bare or URN) on behalf of `party` (URN). */
export function decideAccess(access: CallerAccess, party: string, resourceId: string): AccessDecision {
  const grant = access.grants.find((g) => g.party === party);
  if (!grant) return 'party-not-granted';
  if (grant.resources && !grant.resources.includes(bareResourceId(resourceId))) return 'resource-not-granted';
  return 'allowed';
}

export function bareResourceId(resourceId: string): string {
  return resourceId.startsWith(RESOURCE_PREFIX) ? resourceId.slice(RESOURCE_PREFIX.length) : resourceId;
}

function stringClaim(principal: Principal, name: string): string | undefined {
  const value = principal.claims[name];
  return typeof value === 'string' ? value : undefined;
}
