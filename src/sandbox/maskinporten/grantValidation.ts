// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_jwtgrant (rules) and https://docs.digdir.no/docs/Maskinporten/maskinporten_feilsoking (MP codes)
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { SandboxMaskinportenClient, SandboxSystemUser } from '../world/types';
import { reject } from './grantRejection';
import type { ReplayGuard } from './replayGuard';
import { NOT_FOR_VENDOR_SCOPES } from './scopes';
import { resolveSystemUser } from './systemUserDetails';
import { certificateSigningKey } from './x5cVerification';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };
const CLOCK_SKEW_SECONDS = 10;
const MAX_LIFETIME_SECONDS = 120;
const KNOWN_CLAIMS = new Set([
  'aud',
  'iss',
  'sub',
  'iat',
  'exp',
  'nbf',
  'jti',
  'scope',
  'resource',
  'pid',
  'consumer_org',
  'iss_onbehalfof',
  'authorization_details',
]);

export interface ValidGrant {
  readonly client: SandboxMaskinportenClient;
  readonly scopes: readonly string[];
  readonly clientAmr: 'private_key_jwt' | 'virksomhetssertifikat';
  readonly consumerOrganisationNumber: string;
  readonly resource?: readonly string[];
  readonly systemUser?: SandboxSystemUser;
  readonly pid?: string;
}

interface DecodedAssertion {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Applies Maskinporten's rules one at a time, throwing the first GrantRejection (AUTH-AND-CORRESPONDENCE.md §A). */
export function validateGrant(form: URLSearchParams, context: SandboxContext, replay: ReplayGuard): ValidGrant {
  const grantType = form.get('grant_type');
  if (grantType !== JWT_BEARER) {
    throw reject.request(
      'MP-011',
      grantType ? `Invalid grant_type ${grantType}; expected ${JWT_BEARER}` : 'Missing parameter grant_type',
    );
  }
  const assertion = form.get('assertion');
  if (!assertion) throw reject.request('MP-011', 'Missing parameter assertion');
  const decoded = decodeAssertion(assertion);
  const { header, claims } = decoded;

  const hashName = typeof header.alg === 'string' ? ALGORITHMS[header.alg] : undefined;
  if (!hashName)
    throw reject.grant(
      'MP-124',
      `Invalid assertion: signing algorithm ${JSON.stringify(header.alg ?? null)} is not supported (use RS256, RS384 or RS512)`,
    );
  const hasKid = header.kid !== undefined;
  const hasX5c = header.x5c !== undefined;
  if (hasKid && hasX5c)
    throw reject.grant('MP-123', 'Invalid assertion: the header must have either kid or x5c, not both');
  if (!hasKid && !hasX5c)
    throw reject.grant('MP-100', 'Client authentication failed: the header has neither kid nor x5c');

  const client = context.world.clients.find((c) => c.clientId === claims.iss);
  if (!client)
    throw reject.grant(
      'MP-100',
      `Client authentication failed: unknown client ${typeof claims.iss === 'string' ? claims.iss : '(no iss)'}`,
    );

  const nowMs = context.clock.nowMs();
  const now = Math.floor(nowMs / 1000);
  let key: KeyObject;
  let consumerOrganisationNumber = client.ownerOrganisationNumber;
  if (hasKid) {
    key = registeredKey(client, header.kid, now);
  } else {
    const certificate = certificateSigningKey(header.x5c, client, nowMs);
    key = certificate.key;
    consumerOrganisationNumber = certificate.organisationNumber;
  }
  if (!signatureMatches(hashName, decoded, key))
    throw reject.grant('MP-124', 'Invalid assertion: signature validation failed');

  const unknownClaims = Object.keys(claims).filter((k) => !KNOWN_CLAIMS.has(k));
  if (unknownClaims.length)
    throw reject.grant('MP-011', `Invalid assertion: unsupported claim(s) ${unknownClaims.join(', ')}`);

  const issuer = context.urls().maskinportenIssuer;
  const aud = Array.isArray(claims.aud) && claims.aud.length === 1 ? claims.aud[0] : claims.aud;
  if (aud !== issuer)
    throw reject.grant('MP-110', `Invalid audience ${JSON.stringify(claims.aud ?? null)}; expected ${issuer}`);

  if (typeof claims.iat !== 'number') throw reject.grant('MP-130', 'Invalid assertion: iat is missing');
  if (claims.iat > now + CLOCK_SKEW_SECONDS)
    throw reject.grant('MP-130', 'Issue time is after now (clock skew more than 10 s)');
  if (claims.iat < now - CLOCK_SKEW_SECONDS)
    throw reject.grant('MP-130', 'Invalid assertion: iat is more than 10 s before now (stale grant or clock behind)');
  if (typeof claims.exp !== 'number') throw reject.grant('MP-130', 'Invalid assertion: exp is missing');
  if (claims.exp - claims.iat > MAX_LIFETIME_SECONDS)
    throw reject.grant('MP-130', `Invalid assertion: exp - iat is ${claims.exp - claims.iat} s; at most 120 s allowed`);
  if (claims.exp <= now) throw reject.grant('MP-130', 'JWT expired');

  if (
    typeof claims.jti === 'string' &&
    !replay.remember(client.clientId, claims.jti, claims.exp + CLOCK_SKEW_SECONDS, now)
  ) {
    throw reject.grant('MP-012', 'Grant is used before');
  }

  const scopes = checkScopes(claims.scope, client);
  const systemUser =
    claims.authorization_details === undefined
      ? undefined
      : resolveSystemUser(claims.authorization_details, client, context);
  const resource = checkResource(claims.resource);
  if (claims.consumer_org !== undefined) {
    if (claims.consumer_org === client.ownerOrganisationNumber)
      throw reject.request('MP-011', 'consumer_org must not be your own organisation');
    throw reject.denied(
      'MP-251',
      `No Altinn delegation from ${String(claims.consumer_org)} to the supplier for these scopes`,
    );
  }
  return {
    client,
    scopes,
    systemUser,
    resource,
    consumerOrganisationNumber,
    clientAmr: hasKid ? 'private_key_jwt' : 'virksomhetssertifikat',
    pid: typeof claims.pid === 'string' ? claims.pid : undefined,
  };
}

function signatureMatches(hashName: string, decoded: DecodedAssertion, key: KeyObject): boolean {
  try {
    return verify(hashName, Buffer.from(decoded.signingInput), key, decoded.signature);
  } catch {
    return false;
  }
}

function decodeAssertion(assertion: string): DecodedAssertion {
  if (/\s/.test(assertion))
    throw reject.request('MP-011', 'Invalid parameter value: the assertion contains whitespace or line breaks');
  const parts = assertion.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1]) {
    throw reject.request(
      'MP-011',
      'Invalid parameter value: the assertion is not a compact JWS (header.payload.signature)',
    );
  }
  const header = parseJsonPart(parts[0], 'header');
  const claims = parseJsonPart(parts[1], 'payload');
  return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
}

function parseJsonPart(part: string, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw reject.request('MP-011', `Invalid parameter value: the assertion ${name} is not a JSON object`);
}

function registeredKey(client: SandboxMaskinportenClient, kid: unknown, now: number): KeyObject {
  const jwk = client.publicJwks.find((k) => k.kid === kid);
  if (!jwk)
    throw reject.grant('MP-120', `Signed with a key that is not registered on the client (kid ${JSON.stringify(kid)})`);
  if (typeof jwk.exp === 'number' && jwk.exp < now)
    throw reject.grant('MP-121', `The key ${String(kid)} registered on the client has expired`);
  const { exp: _exp, ...publicJwk } = jwk;
  return createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' });
}

function checkScopes(scope: unknown, client: SandboxMaskinportenClient): string[] {
  if (typeof scope !== 'string' || scope.trim() === '') throw reject.request('MP-011', 'Missing scope');
  const scopes = [...new Set(scope.split(' ').filter(Boolean))];
  for (const s of scopes) {
    if (client.scopes.includes(s)) continue;
    if (NOT_FOR_VENDOR_SCOPES.has(s))
      throw reject.scope('MP-201', `Scope ${s} is not allowed for this client's integration type`);
    throw reject.scope('MP-200', `Invalid scope: ${s} is not registered on the client`);
  }
  return scopes;
}

function checkResource(resource: unknown): string[] | undefined {
  if (resource === undefined) return undefined;
  if (!Array.isArray(resource))
    throw reject.request('MP-011', 'Invalid resource: currently only an array of strings is supported');
  if (resource.length === 0 || resource.some((r) => typeof r !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(r))) {
    throw reject.request('MP-011', 'Invalid resource: each value must be an absolute URI');
  }
  return resource as string[];
}
