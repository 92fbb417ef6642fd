import { organizationUrn, personUrn } from '../../platform/identifiers';
import { resolveCallerAccess, type PartyGrant } from '../accessManagement/callerAccess';
import type { SandboxContext } from '../context';
import { isPrincipal, type Principal } from '../core/principal';
import type { RequestContext } from '../core/router';
import { ephemeralPersonUrn } from '../data/dialogHash';
import type { ActorJson, StoredDialog } from '../data/dialogTypes';
import type { DialogStore } from '../data/dialogStore';
import { sendAuthenticationFailure } from './problems';
import { dialogportenUserType, END_USER_TYPES, sendUserTypeRefusal } from './userType';

export const DIALOGPORTEN_SCOPES = ['digdir:dialogporten', 'digdir:dialogporten.noconsent'] as const;
const RESOURCE_PREFIX = 'urn:altinn:resource:';

/** Who calls the end-user API and what Altinn Authorization lets them see. */
export interface DialogportenCaller {
  readonly principal: Principal;
  readonly kind: 'person' | 'systemUser';
  /** Identifies the caller in seen logs (`isCurrentEndUser`). */
  readonly viewerKey: string;
  /** Party → resource URNs it may see there (null: every resource). */
  readonly grants: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** The dialog token's `c` claim: the person, or the consumer organisation of a system user. */
  readonly authenticatedParty: string;
  readonly nationalIdentityNumber?: string;
  readonly systemUser?: { readonly id: string; readonly organisationNumber: string };
  readonly authenticationLevel: number;
  /** How the caller appears in seen logs and label logs of `dialogId`. */
  actorFor(dialogId: string): ActorJson;
}

/** Authenticates the request for the end-user API; answers 401/403 itself and returns undefined when it did. */
export async function authenticateCaller(
  request: RequestContext,
  context: SandboxContext,
  store: DialogStore,
): Promise<DialogportenCaller | undefined> {
  const result = await context.verifier.authenticate(request.req, DIALOGPORTEN_SCOPES);
  if (!isPrincipal(result)) {
    sendAuthenticationFailure(request.res, request.url.pathname, result);
    return undefined;
  }
  // UseAuthorization (the scope) runs before UseUserTypeValidation in Dialogporten's WebApi Program.cs.
  if (!END_USER_TYPES.includes(dialogportenUserType(result))) {
    sendUserTypeRefusal(request.res, request.url.pathname);
    return undefined;
  }
  const caller = toCaller(result, context, store);
  if (!caller) sendUserTypeRefusal(request.res, request.url.pathname);
  return caller;
}

/** Grant maps of cached grant lists (an agent system user's thousands of clients), built once. */
const grantMaps = new WeakMap<readonly PartyGrant[], Map<string, Set<string> | null>>();

function toCaller(principal: Principal, context: SandboxContext, store: DialogStore): DialogportenCaller | undefined {
  const { world } = context;
  const access = resolveCallerAccess(world, principal);
  // An agent's map is shared between its requests (never changed: agents get no captured parties below).
  const isAgent = access.systemUser?.userType === 'agent';
  let grants = grantMaps.get(access.grants);
  if (!grants) {
    grants = grantMapOf(access.grants);
    if (isAgent) grantMaps.set(access.grants, grants);
  }
  const level = typeof principal.claims.acr === 'string' && /high/.test(principal.claims.acr) ? 4 : 3;
  if (access.kind === 'person' && principal.nationalIdentityNumber) {
    const pid = principal.nationalIdentityNumber;
    const person = world.persons.find((p) => p.nationalIdentityNumber === pid);
    // Captured payloads become the default person's inbox.
    if (pid === world.defaultPerson.nationalIdentityNumber) addCaptured(grants, store);
    return {
      principal,
      kind: 'person',
      viewerKey: `person:${pid}`,
      grants,
      authenticatedParty: personUrn(pid),
      nationalIdentityNumber: pid,
      authenticationLevel: level,
      actorFor: (dialogId) => ({
        actorType: 'PartyRepresentative',
        actorId: ephemeralPersonUrn(dialogId, pid),
        actorName: person?.name ?? null,
      }),
    };
  }
  if (access.kind === 'systemUser' && principal.systemUser) {
    const id = principal.systemUser.id;
    const organisationNumber = access.systemUser?.organisationNumber ?? principal.systemUser.organisationNumber;
    if (!isAgent && (access.systemUser?.delegatedResources.length ?? 0) > 0) addCaptured(grants, store);
    const org = world.organisations.find((o) => o.organisationNumber === organisationNumber);
    return {
      principal,
      kind: 'systemUser',
      viewerKey: `systemuser:${id}`,
      grants,
      authenticatedParty: organizationUrn(principal.consumerOrganisationNumber ?? organisationNumber),
      systemUser: { id, organisationNumber },
      authenticationLevel: 3,
      actorFor: () => ({
        actorType: 'PartyRepresentative',
        actorId: `urn:altinn:systemuser:uuid:${id}`,
        actorName: org ? `${org.name} (systembruker)` : null,
      }),
    };
  }
  return undefined;
}

function grantMapOf(partyGrants: readonly PartyGrant[]): Map<string, Set<string> | null> {
  const grants = new Map<string, Set<string> | null>();
  for (const grant of partyGrants) {
    // A grant for no resource at all (a system user before delegation) shows nothing, not even the party.
    if (grant.resources && grant.resources.length === 0) continue;
    grants.set(
      grant.party,
      grant.resources
        ? new Set(grant.resources.map((r) => (r.startsWith(RESOURCE_PREFIX) ? r : `${RESOURCE_PREFIX}${r}`)))
        : null,
    );
  }
  return grants;
}

function addCaptured(grants: Map<string, Set<string> | null>, store: DialogStore): void {
  for (const party of store.capturedParties()) {
    grants.set(party.party, null);
    for (const sub of party.subParties ?? []) grants.set(sub.party, null);
  }
}

/** Whether the caller may see this dialog at all (party delegated and, where limited, the resource too). */
export function canSee(caller: DialogportenCaller, dialog: StoredDialog): boolean {
  if (!caller.grants.has(dialog.fields.party)) return false;
  const resources = caller.grants.get(dialog.fields.party);
  return (
    resources === null ||
    resources === undefined ||
    resources.has(dialog.fields.serviceResource.toLowerCase()) ||
    resources.has(dialog.fields.serviceResource)
  );
}
