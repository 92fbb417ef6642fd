import { PlatformError } from '../../platform/errors';

/**
 * Getting a token failed before the API was asked (Maskinporten down, the token exchange unreachable…). Wraps the
 * cause so error rows and messages name the token service rather than blaming the API the token was for.
 * Plain (no vscode) so error advice can be unit-tested.
 */
export class TokenRequestError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly issuer: string,
  ) {
    super(`Could not get a token from ${issuer}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TokenRequestError';
  }
}

/** Which service a token provider asks, from its (secret-free) description. */
export function tokenIssuerName(providerDescription: string): string {
  if (/^Maskinporten\b/.test(providerDescription)) return 'Maskinporten';
  if (/^Altinn token exchanged/.test(providerDescription)) return 'Altinn authentication (token exchange)';
  if (/^sandbox person/.test(providerDescription)) return 'the sandbox test-token service';
  return 'the token service';
}

/**
 * Failures of the token service itself are wrapped; errors that already explain themselves (Maskinporten's own
 * refusals with MP codes, an expired pasted token, a missing or unreadable key, cancellation) pass unchanged.
 */
export function wrapTokenFailure(error: unknown, providerDescription: string): unknown {
  if (
    error instanceof PlatformError &&
    ['api', 'network', 'timeout', 'response-format', 'response-shape'].includes(error.kind)
  ) {
    return new TokenRequestError(error, tokenIssuerName(providerDescription));
  }
  return error;
}
