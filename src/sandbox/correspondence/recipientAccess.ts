// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.Integrations/Altinn/Authorization/AltinnAuthorizationService.cs
import { decideAccess, resolveCallerAccess } from '../accessManagement/callerAccess';
import type { Principal } from '../core/principal';
import type { SandboxCorrespondence } from '../data/correspondenceTypes';
import type { SandboxWorld } from '../world/types';
import { CORRESPONDENCE_ERRORS, type CorrespondenceError } from './correspondenceErrors';

/**
 * GET overview/details: Correspondence first asks Altinn Authorization about the resource (for the recipient when the
 * caller may act for it, otherwise for the caller's own party), then whether the caller is the recipient at all.
 * So another party's correspondence is 404 (1001) for a caller with the resource, 401 (4001) for one without.
 */
export function checkReadAccess(
  world: SandboxWorld,
  principal: Principal,
  c: SandboxCorrespondence,
): CorrespondenceError | undefined {
  const access = resolveCallerAccess(world, principal);
  const decision = decideAccess(access, c.recipient, c.resourceId);
  if (decision === 'allowed') return undefined;
  if (decision === 'resource-not-granted') return CORRESPONDENCE_ERRORS.noAccessToResource;
  const ownPartyHasResource = !!access.ownParty && decideAccess(access, access.ownParty, c.resourceId) === 'allowed';
  return ownPartyHasResource ? CORRESPONDENCE_ERRORS.notFound : CORRESPONDENCE_ERRORS.noAccessToResource;
}

/** markasread, confirm, purge, download: `CheckAccessAsRecipient` — anything but recipient access is 401 (4001). */
export function checkRecipientAccess(
  world: SandboxWorld,
  principal: Principal,
  c: SandboxCorrespondence,
): CorrespondenceError | undefined {
  const decision = decideAccess(resolveCallerAccess(world, principal), c.recipient, c.resourceId);
  return decision === 'allowed' ? undefined : CORRESPONDENCE_ERRORS.noAccessToResource;
}
