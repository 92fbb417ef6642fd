// What the customer's answer does, after Altinn/altinn-authentication src/Authentication/Services/
// RequestSystemUserService.cs (ApproveAndCreateSystemUser, ApproveAndCreateAgentSystemUser, RejectSystemUser,
// EscalateApprovalSystemUser) and ChangeRequestSystemUserService.cs (ApproveAndDelegateChangeOnSystemUser,
// RejectChangeOnSystemUser). Approval checks only `status == New` (a request past its age stays New and
// `timedOut: true`, and can still be approved, as in the code since 253564d9). No callback is sent to the vendor.
import { organizationUrn } from '../../platform/identifiers';
import type { SandboxContext } from '../context';
import type { SandboxPerson } from '../world/types';
import type { AuthProblemCode } from './problems';
import type { SystemRegisterStore } from './store';
import type { StoredChangeRequest, StoredRequest, StoredRight } from './types';

/** Roles that hold Tilgangsstyrer (access manager) for an organisation in the sandbox: daglig leder. */
export const ACCESS_MANAGER_ROLES: readonly string[] = ['DAGL'];

export interface OrganisationPerson {
  readonly person: SandboxPerson;
  /** May approve or reject; the others linked to the organisation may only escalate. */
  readonly mayApprove: boolean;
}

/** The persons linked to an organisation, access managers first. */
export function personsFor(context: SandboxContext, orgNo: string): OrganisationPerson[] {
  const party = organizationUrn(orgNo);
  const out: OrganisationPerson[] = [];
  for (const person of context.world.persons) {
    const access = context.world.personAccess.get(person.nationalIdentityNumber)?.find((a) => a.party === party);
    if (!access) continue;
    out.push({ person, mayApprove: (access.roles ?? []).some((r) => ACCESS_MANAGER_ROLES.includes(r)) });
  }
  return out.sort((a, b) => Number(b.mayApprove) - Number(a.mayApprove));
}

export type Decision = 'approve' | 'reject' | 'escalate';

export type DecisionOutcome = { readonly ok: true } | { readonly ok: false; readonly code: AuthProblemCode };

export function decideRequest(
  context: SandboxContext,
  store: SystemRegisterStore,
  request: StoredRequest,
  personId: string,
  decision: Decision,
  clientOrganisations: readonly string[] = [],
): DecisionOutcome {
  const who = personsFor(context, request.partyOrgNo).find((p) => p.person.nationalIdentityNumber === personId);
  if (!who) return { ok: false, code: '00066' };
  if (request.status !== 'New') return { ok: false, code: '00013' };
  if (decision === 'escalate') {
    request.escalated = true;
    return { ok: true };
  }
  if (!who.mayApprove) return { ok: false, code: '00066' };
  if (decision === 'reject') {
    request.status = 'Rejected';
    return { ok: true };
  }
  if (!store.system(request.systemId)?.name.nb) return { ok: false, code: '00017' };
  if (store.activeSystemUser(request.systemId, request.partyOrgNo, request.externalRef))
    return { ok: false, code: '00004' };
  const user = store.createSystemUser(request);
  if (request.kind === 'agent' && clientOrganisations.length)
    store.replaceSystemUser({ ...user, clientOrganisations: [...clientOrganisations] });
  request.status = 'Accepted';
  request.systemUserId = user.id;
  return { ok: true };
}

export function decideChangeRequest(
  context: SandboxContext,
  store: SystemRegisterStore,
  change: StoredChangeRequest,
  personId: string,
  decision: Decision,
): DecisionOutcome {
  const who = personsFor(context, change.partyOrgNo).find((p) => p.person.nationalIdentityNumber === personId);
  if (!who || (!who.mayApprove && decision !== 'escalate')) return { ok: false, code: '00066' };
  if (change.status !== 'New') return { ok: false, code: '00013' };
  if (decision === 'escalate') return { ok: true };
  if (decision === 'reject') {
    change.status = 'Rejected';
    return { ok: true };
  }
  const user = context.world.systemUsers.find((u) => u.id === change.systemUserId);
  if (!user) return { ok: false, code: '00015' };
  // Required items are delegated, unwanted ones revoked.
  const unwantedResources = new Set(resourceUrns(change.unwantedRights));
  const unwantedPackages = new Set(change.unwantedAccessPackages.map((p) => p.urn.toLowerCase()));
  store.replaceSystemUser({
    ...user,
    delegatedResources: [
      ...new Set(
        [...user.delegatedResources, ...resourceUrns(change.requiredRights)].filter((r) => !unwantedResources.has(r)),
      ),
    ],
    accessPackages: [
      ...new Set([...(user.accessPackages ?? []), ...change.requiredAccessPackages.map((p) => p.urn.toLowerCase())]),
    ].filter((p) => !unwantedPackages.has(p)),
  });
  change.status = 'Accepted';
  return { ok: true };
}

function resourceUrns(rights: readonly StoredRight[]): string[] {
  return rights.flatMap((r) =>
    r.resource.filter((a) => a.id === 'urn:altinn:resource').map((a) => `urn:altinn:resource:${a.value}`),
  );
}
