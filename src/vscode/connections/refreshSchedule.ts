import type { TokenState } from '../tokenState';

/**
 * When the view should next refresh a token: shortly before the earliest expiry among the tokens shown
 * (refreshable tokens 10 % of their lifetime but at most 30 s early; pasted ones at expiry, to show "expired").
 */
export function nextRefreshAt(
  shown: readonly { profileId: string; state: TokenState; refreshable: boolean }[],
  nowMs: number,
): { atMs: number; profileIds: string[] } | undefined {
  const due = shown.flatMap(({ profileId, state, refreshable }) => {
    if (state.status !== 'valid' || !state.expiresAt) return [];
    const expMs = state.expiresAt.getTime();
    const iatMs = typeof state.claims.iat === 'number' ? state.claims.iat * 1000 : expMs - 120_000;
    const margin = refreshable ? Math.min(30_000, Math.max(1000, (expMs - iatMs) * 0.1)) : 0;
    return [{ profileId, atMs: Math.max(nowMs, expMs - margin) }];
  });
  if (due.length === 0) return undefined;
  const atMs = Math.min(...due.map((d) => d.atMs));
  // Refresh everything due within a second of the earliest together.
  return { atMs, profileIds: due.filter((d) => d.atMs <= atMs + 1000).map((d) => d.profileId) };
}
