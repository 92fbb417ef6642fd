import { ApiError } from '../errors';
import type { TokenProvider } from './tokenProviders';

/**
 * Calls `fn` with a token; when the API answers 401 (the token expired early, was revoked, or a key rotated),
 * drops the cached token and tries exactly once more with a fresh one.
 */
export async function withTokenRetry<T>(
  provider: TokenProvider,
  fn: (token: string) => Promise<T>,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const token = await provider.getToken(options);
  try {
    return await fn(token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !provider.refreshable) throw error;
    provider.invalidate();
    return fn(await provider.getToken(options));
  }
}
