import type { SandboxContext } from '../context';
import type { SandboxSystemUser } from '../world/types';
import { systemRegisterOf } from './store';

export type GrantLookup = { readonly user: SandboxSystemUser } | { readonly cause: string };

/**
 * The system user a Maskinporten grant names, by the rules of Altinn's lookup for Maskinporten
 * (GET systemuser/byExternalId, Altinn/altinn-authentication src/Authentication/Controllers/SystemUserController.cs and
 * SystemUserService.CheckIfPartyHasIntegration; SYSTEM-USERS reference §6): a non-deleted system user owned by
 * `systemuser_org`, with the external reference (default: the owner's organisation number), whose registered system
 * is not deleted and lists the client id. For an agent system user the owner is the facilitator, never a client.
 */
export function findSystemUserForGrant(
  context: SandboxContext,
  clientId: string,
  ownerOrgNo: string,
  externalRef: string | undefined,
): GrantLookup {
  const store = systemRegisterOf(context);
  const owned = context.world.systemUsers.filter((u) => u.organisationNumber === ownerOrgNo);
  const forClient = owned.filter((u) => {
    const system = store.system(u.systemId);
    return system !== undefined && !system.isDeleted && system.clientIds.includes(clientId);
  });
  const wanted = externalRef ?? ownerOrgNo;
  const user = forClient.find((u) => (u.externalRef ?? u.organisationNumber) === wanted);
  if (user) return { user };
  const agentOf = context.world.systemUsers.find(
    (u) =>
      u.clientOrganisations?.includes(ownerOrgNo) &&
      (owned.length === 0 || (u.externalRef ?? u.organisationNumber) === wanted),
  );
  if (agentOf)
    return {
      cause: `${ownerOrgNo} is a client of an agent system user; systemuser_org must be the agent system user's owner ${agentOf.organisationNumber}`,
    };
  if (owned.length > 0 && forClient.length === 0)
    return {
      cause: `no registered system of the system users for organisation ${ownerOrgNo} lists client ${clientId} (or the system was deleted)`,
    };
  if (forClient.length > 0)
    return {
      cause: `externalRef ${externalRef === undefined ? 'missing' : `"${externalRef}"`} does not match the system user for organisation ${ownerOrgNo}`,
    };
  return {
    cause: `no system user for client ${clientId} and organisation ${ownerOrgNo} (not approved yet, or deleted)`,
  };
}
