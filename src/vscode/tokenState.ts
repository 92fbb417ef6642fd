import { decodeJwtUnverified, type TokenProvider } from '../platform/auth';
import { MaskinportenError, PlatformError } from '../platform/errors';

/** What the Connections view shows about a profile's token. Never holds the token itself. */
export type TokenState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'valid';
      readonly expiresAt?: Date;
      readonly claims: Readonly<Record<string, unknown>>;
      readonly scopes: readonly string[];
    }
  | { readonly status: 'expired'; readonly expiresAt: Date }
  | {
      readonly status: 'error';
      readonly message: string;
      readonly likelyCause?: string;
      readonly fix?: string;
      /** Maskinporten's MP code, when it gave one (picks the "Fix" actions). */
      readonly code?: string;
      /** PlatformError kind (e.g. 'maskinporten', 'network', 'key-import', 'invalid-input'). */
      readonly errorKind?: string;
    };

export function tokenStateFromToken(token: string): TokenState {
  const { claims } = decodeJwtUnverified(token);
  const exp = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined;
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (exp && exp.getTime() <= Date.now()) return { status: 'expired', expiresAt: exp };
  return { status: 'valid', expiresAt: exp, claims, scopes };
}

export function tokenStateFromError(error: unknown): TokenState {
  if (error instanceof MaskinportenError) {
    return {
      status: 'error',
      message: error.explanation.summary,
      likelyCause: error.explanation.likelyCause,
      fix: error.explanation.fix,
      code: error.mpCode,
      errorKind: error.kind,
    };
  }
  if (error instanceof PlatformError && error.kind === 'token-expired') {
    const expiredAt = (error as unknown as { expiredAt: Date }).expiredAt;
    return { status: 'expired', expiresAt: expiredAt };
  }
  return {
    status: 'error',
    message: error instanceof Error ? error.message : String(error),
    errorKind: error instanceof PlatformError ? error.kind : undefined,
  };
}

/** Wraps a provider so every token it hands out (or fails to) updates the profile's state. */
export function observedProvider(provider: TokenProvider, report: (state: TokenState) => void): TokenProvider {
  return {
    get description() {
      return provider.description;
    },
    refreshable: provider.refreshable,
    invalidate: () => provider.invalidate(),
    async getToken(options) {
      try {
        const token = await provider.getToken(options);
        report(tokenStateFromToken(token));
        return token;
      } catch (error) {
        if (!(error instanceof PlatformError && error.kind === 'cancelled')) report(tokenStateFromError(error));
        throw error;
      }
    },
  };
}
