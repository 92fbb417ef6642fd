// The register's checks, in Altinn/altinn-authentication src/Authentication/Controllers/SystemRegisterController.cs
// (ValidateRegisteredSystem, ValidateRights, ValidateAccessPackages, ValidateClientId) and
// src/Authentication/Helpers/AuthenticationHelper.cs.
import type { SandboxWorld } from '../world/types';
import { packageKind, resourceKind } from './catalogue';
import { PATHS, type ValidationFailure } from './problems';
import type { SystemRegisterStore } from './store';
import type { StoredRight, StoredSystem } from './types';
import { asArray, asObject, asString } from './vendorCaller';

export const RESOURCE_ATTRIBUTE = 'urn:altinn:resource';

/** A system as sent (property names already lower-cased). */
export interface SystemInput {
  readonly id: string;
  /** `vendor.ID` as sent, e.g. `0192:991825827`. */
  readonly vendorId: string;
  readonly name: Record<string, string>;
  readonly description: Record<string, string>;
  readonly rights: StoredRight[];
  readonly accessPackages: { urn: string }[];
  readonly clientIds: string[];
  readonly isVisible: boolean;
  readonly allowedRedirectUrls: string[];
}

/** The fields ASP.NET requires before the action runs ([Required] on RegisterSystemRequest). */
export function readSystemInput(body: unknown): { input?: SystemInput; missing?: string } {
  const o = asObject(body);
  const vendor = asObject(o.vendor);
  const id = asString(o.id);
  if (!id) return { missing: 'Id' };
  if (!asString(vendor.id)) return { missing: 'Vendor' };
  if (!o.name || typeof o.name !== 'object') return { missing: 'Name' };
  if (!o.description || typeof o.description !== 'object') return { missing: 'Description' };
  return {
    input: {
      id,
      vendorId: asString(vendor.id) ?? '',
      name: stringMap(o.name),
      description: stringMap(o.description),
      rights: readRights(o.rights),
      accessPackages: readPackages(o.accesspackages),
      clientIds: (asArray(o.clientid) ?? []).filter((c): c is string => typeof c === 'string'),
      isVisible: typeof o.isvisible === 'boolean' ? o.isvisible : true,
      allowedRedirectUrls: (asArray(o.allowedredirecturls) ?? []).filter((u): u is string => typeof u === 'string'),
    },
  };
}

export function readRights(value: unknown): StoredRight[] {
  return (asArray(value) ?? []).map((item) => {
    const right = asObject(item);
    const resource = (asArray(right.resource) ?? []).map((pair) => {
      const p = asObject(pair);
      return { id: asString(p.id) ?? '', value: asString(p.value) ?? '' };
    });
    const action = asString(right.action);
    return action ? { action, resource } : { resource };
  });
}

export function readPackages(value: unknown): { urn: string }[] {
  return (asArray(value) ?? []).map((item) => ({ urn: asString(asObject(item).urn) ?? '' }));
}

/** `0192:<9 digits>` (IsValidOrgIdentifier); the organisation number or undefined. */
export function vendorOrgNoOf(vendorId: string): string | undefined {
  const match = /^0192:(\d{9})$/.exec(vendorId);
  return match?.[1];
}

/** The create-only checks of the system itself (ValidateRegisteredSystem). */
export function validateNewSystem(
  store: SystemRegisterStore,
  input: SystemInput,
  vendorOrgNo: string,
): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  if (/\s/.test(input.id)) failures.push({ code: '00013', path: PATHS.systemId });
  if (input.id.split('_')[0] !== vendorOrgNo || !input.id.includes('_'))
    failures.push({ code: '00001', path: PATHS.systemId });
  if (store.system(input.id)) failures.push({ code: '00002', path: PATHS.systemId });
  if (!input.allowedRedirectUrls.every(isHttpsUrl)) failures.push({ code: '00005', path: PATHS.redirectUrls });
  if (input.clientIds.some((c) => store.systemOfClient(c))) failures.push({ code: '00004', path: PATHS.clientId });
  return failures;
}

/** PUT re-checks the client ids: no duplicates, none on another active system (ValidateClientId). */
export function validateClientIds(store: SystemRegisterStore, input: SystemInput): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  if (new Set(input.clientIds).size !== input.clientIds.length) failures.push({ code: '00011', path: PATHS.clientId });
  if (input.clientIds.some((c) => (store.systemOfClient(c)?.id ?? input.id) !== input.id))
    failures.push({ code: '00004', path: PATHS.clientId });
  return failures;
}

export function validateRights(
  world: Pick<SandboxWorld, 'serviceOwners'>,
  rights: readonly StoredRight[],
): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  const keys = rights.map(rightKey);
  if (new Set(keys).size !== keys.length) failures.push({ code: '00006', path: PATHS.rights });
  const pairs = rights.flatMap((r) => r.resource);
  if (pairs.some((p) => p.id !== RESOURCE_ATTRIBUTE)) failures.push({ code: '00009', path: PATHS.rights });
  const kinds = pairs.filter((p) => p.id === RESOURCE_ATTRIBUTE).map((p) => resourceKind(world, p.value));
  if (kinds.includes('unknown')) failures.push({ code: '00003', path: PATHS.rights });
  if (kinds.includes('not-delegable')) failures.push({ code: '00017', path: PATHS.rights });
  return failures;
}

export function validatePackages(packages: readonly { urn: string }[], isVisible: boolean): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  const kinds = packages.map((p) => packageKind(p.urn));
  if (kinds.includes('unknown')) failures.push({ code: '00008', path: PATHS.accessPackages });
  const urns = packages.map((p) => p.urn.toLowerCase());
  if (new Set(urns).size !== urns.length) failures.push({ code: '00007', path: PATHS.accessPackages });
  if (isVisible && kinds.includes('client')) failures.push({ code: '00018', path: PATHS.accessPackages });
  return failures;
}

/** A right as a comparable set of `{id,value}` pairs (AuthenticationHelper.HasDuplicateRights, ValidateRights). */
export function rightKey(right: StoredRight): string {
  return right.resource
    .map((p) => `${p.id}=${p.value}`.toLowerCase())
    .sort()
    .join('&');
}

export function storedFields(
  input: SystemInput,
): Omit<StoredSystem, 'internalId' | 'isDeleted' | 'vendorOrganisationNumber' | 'id'> {
  return {
    name: input.name,
    description: input.description,
    rights: input.rights,
    accessPackages: input.accessPackages,
    clientIds: input.clientIds,
    isVisible: input.isVisible,
    allowedRedirectUrls: input.allowedRedirectUrls,
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObject(value))) if (typeof v === 'string') out[k] = v;
  return out;
}
