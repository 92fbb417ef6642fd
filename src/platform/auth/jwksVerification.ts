import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { lazySchema } from '../loadPayloadSchemas';
import type { AltinnEnvironment } from '../environments';
import type { HttpClient } from '../http';
import { decodeJwtUnverified } from './jwtDecode';

export type VerificationVerdict =
  | { readonly verdict: 'verified'; readonly issuer: string; readonly kid?: string; readonly alg: string }
  | { readonly verdict: 'bad-signature'; readonly issuer: string; readonly reason: string }
  | { readonly verdict: 'unknown-issuer'; readonly issuer?: string; readonly reason: string }
  | { readonly verdict: 'unreachable'; readonly issuer: string; readonly reason: string };

/** An issuer whose keys we are willing to fetch; never taken from the token itself. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly metadataUrl: string;
  readonly name: string;
}

/** Maskinporten, Altinn authentication and Dialogporten (dialog tokens, EdDSA) of one environment. */
export function trustedIssuersFor(environment: AltinnEnvironment): TrustedIssuer[] {
  const dialogportenIssuer = `${environment.dialogportenBase}/api/v1`;
  return [
    {
      name: 'Maskinporten',
      issuer: environment.maskinporten.audience,
      metadataUrl: environment.maskinporten.metadataUrl,
    },
    {
      name: 'Altinn authentication',
      issuer: environment.altinnTokenIssuer,
      metadataUrl: `${environment.altinnTokenIssuer}.well-known/openid-configuration`,
    },
    {
      name: 'Dialogporten',
      issuer: dialogportenIssuer,
      metadataUrl: `${dialogportenIssuer}/.well-known/oauth-authorization-server`,
    },
  ];
}

const metadataSchema = lazySchema((schemas) => schemas.issuerMetadataSchema);
const jwksSchema = lazySchema((schemas) => schemas.issuerJwksSchema);
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'EdDSA'];
const JWKS_CACHE_MS = 10 * 60_000;

/** Checks a token's signature against its issuer's published keys (metadata → jwks_uri), for trusted issuers only. */
export class JwksVerifier {
  private readonly jwksCache = new Map<string, { keys: JSONWebKeySet; fetchedAtMs: number }>();

  constructor(
    private readonly http: HttpClient,
    private readonly trusted: readonly TrustedIssuer[],
  ) {}

  async verify(
    token: string,
    options: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<VerificationVerdict> {
    let issuer: string | undefined;
    let kid: string | undefined;
    try {
      const decoded = decodeJwtUnverified(token);
      issuer = typeof decoded.claims.iss === 'string' ? decoded.claims.iss : undefined;
      kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
    } catch (error) {
      return { verdict: 'bad-signature', issuer: '', reason: (error as Error).message };
    }
    const source = this.trusted.find((t) => sameIssuer(t.issuer, issuer));
    if (!source || !issuer) {
      return {
        verdict: 'unknown-issuer',
        issuer,
        reason: issuer
          ? `${issuer} is not an issuer of the selected environment; its keys are not fetched.`
          : 'The token has no iss claim.',
      };
    }
    let keys: JSONWebKeySet;
    try {
      keys = await this.keysFor(source, false, options);
      if (kid && !keys.keys.some((k) => k.kid === kid)) keys = await this.keysFor(source, true, options);
    } catch (error) {
      return {
        verdict: 'unreachable',
        issuer,
        reason: `The keys of ${source.name} could not be fetched: ${(error as Error).message}`,
      };
    }
    try {
      const { protectedHeader } = await compactVerify(
        token.trim().replace(/^Bearer\s+/i, ''),
        createLocalJWKSet(keys),
        { algorithms: ALGORITHMS },
      );
      return { verdict: 'verified', issuer, kid: protectedHeader.kid, alg: protectedHeader.alg };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason =
        code === 'ERR_JWKS_NO_MATCHING_KEY'
          ? `${source.name} publishes no key with kid ${kid ?? '(none)'}: the token was not signed by this issuer (or the key was retired).`
          : code === 'ERR_JOSE_ALG_NOT_ALLOWED'
            ? 'The signing algorithm is not one an Altinn issuer uses.'
            : "The signature does not match the issuer's key: the token was altered or signed by someone else.";
      return { verdict: 'bad-signature', issuer, reason };
    }
  }

  private async keysFor(
    source: TrustedIssuer,
    force: boolean,
    options: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<JSONWebKeySet> {
    const cached = this.jwksCache.get(source.issuer);
    if (cached && !force && Date.now() - cached.fetchedAtMs < JWKS_CACHE_MS) return cached.keys;
    const metadata = await this.http.getJson(
      source.metadataUrl,
      { payload: `${source.name} metadata`, schema: metadataSchema },
      { ...options, timeoutMs: options.timeoutMs ?? 10_000 },
    );
    const jwks = await this.http.getJson(
      metadata.jwks_uri,
      { payload: `${source.name} JWKS`, schema: jwksSchema },
      { ...options, timeoutMs: options.timeoutMs ?? 10_000 },
    );
    const keys = jwks as unknown as JSONWebKeySet;
    this.jwksCache.set(source.issuer, { keys, fetchedAtMs: Date.now() });
    return keys;
  }
}

function sameIssuer(trusted: string, actual: string | undefined): boolean {
  if (!actual) return false;
  return trusted === actual || trusted.replace(/\/+$/, '') === actual.replace(/\/+$/, '');
}
