// Plain logic (no `vscode` import), unit-tested in Node: which request changed status, and when to ask again.

/** What the watch needs to know of a request. */
export interface WatchedRequest {
  readonly id: string;
  /** The status shown to the user (see shownStatus: a timed-out New request is `Timedout`). */
  readonly status: string;
}

export interface StatusChange {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface Backoff {
  readonly firstMs: number;
  readonly factor: number;
  readonly maxMs: number;
}

/** Altinn sends nothing when a customer answers (no webhook or event), so the vendor polls; gently. */
export const DEFAULT_BACKOFF: Backoff = { firstMs: 5_000, factor: 2, maxMs: 5 * 60_000 };

/**
 * Follows requests between polls. A change away from `New` is reported once (a later poll seeing the same status
 * again, or another view of the same request, says nothing); requests first seen in a final status are not news.
 * The delay doubles while nothing changes and starts over when something does or a new pending request appears.
 */
export class RequestWatch {
  private readonly known = new Map<string, string>();
  private readonly announced = new Set<string>();
  private quietPolls = 0;

  constructor(private readonly backoff: Backoff = DEFAULT_BACKOFF) {}

  /** Records what a load or poll saw; returns the changes to announce. */
  observe(requests: readonly WatchedRequest[]): StatusChange[] {
    const changes: StatusChange[] = [];
    let fresh = false;
    for (const { id, status } of requests) {
      const before = this.known.get(id);
      this.known.set(id, status);
      if (before === undefined) {
        if (status === 'New') fresh = true;
        continue;
      }
      if (before === status || before !== 'New') continue;
      const key = `${id}:${status}`;
      if (this.announced.has(key)) continue;
      this.announced.add(key);
      changes.push({ id, from: before, to: status });
    }
    this.quietPolls = changes.length > 0 || fresh ? 0 : this.quietPolls + 1;
    return changes;
  }

  /** Ids still `New`, the ones to poll. */
  pending(): string[] {
    return [...this.known].filter(([, status]) => status === 'New').map(([id]) => id);
  }

  /** How long to wait before the next poll; undefined when nothing is pending. */
  nextDelayMs(): number | undefined {
    if (this.pending().length === 0) return undefined;
    const exponent = Math.max(0, this.quietPolls - 1);
    return Math.min(this.backoff.maxMs, this.backoff.firstMs * this.backoff.factor ** exponent);
  }

  /** Polls again soon (a request was just created, or the user refreshed). */
  hurry(): void {
    this.quietPolls = 0;
  }
}
