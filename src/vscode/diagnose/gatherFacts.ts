import * as vscode from 'vscode';
import { decodeJwtUnverified } from '../../platform/auth';
import type { DiagnoseFacts, ObservedError, TokenFacts, VendorFacts } from '../../platform/diagnose';
import { isUserTypeRefusal } from '../../platform/dialogporten/errors';
import { ApiError, MaskinportenError } from '../../platform/errors';
import { parsePartyUrn } from '../../platform/identifiers';
import { maskSecrets } from '../commands';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { TokenRequestError } from '../shared/tokenRequestError';
import { canActAsVendor, vendorClientsFor } from '../shared/vendorClients';
import { loadVendorSnapshot, rightResources } from '../shared/vendorSnapshot';

export type DiagnosedFeature = DiagnoseFacts['feature'];

/** What Diagnose was asked about: the profile, the feature, and (from a row) the party and the error seen. */
export interface DiagnoseTarget {
  readonly profile: ConnectionProfile;
  readonly feature: DiagnosedFeature;
  readonly partyOrganisation?: string;
  readonly error?: unknown;
  /** Words for the report's "About" line. */
  readonly subject: string;
}

/** Reads the facts Diagnose needs; nothing here decides a verdict (platform/diagnose does). */
export async function gatherFacts(services: ExtensionServices, target: DiagnoseTarget): Promise<DiagnoseFacts> {
  const { profile } = target;
  const sandboxClientId =
    profile.kind === 'sandbox' ? (await services.sandbox.ensureStarted()).defaultClient.clientId : undefined;
  const intendsSystemUser =
    profile.kind === 'maskinporten'
      ? profile.systemUserOrg !== undefined
      : profile.kind === 'sandbox' && profile.identity.type === 'systemUser';
  const [token, vendor] = await Promise.all([
    tokenFacts(services, profile, target.feature),
    vendorFacts(services, profile),
  ]);
  const configured = vscode.workspace.getConfiguration('altinnInbox.correspondence').get<unknown>('resources');
  return {
    feature: target.feature,
    profile: {
      id: profile.id,
      label: profile.label,
      kind: profile.kind,
      environment: profile.environment,
      clientId: profile.kind === 'maskinporten' ? profile.clientId : sandboxClientId,
      systemUserOrg:
        profile.kind === 'maskinporten'
          ? profile.systemUserOrg
          : profile.kind === 'sandbox' && profile.identity.type === 'systemUser'
            ? profile.identity.organisationNumber
            : undefined,
      externalRef:
        profile.kind === 'maskinporten'
          ? profile.externalRef
          : profile.kind === 'sandbox' && profile.identity.type === 'systemUser'
            ? profile.identity.externalRef
            : undefined,
      intendsSystemUser,
      exchangesToAltinn: profile.kind === 'maskinporten' ? profile.exchangeToAltinn : undefined,
    },
    token,
    partyOrganisation: target.partyOrganisation,
    observedError: target.error === undefined ? undefined : observedError(target.error),
    vendor: vendor.facts,
    vendorProblems: vendor.problems,
    correspondenceResources: Array.isArray(configured)
      ? configured.filter((r): r is string => typeof r === 'string')
      : [],
  };
}

async function tokenFacts(
  services: ExtensionServices,
  profile: ConnectionProfile,
  feature: DiagnosedFeature,
): Promise<TokenFacts> {
  try {
    const provider = await services.connections.tokenProvider(
      profile,
      feature === 'dialogportenInbox' ? 'maskinporten' : 'altinn',
    );
    const token = await provider.getToken();
    return { ok: true, claims: decodeJwtUnverified(token).claims };
  } catch (error) {
    const cause = error instanceof TokenRequestError ? error.cause : error;
    return {
      ok: false,
      mpCode: cause instanceof MaskinportenError ? cause.mpCode : undefined,
      message: maskSecrets(cause instanceof Error ? cause.message : String(cause)),
    };
  }
}

/** The vendor's side, read with the profile's own client (without a system user); undefined with the reason when it cannot be. */
async function vendorFacts(
  services: ExtensionServices,
  profile: ConnectionProfile,
): Promise<{ facts?: VendorFacts; problems?: string[] }> {
  if (!canActAsVendor(profile)) return { problems: [vscode.l10n.t('A pasted token cannot read the system register.')] };
  try {
    const snapshot = await loadVendorSnapshot(await vendorClientsFor(services, profile));
    const problems = snapshot.systems.flatMap((s) =>
      s.errors.map(
        (e) => `${s.summary.systemId} ${e.part}: ${maskSecrets(String((e.error as Error).message ?? e.error))}`,
      ),
    );
    return {
      facts: {
        systems: snapshot.systems.map((s) => ({
          id: s.summary.systemId,
          clientIds: s.system?.clientId ?? [],
          resources: rightResources(s.summary.rights),
          accessPackages: s.summary.accessPackages.map((p) => p.urn),
        })),
        systemUsers: snapshot.systems.flatMap((s) =>
          s.systemUsers.map((u) => ({
            id: u.id,
            systemId: u.systemId,
            customerOrganisation: u.reporteeOrgNo,
            externalRef: u.externalRef ?? u.reporteeOrgNo,
            userType: u.userType === 'agent' ? ('agent' as const) : ('standard' as const),
          })),
        ),
        requests: snapshot.systems.flatMap((s) =>
          s.requests.map(({ kind, request }) => ({
            id: request.id,
            systemId: request.systemId,
            customerOrganisation: request.partyOrgNo,
            externalRef: request.externalRef ?? request.partyOrgNo,
            status: request.status,
            timedOut: request.timedOut,
            confirmUrl: request.confirmUrl ?? undefined,
            created: request.created ?? undefined,
            agent: kind === 'agent',
            resources: rightResources(request.rights),
            accessPackages: request.accessPackages.map((p) => p.urn),
          })),
        ),
        problems,
      },
    };
  } catch (error) {
    return { problems: [maskSecrets(error instanceof Error ? error.message : String(error))] };
  }
}

function observedError(error: unknown): ObservedError {
  const cause = error instanceof TokenRequestError ? error.cause : error;
  return {
    message: maskSecrets(cause instanceof Error ? cause.message : String(cause)),
    status: cause instanceof ApiError ? cause.status : undefined,
    userTypeRefusal: isUserTypeRefusal(cause),
    mpCode: cause instanceof MaskinportenError ? cause.mpCode : undefined,
  };
}

/** The organisation number of a party URN, when it is an organisation. */
export function organisationOfParty(partyUrn: string | undefined): string | undefined {
  const parsed = partyUrn ? parsePartyUrn(partyUrn) : undefined;
  return parsed?.kind === 'organization' ? parsed.organisationNumber : undefined;
}
