import type { AccessToken, TokenProvider } from '../auth';
import { decodeJwtUnverified, TokenCache } from '../auth';
import type { HttpClient } from '../http';

/** The provider's one cache entry: it holds a single person's token. */
const KEY = 'person';

/**
 * Person tokens from the sandbox's test-token generator (the sandbox's stand-in for Altinn's test tools),
 * renewed shortly before they expire; callers asking at once share one request (TokenCache).
 */
export class SandboxPersonTokenProvider implements TokenProvider {
  readonly refreshable = true;
  private readonly cache = new TokenCache();

  constructor(
    private readonly options: {
      http: HttpClient;
      baseUrl: string;
      nationalIdentityNumber: string;
      scopes: readonly string[];
    },
  ) {}

  get description(): string {
    return `sandbox person ${this.options.nationalIdentityNumber}`;
  }

  async getToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    return (await this.cache.get(KEY, (signal) => this.fetchToken(signal), options.signal)).accessToken;
  }

  invalidate(): void {
    this.cache.invalidate(KEY);
  }

  private async fetchToken(signal: AbortSignal): Promise<AccessToken> {
    const url = `${this.options.baseUrl}/testtools/token/personal?pid=${encodeURIComponent(this.options.nationalIdentityNumber)}&scopes=${encodeURIComponent(this.options.scopes.join(' '))}`;
    const obtainedAtMs = Date.now();
    const accessToken = (await this.options.http.request({ method: 'GET', url, signal })).text().trim();
    const exp = decodeJwtUnverified(accessToken).claims.exp;
    const expiresAtMs = typeof exp === 'number' ? exp * 1000 : obtainedAtMs + 60_000;
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresInSeconds: Math.round((expiresAtMs - obtainedAtMs) / 1000),
      scopes: this.options.scopes,
      obtainedAtMs,
      expiresAtMs,
    };
  }
}
