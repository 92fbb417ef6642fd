// Creating a system-user request, in the order Altinn checks it: Altinn/altinn-authentication
// src/Authentication/Controllers/RequestSystemUserController.cs (CreateRequest, CreateAgentRequest) and
// src/Authentication/Services/RequestSystemUserService.cs (CreateRequest, CreateAgentRequest, ValidateRedirectUrl via
// AuthenticationHelper), SystemUserService.ValidateRights / ValidateAccessPackages.
import { randomUUID } from 'node:crypto';
import type { SandboxWorld } from '../world/types';
import { packageKind } from './catalogue';
import type { AuthProblemCode } from './problems';
import type { SystemRegisterStore } from './store';
import { readPackages, readRights, rightKey } from './systemValidation';
import type { StoredRequest, StoredRight, StoredSystem } from './types';
import { asObject, asString } from './vendorCaller';

export type RequestKind = StoredRequest['kind'];

export type CreateOutcome =
  | { readonly kind: 'created' | 'existing'; readonly request: StoredRequest }
  | { readonly kind: 'problem'; readonly code: AuthProblemCode; readonly extensions?: Record<string, unknown> }
  | { readonly kind: 'missing'; readonly field: string };

export function createRequest(
  store: SystemRegisterStore,
  world: SandboxWorld,
  kind: RequestKind,
  body: unknown,
  vendorOrgNo: string | undefined,
): CreateOutcome {
  const o = asObject(body);
  const systemId = asString(o.systemid);
  const partyOrgNo = asString(o.partyorgno);
  if (!systemId) return { kind: 'missing', field: 'SystemId' };
  if (!partyOrgNo) return { kind: 'missing', field: 'PartyOrgNo' };
  if (!vendorOrgNo) return { kind: 'problem', code: '00023' };
  const externalRef = asString(o.externalref) || partyOrgNo;

  if (store.activeSystemUser(systemId, partyOrgNo, externalRef)) return { kind: 'problem', code: '00004' };
  // An earlier request for the same triple comes back as it is, whatever its status; the new body is ignored.
  const existing = [...store.requests.values()].find(
    (r) =>
      !r.isDeleted &&
      r.kind === kind &&
      r.systemId === systemId &&
      r.partyOrgNo === partyOrgNo &&
      r.externalRef === externalRef &&
      store.system(r.systemId)?.vendorOrganisationNumber === vendorOrgNo,
  );
  if (existing) return { kind: 'existing', request: existing };

  const system = store.system(systemId);
  if (!system || system.vendorOrganisationNumber !== vendorOrgNo) return { kind: 'problem', code: '00011' };
  if (!world.organisations.some((org) => org.organisationNumber === partyOrgNo))
    return { kind: 'problem', code: '00000' };
  const redirectUrl = asString(o.redirecturl) || undefined;
  if (redirectUrl) {
    const problem = checkRedirect(system, redirectUrl);
    if (problem) return { kind: 'problem', code: problem };
  }
  const rights = kind === 'standard' && o.rights !== undefined && o.rights !== null ? readRights(o.rights) : undefined;
  const packages =
    o.accesspackages !== undefined && o.accesspackages !== null ? readPackages(o.accesspackages) : undefined;
  const problem = kind === 'agent' ? checkAgentPackages(system, packages) : checkStandard(system, rights, packages);
  if (problem) return problem;

  const request: StoredRequest = {
    id: randomUUID(),
    kind,
    systemId,
    partyOrgNo,
    externalRef,
    integrationTitle: asString(o.integrationtitle) || system.name.nb || '',
    rights: rights ?? [],
    accessPackages: packages ?? [],
    redirectUrl,
    createdMs: store.nowMs(),
    status: 'New',
    escalated: false,
    isDeleted: false,
  };
  store.requests.set(request.id, request);
  return { kind: 'created', request };
}

/** AuthenticationHelper.ValidateRedirectUrl: scheme, host, port and path must equal an allowed URL; the query is ignored. */
export function checkRedirect(system: StoredSystem, redirectUrl: string): AuthProblemCode | undefined {
  if (system.allowedRedirectUrls.length === 0) return '00026';
  const wanted = withoutQuery(redirectUrl);
  if (wanted === undefined) return '00021';
  return system.allowedRedirectUrls.some((allowed) => withoutQuery(allowed) === wanted) ? undefined : '00021';
}

function withoutQuery(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.toLowerCase();
  } catch {
    return undefined;
  }
}

function checkStandard(
  system: StoredSystem,
  rights: StoredRight[] | undefined,
  packages: { urn: string }[] | undefined,
): CreateOutcome | undefined {
  if (rights === undefined && packages === undefined) return { kind: 'problem', code: '00001' };
  if (!rights?.length && !packages?.length) return { kind: 'problem', code: '00059' };
  if (rights?.length && !rightsWithinSystem(system, rights)) return { kind: 'problem', code: '00001' };
  if (packages?.length) {
    const missing = packages.filter((p) => !onSystem(system, p.urn));
    if (missing.length)
      return { kind: 'problem', code: '00063', extensions: { NotFoundPackages: missing.map((p) => p.urn).join(',') } };
    if (packages.some((p) => packageKind(p.urn) !== 'assignable')) return { kind: 'problem', code: '00064' };
  }
  return undefined;
}

function checkAgentPackages(system: StoredSystem, packages: { urn: string }[] | undefined): CreateOutcome | undefined {
  if (!packages?.length) return { kind: 'problem', code: '00058' };
  const missing = packages.filter((p) => !onSystem(system, p.urn));
  if (missing.length)
    return { kind: 'problem', code: '00063', extensions: { NotFoundPackages: missing.map((p) => p.urn).join(',') } };
  if (packages.some((p) => packageKind(p.urn) !== 'client')) return { kind: 'problem', code: '00065' };
  return undefined;
}

/** Each right must equal one of the system's (same set of pairs), and no more rights than the system has. */
export function rightsWithinSystem(system: StoredSystem, rights: readonly StoredRight[]): boolean {
  const systemKeys = new Set(system.rights.map(rightKey));
  return rights.length <= system.rights.length && rights.every((r) => systemKeys.has(rightKey(r)));
}

function onSystem(system: StoredSystem, urn: string): boolean {
  return system.accessPackages.some((p) => p.urn.toLowerCase() === urn.toLowerCase());
}
