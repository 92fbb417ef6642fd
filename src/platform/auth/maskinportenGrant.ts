import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTHeaderParameters } from 'jose';
import { InvalidInputError } from '../errors';
import { noteSecret } from '../secretLedger';
import { validateOrganisationNumber } from '../identifiers';
import { MASKINPORTEN_ALGORITHMS, type MaskinportenAlgorithm, type SigningKey } from './signingKey';

export const SYSTEM_USER_DETAIL_TYPE = 'urn:altinn:systemuser';
export const ISO6523_AUTHORITY = 'iso6523-actorid-upis';
/** Maskinporten rejects a grant whose exp is more than 120 s after iat. */
export const MAX_GRANT_LIFETIME_SECONDS = 120;
const DEFAULT_GRANT_LIFETIME_SECONDS = 60;

/** The customer a system user acts for; `externalRef` only when the system-user request used a non-default one. */
export interface SystemUserCustomer {
  readonly organisationNumber: string;
  readonly externalRef?: string;
}

export interface GrantOptions {
  /** The client_id (UUID) from Digdir self-service; becomes `iss`. */
  readonly clientId: string;
  /** The Maskinporten issuer with trailing slash (not the token endpoint). */
  readonly audience: string;
  readonly scopes: readonly string[];
  readonly key: SigningKey;
  readonly algorithm?: MaskinportenAlgorithm;
  /** Audience restriction for the access token (RFC 8707); sent as an array, as Maskinporten requires. */
  readonly resource?: string | readonly string[];
  readonly systemUser?: SystemUserCustomer;
  /** exp − iat; at most 120. */
  readonly lifetimeSeconds?: number;
  /** Seconds since the epoch; defaults to now. */
  readonly nowSeconds?: number;
}

export interface SystemUserAuthorizationDetail {
  readonly type: typeof SYSTEM_USER_DETAIL_TYPE;
  readonly systemuser_org: { readonly authority: typeof ISO6523_AUTHORITY; readonly ID: string };
  readonly externalRef?: string;
}

/** The `authorization_details` entry that asks for a system-user token for one customer. */
export function systemUserAuthorizationDetail(customer: SystemUserCustomer): SystemUserAuthorizationDetail {
  const checked = validateOrganisationNumber(customer.organisationNumber);
  if (!checked.ok)
    throw new InvalidInputError('systemUser.organisationNumber', `System-user customer: ${checked.reason}`);
  const detail: SystemUserAuthorizationDetail = {
    type: SYSTEM_USER_DETAIL_TYPE,
    systemuser_org: { authority: ISO6523_AUTHORITY, ID: `0192:${checked.value}` },
  };
  const externalRef = customer.externalRef?.trim();
  return externalRef ? { ...detail, externalRef } : detail;
}

/** Signs a JWT-bearer grant with exactly the documented claims (AUTH-AND-CORRESPONDENCE.md §A). */
export async function createMaskinportenGrant(options: GrantOptions): Promise<string> {
  const algorithm = options.algorithm ?? 'RS256';
  if (!MASKINPORTEN_ALGORITHMS.includes(algorithm))
    throw new InvalidInputError(
      'algorithm',
      `Maskinporten accepts ${MASKINPORTEN_ALGORITHMS.join(', ')}, not ${String(algorithm)}.`,
    );
  if (!options.clientId.trim())
    throw new InvalidInputError('clientId', 'The client id is empty; copy it from the client in Digdir self-service.');
  if (!/^https?:\/\/.+\/$/.test(options.audience)) {
    throw new InvalidInputError(
      'audience',
      `The audience must be the Maskinporten issuer with a trailing slash (e.g. https://test.maskinporten.no/), not "${options.audience}".`,
    );
  }
  const scopes = options.scopes.map((s) => s.trim()).filter(Boolean);
  if (scopes.length === 0)
    throw new InvalidInputError('scopes', 'At least one scope is required (a system-user grant needs one too).');
  const lifetime = options.lifetimeSeconds ?? DEFAULT_GRANT_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_GRANT_LIFETIME_SECONDS) {
    throw new InvalidInputError(
      'lifetimeSeconds',
      `The grant lifetime must be 1–${MAX_GRANT_LIFETIME_SECONDS} seconds.`,
    );
  }
  const iat = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { scope: scopes.join(' ') };
  if (options.resource !== undefined) {
    const resources = typeof options.resource === 'string' ? [options.resource] : [...options.resource];
    if (resources.length === 0 || resources.some((r) => !r.trim()))
      throw new InvalidInputError('resource', 'The resource (audience restriction) is empty.');
    claims.resource = resources;
  }
  if (options.systemUser) claims.authorization_details = [systemUserAuthorizationDetail(options.systemUser)];
  const header: JWTHeaderParameters =
    'kid' in options.key.identification
      ? { alg: algorithm, kid: options.key.identification.kid }
      : { alg: algorithm, x5c: [...options.key.identification.x5c] };
  return noteSecret(
    'client-assertion',
    await new SignJWT(claims)
      .setProtectedHeader(header)
      .setAudience(options.audience)
      .setIssuer(options.clientId.trim())
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetime)
      .setJti(randomUUID())
      .sign(options.key.privateKey),
  );
}
