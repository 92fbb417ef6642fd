// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.API/Auth/DependencyInjection.cs, src/Altinn.Correspondence.Common/Constants/AuthorizationConstants.cs
import { isPrincipal, type Principal } from '../core/principal';
import { send } from '../core/respond';
import type { RequestContext } from '../core/router';
import type { SandboxContext } from '../context';

export const RECIPIENT_SCOPE = 'altinn:correspondence.read';
export const SENDER_SCOPE = 'altinn:correspondence.write';
const SERVICE_OWNER_SCOPE = 'altinn:serviceowner';

/**
 * The Correspondence API's authorization policies:
 * - `senderOrRecipient` (list, overview, details, purge): Altinn or Maskinporten token with the read or write scope;
 * - `recipient` (markasread, confirm): Altinn token only — a raw Maskinporten token gets the service's 403 "exchange first";
 * - `download`: any accepted token with the read scope.
 */
export type CorrespondencePolicy = 'senderOrRecipient' | 'recipient' | 'download';

/** Returns the caller, or undefined after answering 401/403 exactly as ASP.NET's JwtBearer and policy layers do. */
export async function authorizeCorrespondenceCall(
  context: SandboxContext,
  ctx: RequestContext,
  policy: CorrespondencePolicy,
): Promise<Principal | undefined> {
  const result = await context.verifier.authenticate(ctx.req, []);
  if (!isPrincipal(result)) {
    const challenge =
      result.status === 401 && result.error === 'invalid_token' ? 'Bearer error="invalid_token"' : 'Bearer';
    send(ctx.res, 401, '', { 'www-authenticate': challenge });
    return undefined;
  }
  if (policy === 'recipient' && result.issuer === 'maskinporten') {
    send(
      ctx.res,
      403,
      JSON.stringify({
        title: 'IDX10205: Issuer validation failed',
        status: 403,
        detail:
          'Maskinporten token is not valid. Exchange to Altinn token and try again. Read more at https://docs.altinn.studio/api/scenarios/authentication/#maskinporten-jwt-access-token-input',
      }),
      { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer error="invalid_token"' },
    );
    return undefined;
  }
  if (!satisfiesScopes(result, policy)) {
    send(ctx.res, 403, '');
    return undefined;
  }
  return result;
}

/** A token carrying the write scope makes GETs sender calls, which do not record Fetched. */
export function isSenderToken(principal: Principal): boolean {
  return principal.scopes.has(SENDER_SCOPE);
}

function satisfiesScopes(principal: Principal, policy: CorrespondencePolicy): boolean {
  const recipient = principal.scopes.has(RECIPIENT_SCOPE);
  if (policy !== 'senderOrRecipient') return recipient;
  const sender =
    principal.scopes.has(SENDER_SCOPE) && (principal.issuer === 'altinn' || principal.scopes.has(SERVICE_OWNER_SCOPE));
  return recipient || sender;
}

/** Correspondence's Accept-header middleware: JSON endpoints refuse requests that cannot take JSON (406, plain text). */
export function acceptsJson(ctx: RequestContext): boolean {
  const header = ctx.req.headers.accept;
  if (!header) {
    send(ctx.res, 406, 'Accept header is required', { 'content-type': 'text/plain; charset=utf-8' });
    return false;
  }
  const types = header.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  if (header.trim() === '*/*' || types.includes('application/json')) return true;
  send(
    ctx.res,
    406,
    'This endpoint does not support the requested Accept header. Supported Accept headers are: application/json.',
    { 'content-type': 'text/plain; charset=utf-8' },
  );
  return false;
}
