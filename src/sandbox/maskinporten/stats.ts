import type { SandboxContext } from '../context';

/** Counters tests read on the server side (e.g. to prove single-flight token fetching). */
export interface MaskinportenStats {
  tokenRequests: number;
  tokensIssued: number;
  rejections: number;
}

const statsByContext = new WeakMap<SandboxContext, MaskinportenStats>();

export function maskinportenStats(context: SandboxContext): MaskinportenStats {
  let stats = statsByContext.get(context);
  if (!stats) {
    stats = { tokenRequests: 0, tokensIssued: 0, rejections: 0 };
    statsByContext.set(context, stats);
  }
  return stats;
}
