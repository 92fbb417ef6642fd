import { InvalidInputError, TokenExpiredError } from '../errors';
import type { AltinnEnvironment } from '../environments';
import type { HttpClient } from '../http';
import { exchangeMaskinportenToken } from './altinnTokenExchange';
import { decodeJwtUnverified, isJwt } from './jwtDecode';
import { createMaskinportenGrant, type SystemUserCustomer } from './maskinportenGrant';
import { requestMaskinportenToken, type AccessToken } from './maskinportenTokenClient';
import type { MaskinportenAlgorithm, SigningKey } from './signingKey';
import { TokenCache, tokenCacheKey } from './tokenCache';

/** Anything that can hand out a bearer token for API calls. */
export interface TokenProvider {
  /** Safe to show: no token, no key. */
  readonly description: string;
  /** False for pasted tokens: asking again gives the same token. */
  readonly refreshable: boolean;
  getToken(options?: { signal?: AbortSignal }): Promise<string>;
  /** Drops the cached token so the next getToken() fetches a new one. */
  invalidate(): void;
}

export interface MaskinportenProviderOptions {
  readonly http: HttpClient;
  readonly environment: AltinnEnvironment;
  readonly clientId: string;
  readonly key: SigningKey;
  readonly scopes: readonly string[];
  readonly resource?: string | readonly string[];
  readonly systemUser?: SystemUserCustomer;
  readonly algorithm?: MaskinportenAlgorithm;
  readonly cache?: TokenCache;
  readonly nowSeconds?: () => number;
}

/** Maskinporten tokens from a signed JWT grant, cached and fetched single-flight. */
export class MaskinportenTokenProvider implements TokenProvider {
  readonly refreshable = true;
  readonly cacheKey: string;
  private readonly cache: TokenCache;

  constructor(private readonly options: MaskinportenProviderOptions) {
    if (options.scopes.length === 0) throw new InvalidInputError('scopes', 'At least one scope is required.');
    this.cache = options.cache ?? new TokenCache();
    this.cacheKey = tokenCacheKey({
      environment: `${options.environment.id}:${options.environment.maskinporten.audience}`,
      clientId: options.clientId,
      scopes: options.scopes,
      resource: options.resource,
      systemUserOrg: options.systemUser?.organisationNumber,
      externalRef: options.systemUser?.externalRef,
    });
  }

  get description(): string {
    const su = this.options.systemUser ? ` as system user for ${this.options.systemUser.organisationNumber}` : '';
    return `Maskinporten client ${this.options.clientId} (${this.options.environment.label})${su}`;
  }

  async getToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    return (await this.getAccessToken(options)).accessToken;
  }

  getAccessToken(options: { signal?: AbortSignal } = {}): Promise<AccessToken> {
    const fetch = async (signal: AbortSignal): Promise<AccessToken> => {
      const assertion = await createMaskinportenGrant({
        clientId: this.options.clientId,
        audience: this.options.environment.maskinporten.audience,
        scopes: this.options.scopes,
        key: this.options.key,
        algorithm: this.options.algorithm,
        resource: this.options.resource,
        systemUser: this.options.systemUser,
        nowSeconds: this.options.nowSeconds?.(),
      });
      return requestMaskinportenToken(this.options.http, {
        tokenEndpoint: this.options.environment.maskinporten.tokenEndpoint,
        assertion,
        signal,
      });
    };
    return this.cache.get(this.cacheKey, fetch, options.signal);
  }

  invalidate(): void {
    this.cache.invalidate(this.cacheKey);
  }
}

/** Altinn tokens exchanged from a Maskinporten provider's tokens; cached separately from them. */
export class AltinnTokenProvider implements TokenProvider {
  readonly refreshable = true;
  private readonly cache: TokenCache;
  private readonly cacheKey: string;

  constructor(
    private readonly options: {
      http: HttpClient;
      environment: AltinnEnvironment;
      source: MaskinportenTokenProvider;
      cache?: TokenCache;
      test?: boolean;
    },
  ) {
    this.cache = options.cache ?? new TokenCache();
    this.cacheKey = `altinn${options.test ? '+test' : ''}|${options.source.cacheKey}`;
  }

  get description(): string {
    return `Altinn token exchanged from ${this.options.source.description}`;
  }

  async getToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    return (await this.getAccessToken(options)).accessToken;
  }

  getAccessToken(options: { signal?: AbortSignal } = {}): Promise<AccessToken> {
    const fetch = async (signal: AbortSignal): Promise<AccessToken> => {
      const maskinportenToken = await this.options.source.getToken({ signal });
      return exchangeMaskinportenToken(this.options.http, {
        authenticationBase: this.options.environment.authenticationBase,
        maskinportenToken,
        test: this.options.test,
        signal,
      });
    };
    return this.cache.get(this.cacheKey, fetch, options.signal);
  }

  /** A refused Altinn token may come from a refused Maskinporten token: drop both. */
  invalidate(): void {
    this.cache.invalidate(this.cacheKey);
    this.options.source.invalidate();
  }
}

/** A token pasted by the user (e.g. from Altinn's test token generator): used as-is until it expires. */
export class PastedTokenProvider implements TokenProvider {
  readonly refreshable = false;
  readonly expiresAt?: Date;
  private readonly token: string;

  constructor(
    token: string,
    private readonly options: { label?: string; now?: () => number } = {},
  ) {
    const trimmed = token
      .trim()
      .replace(/^Bearer\s+/i, '')
      .replace(/^"(.*)"$/s, '$1');
    if (!isJwt(trimmed))
      throw new InvalidInputError('token', 'The pasted text is not a JWT (three base64url parts separated by dots).');
    this.token = trimmed;
    const exp = decodeJwtUnverified(trimmed).claims.exp;
    this.expiresAt = typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  }

  get description(): string {
    return this.options.label ?? 'pasted token';
  }

  async getToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.expiresAt && this.expiresAt.getTime() <= now)
      throw new TokenExpiredError(this.expiresAt, this.description);
    return this.token;
  }

  invalidate(): void {
    // Nothing to refresh: a pasted token is what it is.
  }
}
