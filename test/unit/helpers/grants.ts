import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { importPrivateJwk } from '../../../src/platform/auth/keyImport';
import type { SandboxHandle } from '../../../src/sandbox';

/** Builds grants that break exactly one rule: start from a valid grant for the default client and override parts. */
export async function craftGrant(
  handle: SandboxHandle,
  overrides: {
    header?: Record<string, unknown>;
    claims?: Record<string, unknown>;
    omitClaims?: string[];
    key?: KeyObject;
    alg?: string;
  } = {},
): Promise<string> {
  const now = handle.context.clock.nowSeconds();
  const claims: Record<string, unknown> = {
    aud: handle.urls.maskinportenIssuer,
    iss: handle.defaultClient.clientId,
    scope: 'digdir:dialogporten',
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
    ...overrides.claims,
  };
  for (const name of overrides.omitClaims ?? []) delete claims[name];
  const header = { alg: overrides.alg ?? 'RS256', kid: handle.defaultClient.privateJwk.kid, ...overrides.header };
  for (const [name, value] of Object.entries(header))
    if (value === undefined) delete (header as Record<string, unknown>)[name];
  const key = overrides.key ?? importPrivateJwk(handle.defaultClient.privateJwk).privateKey;
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
}

/** POSTs a form to the sandbox token endpoint and returns status and parsed body (no client-side interpretation). */
export async function postToken(
  handle: SandboxHandle,
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<{ status: number; body: { error?: string; error_description?: string; access_token?: string } }> {
  const response = await fetch(handle.urls.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as { error?: string; error_description?: string } };
}

export function grantForm(assertion: string): Record<string, string> {
  return { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion };
}
