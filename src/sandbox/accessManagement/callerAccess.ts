import { organizationUrn, personUrn } from '../../platform/identifiers';
import type { Principal } from '../core/principal';
import { resourcesOfSubject } from '../world/policies';
import type { PartyAccess, SandboxSystemUser, SandboxWorld } from '../world/types';
import { bareResourceId } from '../../platform/identifiers';

/**
 * A party the caller may act for. `resources` (bare ids) is everything Altinn Authorization lets it use there, through
 * roles, access packages and direct delegations together; undefined means every resource. The three sources are kept
 * apart because Access Management lists them apart (`authorizedRoles`, `authorizedAccessPackages`, `authorizedResources`).
 */
export interface PartyGrant {
  readonly party: string;
  readonly resources?: readonly string[];
  readonly roles?: readonly string[];
  readonly accessPackages?: readonly string[];
  /** Resources delegated directly (bare ids). */
  readonly delegatedResources?: readonly string[];
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
    if (systemUser?.userType === 'agent') {
      // An agent system user acts for the clients delegated to it, with its access packages there; not for its owner.
      const grants = (systemUser.clientOrganisations ?? []).map((client) =>
        toGrant(world, { party: organizationUrn(client), accessPackages: systemUser.accessPackages ?? [] }),
      );
      return { kind: 'systemUser', ownParty: party, systemUser, grants };
    }
    const grant = toGrant(world, {
      party,
      resources: systemUser?.delegatedResources ?? [],
      accessPackages: systemUser?.accessPackages ?? [],
    });
    return { kind: 'systemUser', ownParty: party, systemUser, grants: [grant] };
  }
  if (principal.nationalIdentityNumber) {
    const own = personUrn(principal.nationalIdentityNumber);
    const listed = world.personAccess.get(principal.nationalIdentityNumber);
    const grants = (listed ?? [{ party: own, roles: ['PRIV'] }]).map((g) => toGrant(world, g));
    return { kind: 'person', ownParty: own, grants };
  }
  const organisationNumber = principal.consumerOrganisationNumber ?? stringClaim(principal, 'urn:altinn:orgNumber');
  if (organisationNumber) {
    const party = organizationUrn(organisationNumber);
    return { kind: 'organisation', ownParty: party, grants: [{ party }] };
  }
  return { kind: 'unknown', grants: [] };
}

/** Resolves roles and access packages to the resources their policies name, next to the direct delegations. */
function toGrant(world: SandboxWorld, access: PartyAccess): PartyGrant {
  const roles = [...(access.roles ?? [])];
  const accessPackages = [...(access.accessPackages ?? [])];
  const delegatedResources = (access.resources ?? []).map(bareResourceId);
  const resources = new Set(delegatedResources);
  for (const subject of [...roles, ...accessPackages])
    for (const r of resourcesOfSubject(world, subject)) resources.add(r);
  return { party: access.party, resources: [...resources], roles, accessPackages, delegatedResources };
}

export type AccessDecision = 'allowed' | 'resource-not-granted' | 'party-not-granted';

/** Whether the caller may use `resourceId` (bare or URN) on behalf of `party` (URN). */
export function decideAccess(access: CallerAccess, party: string, resourceId: string): AccessDecision {
  const grant = access.grants.find((g) => g.party === party);
  if (!grant) return 'party-not-granted';
  if (grant.resources && !grant.resources.includes(bareResourceId(resourceId))) return 'resource-not-granted';
  return 'allowed';
}

function stringClaim(principal: Principal, name: string): string | undefined {
  const value = principal.claims[name];
  return typeof value === 'string' ? value : undefined;
}
