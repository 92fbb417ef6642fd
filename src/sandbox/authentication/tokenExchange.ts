import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { noteSecret } from '../../platform/secretLedger';
import type { Router } from '../core/router';
import type { SandboxContext } from '../context';
import { send, sendProblem } from '../core/respond';

/** Altinn's JwtValidityMinutes is 30 in its appsettings (AUTH-AND-CORRESPONDENCE.md §B). */
export const ALTINN_TOKEN_LIFETIME_SECONDS = 30 * 60;
const DIGDIR_ORGANISATION_NUMBER = '991825827';
const REMOVED_CLAIMS = ['aud', 'iss', 'client_amr', 'sid', 'exp', 'iat', 'nbf'];

/**
 * GET /authentication/api/v1/exchange/{tokenProvider}: a Maskinporten token in, an Altinn token out. The body is the bare
 * JWT; with `Accept: application/json` it is a JSON string literal, as ASP.NET serialises `Ok(string)`.
 */
export function registerTokenExchange(router: Router, context: SandboxContext): void {
  const maskinportenKeys = createLocalJWKSet({ keys: [context.keys.maskinporten.publicJwk] });
  router.get('/authentication/api/v1/exchange/:provider', async ({ req, res, params, query }) => {
    if (req.headers['x-altinn-enterpriseuser-authentication'] !== undefined) {
      sendProblem(res, {
        status: 410,
        title: 'Gone',
        detail: 'Enterprise user (virksomhetsbruker) authentication is discontinued.',
      });
      return;
    }
    const provider = params.provider.toLowerCase();
    if (provider === 'id-porten' || provider === 'altinnstudio') {
      sendProblem(res, {
        status: 400,
        title: 'Bad Request',
        detail: `The sandbox does not emulate the ${provider} exchange; use /testtools/token/personal for a person token.`,
      });
      return;
    }
    if (provider !== 'maskinporten') {
      sendProblem(res, { status: 400, title: 'Bad Request', detail: `Unknown token provider ${params.provider}` });
      return;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) {
      res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-length': '0' }).end();
      return;
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(bearer, maskinportenKeys, {
        issuer: context.urls().maskinportenIssuer,
        currentDate: new Date(context.clock.nowMs()),
        clockTolerance: 10,
      }));
    } catch {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-length': '0' }).end();
      return;
    }
    const consumerOrg = (claims.consumer as { ID?: unknown } | undefined)?.ID;
    if (typeof consumerOrg !== 'string' || !/^0192:\d{9}$/.test(consumerOrg)) {
      res
        .writeHead(401, {
          'www-authenticate': 'Bearer error="invalid_token", error_description="missing consumer claim"',
          'content-length': '0',
        })
        .end();
      return;
    }
    const token = await altinnTokenFor(context, claims, consumerOrg.slice(5), query.get('test') === 'true');
    const wantsJson = /application\/json/i.test(req.headers.accept ?? '');
    if (wantsJson) send(res, 200, JSON.stringify(token), { 'content-type': 'application/json; charset=utf-8' });
    else send(res, 200, token, { 'content-type': 'text/plain; charset=utf-8' });
  });
}

async function altinnTokenFor(
  context: SandboxContext,
  maskinporten: JWTPayload,
  orgNumber: string,
  test: boolean,
): Promise<string> {
  const claims: Record<string, unknown> = { ...maskinporten };
  for (const name of REMOVED_CLAIMS) delete claims[name];
  // The exchange copies the validated ClaimsPrincipal's claims into a new JwtSecurityToken (altinn-authentication,
  // src/Authentication/Controllers/AuthenticationController.cs, AuthenticateMaskinportenToken and GenerateToken). .NET
  // reads a JSON array claim as one claim per element and writes a lone claim back as a single value, so Maskinporten's
  // one-entry `authorization_details` array comes out as an object.
  for (const [name, value] of Object.entries(claims)) {
    if (Array.isArray(value) && value.length === 1) claims[name] = value[0];
  }
  claims['urn:altinn:orgNumber'] = orgNumber;
  claims['urn:altinn:authenticatemethod'] = 'maskinporten';
  claims['urn:altinn:authlevel'] = 3;
  const scopes = typeof maskinporten.scope === 'string' ? maskinporten.scope.split(' ') : [];
  const serviceOwner = context.world.serviceOwners.find((o) => o.organisationNumber === orgNumber);
  if (scopes.includes('altinn:serviceowner') && serviceOwner) claims['urn:altinn:org'] = serviceOwner.code;
  if (test && orgNumber === DIGDIR_ORGANISATION_NUMBER) claims['urn:altinn:org'] = 'ttd';
  const now = context.clock.nowSeconds();
  return noteSecret(
    'altinn-token',
    await new SignJWT({ ...claims, sid: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: context.keys.altinn.kid, typ: 'JWT' })
      .setIssuer(context.urls().altinnIssuer)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ALTINN_TOKEN_LIFETIME_SECONDS)
      .sign(context.keys.altinn.privateKey),
  );
}
