import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { SandboxClock } from './clock';
import type { SandboxKeys } from './keys';

/** Who is calling, as read from a verified sandbox-issued access token. */
export interface Principal {
  readonly issuer: 'maskinporten' | 'altinn';
  readonly scopes: ReadonlySet<string>;
  readonly clientId?: string;
  /** Organisation number of the Maskinporten consumer. */
  readonly consumerOrganisationNumber?: string;
  /** Set for person tokens (test-token generator / ID-porten exchange). */
  readonly nationalIdentityNumber?: string;
  /** Set for system-user tokens. */
  readonly systemUser?: { readonly id: string; readonly organisationNumber: string; readonly systemId?: string };
  readonly claims: JWTPayload;
}

export type AuthenticationFailure =
  | { status: 401; error: 'invalid_token' | 'missing_token'; description: string }
  | { status: 403; description: string; missingScopes: string[] };

export interface TokenVerifierOptions {
  readonly keys: SandboxKeys;
  readonly clock: SandboxClock;
  readonly maskinportenIssuer: () => string;
  readonly altinnIssuer: () => string;
}

/** Verifies bearer tokens issued by the sandbox's Maskinporten or Altinn authentication. */
export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createLocalJWKSet>;
  /** Payloads of tokens whose signature and issuer checked out; lifetimes are checked again on every use. */
  private readonly verified = new Map<string, JWTPayload>();

  constructor(private readonly options: TokenVerifierOptions) {
    this.jwks = createLocalJWKSet({ keys: [options.keys.maskinporten.publicJwk, options.keys.altinn.publicJwk] });
  }

  /** Returns the principal, or the failure to answer with (401 for a bad token, 403 when none of `anyOfScopes` is held). */
  async authenticate(
    req: IncomingMessage,
    anyOfScopes: readonly string[] = [],
  ): Promise<Principal | AuthenticationFailure> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      return { status: 401, error: 'missing_token', description: 'No bearer token in the Authorization header.' };
    // A signature check is a tenth of a search's CPU in the sandbox, and clients send the same token for an hour.
    let payload = this.verified.get(match[1]);
    if (!payload || !withinLifetime(payload, this.options.clock.nowMs() / 1000)) {
      try {
        ({ payload } = await jwtVerify(match[1], this.jwks, {
          issuer: [this.options.maskinportenIssuer(), this.options.altinnIssuer()],
          currentDate: new Date(this.options.clock.nowMs()),
          clockTolerance: 5,
        }));
      } catch (error) {
        this.verified.delete(match[1]);
        const code = (error as { code?: string }).code;
        const description =
          code === 'ERR_JWT_EXPIRED' ? 'The token expired' : `The token is not valid here (${code ?? 'invalid'})`;
        return { status: 401, error: 'invalid_token', description };
      }
      if (this.verified.size >= 256) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(match[1], payload);
    }
    const principal = toPrincipal(payload, payload.iss === this.options.altinnIssuer() ? 'altinn' : 'maskinporten');
    if (anyOfScopes.length > 0 && !anyOfScopes.some((s) => principal.scopes.has(s))) {
      return {
        status: 403,
        description: `The token lacks a required scope (${anyOfScopes.join(' or ')}).`,
        missingScopes: [...anyOfScopes],
      };
    }
    return principal;
  }
}

/** exp and nbf as jwtVerify checks them above (5 s tolerance); a token outside them is verified again, to fail. */
function withinLifetime(payload: JWTPayload, nowSeconds: number): boolean {
  return (
    (payload.exp === undefined || nowSeconds - 5 < payload.exp) &&
    (payload.nbf === undefined || payload.nbf <= nowSeconds + 5)
  );
}

export function isPrincipal(value: Principal | AuthenticationFailure): value is Principal {
  return 'scopes' in value;
}

interface AuthorizationDetail {
  type?: string;
  systemuser_id?: string[];
  systemuser_org?: { ID?: string };
  system_id?: string;
}

function toPrincipal(claims: JWTPayload, issuer: Principal['issuer']): Principal {
  const scopes = new Set(typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : []);
  const consumer = claims.consumer as { ID?: string } | undefined;
  const details = authorizationDetails(claims.authorization_details);
  const systemUserDetail = details.find((d) => d.type === 'urn:altinn:systemuser');
  const pid = typeof claims.pid === 'string' ? claims.pid : undefined;
  return {
    issuer,
    scopes,
    claims,
    clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
    consumerOrganisationNumber: consumer?.ID?.replace(/^0192:/, ''),
    nationalIdentityNumber: pid,
    systemUser: systemUserDetail?.systemuser_id?.[0]
      ? {
          id: systemUserDetail.systemuser_id[0],
          organisationNumber: (systemUserDetail.systemuser_org?.ID ?? '').replace(/^0192:/, ''),
          systemId: systemUserDetail.system_id,
        }
      : undefined,
  };
}

/**
 * `authorization_details` as Maskinporten writes it (an array) or as Altinn's token exchange re-issues a single entry
 * (an object: .NET splits a JSON array claim into one claim per element and writes a lone claim back as a value).
 * Dialogporten reads both (Altinn/dialogporten, Application/Common/Extensions/ClaimsPrincipalExtensions.cs,
 * TryGetAuthorizationDetailsClaimValue); Correspondence reads the first entry's object
 * (Altinn/altinn-correspondence, src/Altinn.Correspondence.Common/Helpers/ClaimsPrincipalExtensions.cs).
 */
function authorizationDetails(value: unknown): AuthorizationDetail[] {
  if (Array.isArray(value)) return value.filter((d): d is AuthorizationDetail => !!d && typeof d === 'object');
  return value && typeof value === 'object' ? [value as AuthorizationDetail] : [];
}
