import { systemUserFromClaims } from '../auth/authorizationDetails';
import { tokenUserType } from '../auth/userType';
import type { Localizer } from '../presentation';
import { featureChecklist, featureDefinition, parseScopeClaim } from '../scopes';
import { customerConfigurationStep, systemUserAcceptedStep } from './customerSteps';
import { correspondenceStep, rightsStep } from './rightsSteps';
import { FIX_COMMANDS } from './fixCommands';
import type { DiagnoseFacts, DiagnoseStep, Diagnosis } from './types';

/**
 * Walks the chain from the token to the rights, one verdict per step, and names the first problem's cause. The order
 * follows the way a request fails: no token at all (Maskinporten refused, MP-303 among them), then what the API checks
 * first (scopes, then whether the caller is an end user), then what Altinn Authorization decides (a system user that
 * exists, is accepted, and has rights covering the service).
 */
export function diagnose(facts: DiagnoseFacts, l10n: Localizer): Diagnosis {
  const steps: DiagnoseStep[] = [tokenStep(facts, l10n)];
  if (facts.token.ok) {
    steps.push(scopesStep(facts, facts.token.claims, l10n));
    steps.push(systemUserInTokenStep(facts, facts.token.claims, l10n));
  }
  steps.push(customerConfigurationStep(facts, l10n));
  steps.push(systemUserAcceptedStep(facts, l10n));
  steps.push(rightsStep(facts, l10n));
  if (facts.feature === 'correspondence') steps.push(correspondenceStep(facts, l10n));
  const firstProblem = steps.find((step) => step.verdict === 'problem' && step.cause);
  const tokenFailed = steps[0].verdict === 'problem';
  return { steps, cause: firstProblem?.cause ?? (tokenFailed ? 'token-failed' : undefined) };
}

/** Whether a token came straight from Maskinporten (not exchanged for an Altinn token, which adds these claims). */
export function isRawMaskinportenToken(claims: Readonly<Record<string, unknown>>): boolean {
  return claims['urn:altinn:authenticatemethod'] === undefined && claims['urn:altinn:orgNumber'] === undefined;
}

function tokenStep(facts: DiagnoseFacts, l10n: Localizer): DiagnoseStep {
  const title = l10n.t('A token is issued for the profile');
  const token = facts.token;
  if (token.ok) {
    const claims = token.claims;
    const evidence = [
      l10n.t('issuer: {0}', String(claims.iss ?? '?')),
      l10n.t('client_id: {0}', String(claims.client_id ?? '—')),
    ];
    const consumer = (claims.consumer as { ID?: unknown } | undefined)?.ID;
    if (typeof consumer === 'string') evidence.push(l10n.t('consumer: {0}', consumer));
    return { id: 'token', title, verdict: 'ok', summary: l10n.t('The profile gets a token.'), evidence };
  }
  const evidence = [token.mpCode ? `${token.mpCode}: ${token.message}` : token.message];
  if (token.mpCode === 'MP-303')
    return {
      id: 'token',
      title,
      verdict: 'problem',
      summary: l10n.t(
        'Maskinporten refused the system-user token with MP-303 (invalid_altinn_customer_configuration); the next steps say why.',
      ),
      evidence,
    };
  return {
    id: 'token',
    title,
    verdict: 'problem',
    summary: l10n.t('No token: the token request failed before any API was asked.'),
    evidence,
    cause: 'token-failed',
    fix: {
      label: l10n.t('Edit the connection profile…'),
      command: FIX_COMMANDS.editProfile,
      arguments: [{ profileId: facts.profile.id }],
    },
  };
}

function scopesStep(facts: DiagnoseFacts, claims: Readonly<Record<string, unknown>>, l10n: Localizer): DiagnoseStep {
  const title = l10n.t("The token has the feature's scopes");
  const granted = parseScopeClaim(typeof claims.scope === 'string' ? claims.scope : undefined);
  const status = featureChecklist(granted).find((s) => s.feature === facts.feature)!;
  const needed = featureDefinition(facts.feature).requires.map((anyOf) => anyOf.join(l10n.t(' or ')));
  const evidence = [l10n.t('scope claim: {0}', granted.join(' ') || '—'), l10n.t('needed: {0}', needed.join(', '))];
  if (status.missing.length === 0)
    return { id: 'scopes', title, verdict: 'ok', summary: l10n.t('Every scope the feature needs is there.'), evidence };
  return {
    id: 'scopes',
    title,
    verdict: 'problem',
    summary: l10n.t('The token lacks {0}.', status.missing.join(', ')),
    evidence,
    cause: 'missing-scope',
    fix: {
      label: l10n.t('Draft a scope request…'),
      command: FIX_COMMANDS.draftScopeRequest,
      arguments: [{ scopes: status.missing }],
    },
  };
}

function systemUserInTokenStep(
  facts: DiagnoseFacts,
  claims: Readonly<Record<string, unknown>>,
  l10n: Localizer,
): DiagnoseStep {
  const title = l10n.t('A system user is in the token when the API needs one');
  const needsEndUser = featureDefinition(facts.feature).needsEndUser === true;
  const systemUser = systemUserFromClaims(claims);
  const userType = tokenUserType(claims);
  const evidence = [l10n.t('the token is a {0} token', userType)];
  if (systemUser?.id) {
    evidence.push(
      l10n.t('authorization_details: systemuser_id {0}', systemUser.id),
      l10n.t('systemuser_org: {0}', systemUser.organisationNumber ?? '—'),
      l10n.t('system_id: {0}', systemUser.systemId ?? '—'),
    );
    return {
      id: 'systemUserInToken',
      title,
      verdict: 'ok',
      summary: l10n.t('The token acts as a system user.'),
      evidence,
    };
  }
  if (userType === 'person')
    return { id: 'systemUserInToken', title, verdict: 'ok', summary: l10n.t('The token is a person.'), evidence };
  if (facts.observedError?.userTypeRefusal) evidence.push(l10n.t('the API answered: {0}', facts.observedError.message));
  if (!needsEndUser && !facts.profile.intendsSystemUser)
    return {
      id: 'systemUserInToken',
      title,
      verdict: 'skipped',
      summary: l10n.t('This API does not need a system user.'),
      evidence,
    };
  const fix = {
    label: l10n.t('Use a system user for this profile…'),
    command: FIX_COMMANDS.useSystemUser,
    arguments: [{ profileId: facts.profile.id, organisation: facts.partyOrganisation }],
  };
  // A plain Maskinporten token on the end-user API is the classic mistake; an Altinn (exchanged) organisation token,
  // or a profile that meant to carry a system user and did not, is the same gap seen from elsewhere.
  if (!facts.profile.intendsSystemUser && needsEndUser && isRawMaskinportenToken(claims))
    return {
      id: 'systemUserInToken',
      title,
      verdict: 'problem',
      summary: l10n.t(
        "A plain Maskinporten token was used on Dialogporten's end-user API, which serves only a person or a system user, whatever the scopes.",
      ),
      evidence,
      cause: 'plain-maskinporten-token',
      fix,
    };
  return {
    id: 'systemUserInToken',
    title,
    verdict: 'problem',
    summary: facts.profile.intendsSystemUser
      ? l10n.t('The profile is meant to act as a system user, but its token carries none (no urn:altinn:systemuser).')
      : l10n.t('The API needs a system user, but the token carries none (no urn:altinn:systemuser).'),
    evidence,
    cause: 'no-system-user-in-token',
    fix,
  };
}
