import type { AccessToken } from './maskinportenTokenClient';
import { SharedRequest } from './sharedRequest';

/** What makes two tokens interchangeable (AUTH-AND-CORRESPONDENCE.md: cache per client, scope, resource, system-user org). */
export interface TokenCacheKeyParts {
  readonly environment: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly resource?: string | readonly string[];
  readonly systemUserOrg?: string;
  readonly externalRef?: string;
  /** Distinguishes a Maskinporten token from the Altinn token exchanged from it. */
  readonly kind?: 'maskinporten' | 'altinn';
}

export function tokenCacheKey(parts: TokenCacheKeyParts): string {
  const resource = parts.resource === undefined ? '' : [parts.resource].flat().slice().sort().join(' ');
  return JSON.stringify([
    parts.kind ?? 'maskinporten',
    parts.environment,
    parts.clientId,
    [...new Set(parts.scopes)].sort().join(' '),
    resource,
    parts.systemUserOrg ?? '',
    parts.externalRef ?? '',
  ]);
}

export interface TokenCacheOptions {
  readonly now?: () => number;
  /** Refresh at most this long before expiry (default 30 s)… */
  readonly maxMarginMs?: number;
  /** …or this share of the lifetime when that is shorter (default 10 %), so short-lived tokens are still reused. */
  readonly marginFraction?: number;
}

interface Entry {
  readonly token: AccessToken;
  readonly refreshAtMs: number;
}

/** Reuses tokens until shortly before they expire; concurrent callers for the same key share one request (single flight). */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, SharedRequest<AccessToken>>();
  private readonly generations = new Map<string, number>();
  private readonly now: () => number;
  private readonly maxMarginMs: number;
  private readonly marginFraction: number;

  constructor(options: TokenCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxMarginMs = options.maxMarginMs ?? 30_000;
    this.marginFraction = options.marginFraction ?? 0.1;
  }

  /** A cached token still fresh enough to use, if any. */
  peek(key: string): AccessToken | undefined {
    const entry = this.entries.get(key);
    return entry && this.now() < entry.refreshAtMs ? entry.token : undefined;
  }

  /**
   * The cached token, or the one being fetched for `key`, or a new fetch. Callers that ask while a fetch runs share it;
   * it is cancelled only when every one of them has cancelled (`signal`).
   */
  get(key: string, fetch: (signal: AbortSignal) => Promise<AccessToken>, signal?: AbortSignal): Promise<AccessToken> {
    const cached = this.peek(key);
    if (cached) return Promise.resolve(cached);
    const pending = this.inFlight.get(key);
    if (pending) return pending.join(signal);
    const generation = this.generations.get(key) ?? 0;
    const request = new SharedRequest((shared) => this.fetchAndStore(key, () => fetch(shared), generation));
    this.inFlight.set(key, request);
    request.promise
      .finally(() => {
        if (this.inFlight.get(key) === request) this.inFlight.delete(key);
      })
      .catch(() => undefined);
    return request.join(signal);
  }

  private async fetchAndStore(
    key: string,
    fetch: () => Promise<AccessToken>,
    generation: number,
  ): Promise<AccessToken> {
    const token = await fetch();
    if ((this.generations.get(key) ?? 0) === generation) {
      this.entries.set(key, { token, refreshAtMs: this.refreshAt(token) });
    }
    return token;
  }

  /** Forgets one key (or everything); a request already under way for it will not be cached. */
  invalidate(key?: string): void {
    const keys = key === undefined ? [...new Set([...this.entries.keys(), ...this.inFlight.keys()])] : [key];
    for (const k of keys) {
      this.entries.delete(k);
      this.inFlight.delete(k);
      this.generations.set(k, (this.generations.get(k) ?? 0) + 1);
    }
  }

  private refreshAt(token: AccessToken): number {
    const lifetime = Math.max(0, token.expiresAtMs - token.obtainedAtMs);
    const margin = Math.min(this.maxMarginMs, lifetime * this.marginFraction);
    return token.expiresAtMs - margin;
  }
}
