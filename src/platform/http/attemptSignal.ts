/** The signal one request is sent with: aborted when the caller's signal aborts, or when `timeoutMs` passes first. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** The time ran out (rather than the caller cancelling). */
  readonly timedOut: boolean;
  /** Stops the clock; the caller's signal still aborts (a streamed body after its headers came). */
  stopClock(): void;
  /** Stops the clock and stops listening to the caller's signal. */
  release(): void;
}

export function attemptSignal(timeoutMs: number, caller: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    stopClock: () => clearTimeout(timer),
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
