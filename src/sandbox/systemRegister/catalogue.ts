import type { SandboxWorld } from '../world/types';
import { allResourceIds, CLIENT_PACKAGES, knownAccessPackages } from '../world/policies';

/**
 * The simulated Resource Registry and access-package catalogue the register validates against (SYSTEM-USERS reference
 * §2.1). Every service resource of the world is delegable; one MaskinportenSchema resource exists to show VLD-00017
 * (Altinn/altinn-authentication SystemRegisterController.ValidateRights: only some resource types are delegable).
 */
export const NOT_DELEGABLE_RESOURCE = 'sandbox-maskinporten-schema';

export type ResourceKind = 'delegable' | 'not-delegable' | 'unknown';
export type PackageKind = 'assignable' | 'client' | 'unknown';

export function resourceKind(world: Pick<SandboxWorld, 'serviceOwners'>, resourceId: string): ResourceKind {
  if (resourceId === NOT_DELEGABLE_RESOURCE) return 'not-delegable';
  return allResourceIds(world).includes(resourceId) ? 'delegable' : 'unknown';
}

/** `assignable`: may go to a standard system user; `client`: only to an agent system user, for clients. */
export function packageKind(urn: string): PackageKind {
  const lower = urn.toLowerCase();
  if (CLIENT_PACKAGES.includes(lower)) return 'client';
  return knownAccessPackages().includes(lower) ? 'assignable' : 'unknown';
}
