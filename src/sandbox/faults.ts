import type { RequestContext } from './core/router';

/** Fault injection for tests and demos (latency, 429/503 with Retry-After, 500, resets, truncated or invalid bodies). */
export class FaultInjector {
  /** Returns 'handled' when the fault already answered the request. */
  async apply(_request: RequestContext): Promise<'handled' | 'continue'> {
    return 'continue';
  }
}
