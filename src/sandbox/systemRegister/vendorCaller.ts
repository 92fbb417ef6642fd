import type { SandboxContext } from '../context';
import { isPrincipal, type Principal } from '../core/principal';
import type { RequestContext } from '../core/router';
import { sendModelBindingProblem, sendPlain } from './problems';

export const REGISTER_WRITE = 'altinn:authentication/systemregister.write';
export const REQUEST_WRITE = 'altinn:authentication/systemuser.request.write';
export const REQUEST_READ = 'altinn:authentication/systemuser.request.read';
/** Digdir's own scope: passes every owner check of the register (AuthenticationHelper.HasAdminAccess). */
export const REGISTER_ADMIN = 'altinn:authentication/systemregister.admin';

export interface VendorCaller {
  readonly principal: Principal;
  /** From the token's `consumer` claim; undefined for a person or an Altinn token without one. */
  readonly vendorOrgNo?: string;
  readonly isAdmin: boolean;
}

/**
 * The [Authorize(Policy = …scope…)] of the controllers: no or a bad token gives an empty 401, a token without the
 * scope an empty 403. Answers itself and returns undefined when it refused.
 */
export async function authenticateVendor(
  request: RequestContext,
  context: SandboxContext,
  scope: string,
): Promise<VendorCaller | undefined> {
  const result = await context.verifier.authenticate(request.req, [scope]);
  if (!isPrincipal(result)) {
    sendPlain(request.res, result.status);
    return undefined;
  }
  return {
    principal: result,
    vendorOrgNo: result.consumerOrganisationNumber,
    isAdmin: result.scopes.has(REGISTER_ADMIN),
  };
}

/** Whether the caller may change a system of `vendorOrgNo` (AuthenticationHelper.HasWriteAccess). */
export function mayWrite(caller: VendorCaller, vendorOrgNo: string): boolean {
  return caller.isAdmin || caller.vendorOrgNo === vendorOrgNo;
}

/**
 * The JSON body with every property name in lower case (ASP.NET binds names case-insensitively) and strings trimmed
 * (TrimStringsActionFilter). Answers a model-binding 400 and returns undefined when it is not JSON.
 */
export async function readJsonBody(request: RequestContext): Promise<unknown> {
  const text = (await request.body()).toString('utf8');
  try {
    return normalise(JSON.parse(text));
  } catch {
    sendModelBindingProblem(request.res, '$', 'The JSON value could not be converted.');
    return undefined;
  }
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), normalise(v)]));
  return value;
}

export function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A `Guid` route parameter: anything else is a model-binding 400. */
export function guidParam(request: RequestContext, name: string): string | undefined {
  const value = request.params[name] ?? '';
  if (GUID.test(value)) return value.toLowerCase();
  sendModelBindingProblem(request.res, name, `The value '${value}' is not valid.`);
  return undefined;
}
