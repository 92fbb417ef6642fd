/**
 * One request shared by every caller that asks while it runs (a token fetch, say). It is cancelled only when every
 * caller waiting for it has cancelled: one caller giving up (a tree refresh abandoning its load) must not fail the
 * others that joined it. A caller without a signal never gives up.
 */
export class SharedRequest<T> {
  readonly promise: Promise<T>;
  private readonly controller = new AbortController();
  private waiting = 0;
  private unbounded = false;
  private readonly listeners: { signal: AbortSignal; leave: () => void }[] = [];

  constructor(start: (signal: AbortSignal) => Promise<T>) {
    this.promise = start(this.controller.signal);
    const settled = (): void => {
      for (const { signal, leave } of this.listeners.splice(0)) signal.removeEventListener('abort', leave);
    };
    this.promise.then(settled, settled);
  }

  /** Waits for the request; `signal` aborting ends this caller's interest in it. */
  join(signal?: AbortSignal): Promise<T> {
    if (!signal) this.unbounded = true;
    else if (!signal.aborted) {
      this.waiting++;
      const leave = (): void => {
        this.waiting--;
        this.cancelIfAbandoned();
      };
      signal.addEventListener('abort', leave, { once: true });
      this.listeners.push({ signal, leave });
    } else this.cancelIfAbandoned();
    return this.promise;
  }

  private cancelIfAbandoned(): void {
    if (this.waiting === 0 && !this.unbounded) this.controller.abort();
  }
}
