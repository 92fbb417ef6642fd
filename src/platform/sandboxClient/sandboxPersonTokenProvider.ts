import type { TokenProvider } from '../auth';
import { decodeJwtUnverified } from '../auth';
import { SharedRequest } from '../auth/sharedRequest';
import type { HttpClient } from '../http';

/**
 * Person tokens from the sandbox's test-token generator (the sandbox's stand-in for Altinn's test tools),
 * renewed shortly before they expire.
 */
export class SandboxPersonTokenProvider implements TokenProvider {
  readonly refreshable = true;
  private cached: { token: string; refreshAtMs: number } | undefined;
  private inFlight: SharedRequest<string> | undefined;

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
    if (this.cached && Date.now() < this.cached.refreshAtMs) return this.cached.token;
    if (!this.inFlight) {
      const request = new SharedRequest((signal) => this.fetchToken(signal));
      this.inFlight = request;
      const done = (): void => {
        if (this.inFlight === request) this.inFlight = undefined;
      };
      request.promise.then(done, done);
    }
    return this.inFlight.join(options.signal);
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(signal: AbortSignal): Promise<string> {
    const url = `${this.options.baseUrl}/testtools/token/personal?pid=${encodeURIComponent(this.options.nationalIdentityNumber)}&scopes=${encodeURIComponent(this.options.scopes.join(' '))}`;
    const token = (await this.options.http.request({ method: 'GET', url, signal })).text().trim();
    const exp = decodeJwtUnverified(token).claims.exp;
    const expiresAtMs = typeof exp === 'number' ? exp * 1000 : Date.now() + 60_000;
    this.cached = { token, refreshAtMs: expiresAtMs - Math.min(30_000, (expiresAtMs - Date.now()) / 10) };
    return token;
  }
}
