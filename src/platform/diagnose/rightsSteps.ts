import { bareResourceId } from '../identifiers';
import type { Localizer } from '../presentation';
import { subjectOf } from './customerSteps';
import { FIX_COMMANDS } from './fixCommands';
import type { DiagnoseFacts, DiagnoseStep, VendorFacts } from './types';

interface KnownRights {
  readonly resources: readonly string[];
  readonly accessPackages: readonly string[];
}

/**
 * What the system user was given: the resources and packages of its accepted request (and accepted change requests,
 * which the gatherer folds into the same list). Altinn's vendor API lists system users without their rights
 * (Altinn/altinn-authentication, src/Core/Models/SystemUsers/SystemUserExternalDTO.cs), so the request is the record.
 */
function rightsOf(vendor: VendorFacts, systemId: string, organisation: string): KnownRights | undefined {
  const accepted = vendor.requests.filter(
    (r) => r.systemId === systemId && r.customerOrganisation === organisation && r.status === 'Accepted',
  );
  if (accepted.length === 0) return undefined;
  return {
    resources: [...new Set(accepted.flatMap((r) => r.resources.map(bareResourceId)))],
    accessPackages: [...new Set(accepted.flatMap((r) => r.accessPackages))],
  };
}

/** The system user's rights cover the services whose messages are expected. */
export function rightsStep(facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  const id = 'rights';
  const title = l10n.t('The system user’s rights cover the services');
  const subject = subjectOf(facts);
  const vendor = facts.vendor;
  const org = subject.organisation;
  const user =
    vendor && org
      ? vendor.systemUsers.find((u) =>
          subject.systemUserId
            ? u.id === subject.systemUserId
            : u.customerOrganisation === org &&
              (u.externalRef === (facts.profile.externalRef ?? org) || !u.externalRef),
        )
      : undefined;
  if (!subject.inToken && !user)
    return { id, title, verdict: 'skipped', summary: l10n.t('No system user to check.'), evidence: [] };
  if (!vendor || !org)
    return {
      id,
      title,
      verdict: 'unknown',
      summary: l10n.t("Cannot tell: the vendor's requests could not be read."),
      evidence: [...(facts.vendorProblems ?? []), ...(vendor?.problems ?? [])],
    };
  const systemId = subject.systemId ?? user?.systemId;
  const system = vendor.systems.find((s) => s.id === systemId);
  const rights = systemId ? rightsOf(vendor, systemId, org) : undefined;
  if (!rights)
    return {
      id,
      title,
      verdict: 'unknown',
      summary: l10n.t(
        'Cannot tell: no accepted request of yours records what {0} delegated (it may have been made in the portal).',
        org,
      ),
      evidence: [],
    };
  const expected = (
    facts.expectedResources?.length
      ? facts.expectedResources
      : facts.feature === 'correspondence' && facts.correspondenceResources?.length
        ? facts.correspondenceResources
        : (system?.resources ?? [])
  ).map(bareResourceId);
  const evidence = [
    l10n.t('delegated resources: {0}', rights.resources.join(', ') || l10n.t('none')),
    l10n.t('delegated access packages: {0}', rights.accessPackages.join(', ') || l10n.t('none')),
    l10n.t('expected services: {0}', expected.join(', ') || l10n.t('none')),
  ];
  if (expected.length === 0)
    return { id, title, verdict: 'unknown', summary: l10n.t('No service to compare the rights with.'), evidence };
  const missing = expected.filter((resource) => !rights.resources.includes(resource));
  if (missing.length === 0)
    return { id, title, verdict: 'ok', summary: l10n.t('Every expected service is delegated.'), evidence };
  if (rights.accessPackages.length > 0)
    return {
      id,
      title,
      verdict: 'warning',
      summary: l10n.t(
        '{0} is not delegated directly; an access package may cover it (only the service’s policy says).',
        missing.join(', '),
      ),
      evidence,
    };
  return {
    id,
    title,
    verdict: 'problem',
    summary: l10n.t(
      'The system user for {0} was not given {1}, so that service’s messages stay hidden from it.',
      org,
      missing.join(', '),
    ),
    evidence,
    cause: 'rights-do-not-cover',
    fix: {
      label: l10n.t('Ask the customer for the missing rights (change request)…'),
      command: FIX_COMMANDS.changeRequest,
      arguments: [{ systemUserId: user?.id ?? subject.systemUserId, systemId, resources: missing }],
    },
  };
}

/**
 * Correspondence reads as recipient with an Altinn token (the extension exchanges the Maskinporten token) and lists
 * per resource, so the Inbox must know which resources to ask for; the caller needs read access to each
 * (Altinn/altinn-correspondence, src/Altinn.Correspondence.Integrations/Altinn/Authorization/AltinnAuthorizationService.cs).
 */
export function correspondenceStep(facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  const id = 'correspondence';
  const title = l10n.t('Correspondence has what it needs');
  const resources = facts.correspondenceResources ?? [];
  const evidence = [l10n.t('Correspondence resources asked for: {0}', resources.join(', ') || l10n.t('none'))];
  if (facts.observedError) evidence.push(l10n.t('the API answered: {0}', facts.observedError.message));
  if (resources.length === 0)
    return {
      id,
      title,
      verdict: 'problem',
      summary: l10n.t(
        'Correspondence lists messages per resource, and no Correspondence resource is known: name them in the setting.',
      ),
      evidence,
      cause: 'correspondence-needs',
      fix: {
        label: l10n.t('Open the setting…'),
        command: FIX_COMMANDS.openSettings,
        arguments: ['altinnInbox.correspondence.resources'],
      },
    };
  return {
    id,
    title,
    verdict: 'ok',
    summary: l10n.t('The resources are known, and the Altinn token comes from the token exchange.'),
    evidence,
  };
}
