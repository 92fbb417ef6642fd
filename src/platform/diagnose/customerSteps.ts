import { systemUserFromClaims } from '../auth/authorizationDetails';
import type { Localizer } from '../presentation';
import { FIX_COMMANDS } from './fixCommands';
import type { DiagnoseFacts, DiagnoseStep, VendorFacts, VendorRequestFacts, VendorSystemUserFacts } from './types';

/** The system user the facts are about: the token's, else the profile's customer, else the party in question. */
export function subjectOf(facts: DiagnoseFacts): {
  organisation?: string;
  systemUserId?: string;
  systemId?: string;
  inToken: boolean;
} {
  const claimed = facts.token.ok ? systemUserFromClaims(facts.token.claims) : undefined;
  if (claimed?.id)
    return {
      organisation: claimed.organisationNumber,
      systemUserId: claimed.id,
      systemId: claimed.systemId,
      inToken: true,
    };
  return { organisation: facts.profile.systemUserOrg ?? facts.partyOrganisation, inToken: false };
}

/** Whether the facts are about a system user at all (the token has one, it was refused with MP-303, or the profile wants one). */
function aboutSystemUser(facts: DiagnoseFacts): boolean {
  if (facts.token.ok) return subjectOf(facts).inToken || facts.profile.intendsSystemUser;
  return facts.token.mpCode === 'MP-303';
}

/** The vendor's systems that list the profile's client id (all of them when the client id is not known). */
function systemsOfClient(facts: DiagnoseFacts, vendor: VendorFacts): string[] {
  const clientId = facts.profile.clientId;
  return vendor.systems.filter((s) => !clientId || s.clientIds.includes(clientId)).map((s) => s.id);
}

/** MP-303's causes (Altinn/altinn-studio-docs, …/system-user/troubleshooting/errors/mp-303-error/_index.en.md). */
export function customerConfigurationStep(facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  const id = 'customerConfiguration';
  const title = l10n.t('Maskinporten finds the system user (client id, systemuser_org, externalRef)');
  const subject = subjectOf(facts);
  if (subject.inToken)
    return {
      id,
      title,
      verdict: 'ok',
      summary: l10n.t(
        'Maskinporten issued a system-user token, so the client id, systemuser_org and externalRef match.',
      ),
      evidence: [],
    };
  if (!aboutSystemUser(facts))
    return {
      id,
      title,
      verdict: 'skipped',
      summary: l10n.t('The profile does not ask for a system user.'),
      evidence: [],
    };
  const vendor = facts.vendor;
  const org = subject.organisation;
  if (!vendor || !org) return unknownVendor(id, title, facts, l10n);
  const clientId = facts.profile.clientId;
  const systemIds = systemsOfClient(facts, vendor);
  const evidence = vendor.systems.map((s) =>
    l10n.t('system {0}: client ids {1}', s.id, s.clientIds.join(', ') || l10n.t('none')),
  );
  if (clientId && systemIds.length === 0)
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t(
        'No system of yours lists the client id {0}; Maskinporten answers MP-303 until one does.',
        clientId,
      ),
      evidence,
      cause: 'client-id-not-on-system',
      fix: vendor.systems[0]
        ? {
            label: l10n.t('Add the client id to the system…'),
            command: FIX_COMMANDS.editSystem,
            arguments: [{ systemId: vendor.systems[0].id, addClientId: clientId }],
          }
        : { label: l10n.t('Register a system…'), command: 'altinnInbox.registerSystem' },
    };
  const users = vendor.systemUsers.filter((u) => systemIds.includes(u.systemId));
  const editProfile = {
    label: l10n.t('Edit the connection profile…'),
    command: FIX_COMMANDS.editProfile,
    arguments: [{ profileId: facts.profile.id }],
  };
  const agent = users.find((u) => u.userType === 'agent' && u.clientOrganisations?.includes(org));
  if (agent && !users.some((u) => u.customerOrganisation === org))
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t(
        '{0} is a client of the agent system user owned by {1}; for an agent system user, systemuser_org must be the owner ({1}), never a client.',
        org,
        agent.customerOrganisation,
      ),
      evidence: [...evidence, describeUser(agent, l10n)],
      cause: 'wrong-systemuser-org',
      fix: editProfile,
    };
  const forOrg = users.filter((u) => u.customerOrganisation === org);
  if (forOrg.length > 0) {
    const wanted = facts.profile.externalRef ?? org;
    if (forOrg.some((u) => u.externalRef === wanted))
      return {
        id,
        title,
        verdict: 'ok',
        summary: l10n.t('A system user for {0} with that externalRef exists.', org),
        evidence: forOrg.map((u) => describeUser(u, l10n)),
      };
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t(
        'The system user for {0} was requested with externalRef "{1}", but the profile sends {2}.',
        org,
        forOrg[0].externalRef,
        facts.profile.externalRef
          ? `"${facts.profile.externalRef}"`
          : l10n.t('none (the default is the organisation number)'),
      ),
      evidence: forOrg.map((u) => describeUser(u, l10n)),
      cause: 'external-ref-mismatch',
      fix: editProfile,
    };
  }
  const requests = vendor.requests.filter((r) => systemIds.includes(r.systemId) && r.customerOrganisation === org);
  if (requests.length > 0)
    return {
      id,
      title,
      verdict: 'warning',
      summary: l10n.t('There is no system user for {0} yet, only a request (see the next step).', org),
      evidence,
    };
  if (users.length > 0)
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t(
        'Neither a system user nor a request exists for {0} (systemuser_org); your system users are for {1}. Check the organisation number the profile sends.',
        org,
        [...new Set(users.map((u) => u.customerOrganisation))].join(', '),
      ),
      evidence: [...evidence, ...users.map((u) => describeUser(u, l10n))],
      cause: 'wrong-systemuser-org',
      fix: editProfile,
    };
  return {
    id,
    title,
    verdict: 'warning',
    summary: l10n.t('The system lists the client id, but has no system users yet (see the next step).'),
    evidence,
  };
}

/** The system user exists and is Accepted for that organisation; otherwise the request's status says why not. */
export function systemUserAcceptedStep(facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  const id = 'systemUserAccepted';
  const title = l10n.t('The system user exists and is accepted for that organisation');
  const subject = subjectOf(facts);
  if (subject.inToken)
    return {
      id,
      title,
      verdict: 'ok',
      summary: l10n.t(
        'The token names system user {0} for {1}.',
        subject.systemUserId ?? '?',
        subject.organisation ?? '?',
      ),
      evidence: [],
    };
  if (!aboutSystemUser(facts))
    return {
      id,
      title,
      verdict: 'skipped',
      summary: l10n.t('The profile does not ask for a system user.'),
      evidence: [],
    };
  const vendor = facts.vendor;
  const org = subject.organisation;
  if (!vendor || !org) return unknownVendor(id, title, facts, l10n);
  const systemIds = systemsOfClient(facts, vendor);
  const users = vendor.systemUsers.filter((u) => systemIds.includes(u.systemId) && u.customerOrganisation === org);
  if (users.length > 0)
    return {
      id,
      title,
      verdict: 'ok',
      summary: l10n.t('A system user for {0} exists.', org),
      evidence: users.map((u) => describeUser(u, l10n)),
    };
  const request = latest(
    vendor.requests.filter((r) => systemIds.includes(r.systemId) && r.customerOrganisation === org),
  );
  const systemId = request?.systemId ?? systemIds[0];
  const requestAgain = {
    label: l10n.t('Request a system user…'),
    command: FIX_COMMANDS.requestSystemUser,
    arguments: [{ systemId, organisation: org }],
  };
  if (!request)
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t('{0} has no system user for your system and no request for one.', org),
      evidence: [],
      cause: 'no-system-user',
      fix: requestAgain,
    };
  const evidence = [describeRequest(request, l10n)];
  if (request.timedOut)
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t('The request for {0} timed out before the customer answered.', org),
      evidence,
      cause: 'request-timed-out',
      fix: requestAgain,
    };
  if (request.status === 'New')
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t('The request for {0} is still waiting for the customer to approve it.', org),
      evidence,
      cause: 'request-pending',
      fix: request.confirmUrl
        ? {
            label: l10n.t('Copy or open the confirm URL…'),
            command: FIX_COMMANDS.openConfirmUrl,
            arguments: [{ confirmUrl: request.confirmUrl, requestId: request.id }],
          }
        : undefined,
    };
  if (request.status === 'Rejected' || request.status === 'Denied')
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t('The customer {0} answered the request with {1}.', org, request.status),
      evidence,
      cause: 'request-rejected',
      fix: requestAgain,
    };
  return {
    id,
    title,
    verdict: 'problem',
    summary: l10n.t('The request for {0} was accepted, but the system user is gone (the customer deleted it).', org),
    evidence,
    cause: 'no-system-user',
    fix: requestAgain,
  };
}

function unknownVendor(id: DiagnoseStep['id'], title: string, facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  return {
    id,
    title,
    verdict: 'unknown',
    summary: l10n.t(
      "Cannot tell: the vendor's systems and system users could not be read (a vendor profile with the system register scopes is needed).",
    ),
    evidence: [...(facts.vendorProblems ?? []), ...(facts.vendor?.problems ?? [])],
  };
}

function latest(requests: readonly VendorRequestFacts[]): VendorRequestFacts | undefined {
  return [...requests].sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
}

export function describeUser(user: VendorSystemUserFacts, l10n: Localizer): string {
  return l10n.t(
    'system user {0} ({1}) of {2} for {3}, externalRef "{4}"',
    user.id,
    user.userType,
    user.systemId,
    user.customerOrganisation,
    user.externalRef,
  );
}

export function describeRequest(request: VendorRequestFacts, l10n: Localizer): string {
  return l10n.t(
    'request {0} for {1}: status {2}{3}, created {4}',
    request.id,
    request.customerOrganisation,
    request.status,
    request.timedOut ? l10n.t(' (timed out)') : '',
    request.created ?? '?',
  );
}
