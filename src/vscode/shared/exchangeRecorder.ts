import { randomUUID } from 'node:crypto';
import type { HttpClient } from '../../platform/http';

/**
 * One API request and its answer, kept in memory so a tree node or panel can show the exact response,
 * the request that produced it, and copy it as curl. Holds no credentials: request headers are redacted
 * when recorded (the token of "copy as curl with token" is fetched fresh from the profile instead).
 */
export interface RecordedExchange {
  readonly id: string;
  /** The connection profile whose token was sent, and which kind of token it was. */
  readonly profileId?: string;
  readonly audience?: 'maskinporten' | 'altinn';
  readonly method: string;
  /** The URL as sent. Our APIs carry no credentials in URLs; display it through redactUrl anyway. */
  readonly url: string;
  /** Redacted (`authorization: Bearer <redacted>`). */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  /** Undefined when no answer came (network failure, timeout, cancel). */
  readonly status?: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody?: Buffer;
  readonly durationMs: number;
  readonly startedAt: string;
  /** Why no answer came. */
  readonly error?: string;
}

export type NewExchange = Omit<RecordedExchange, 'id'>;
export type ExchangeSink = (exchange: NewExchange) => RecordedExchange | void;

export interface ExchangeStoreLimits {
  /** Oldest exchanges are dropped beyond this many. */
  readonly maxEntries: number;
  /** …or when their bodies together exceed this. */
  readonly maxBytes: number;
}

const DEFAULT_LIMITS: ExchangeStoreLimits = { maxEntries: 400, maxBytes: 64 * 1024 * 1024 };

/** The recorded exchanges of this window, oldest dropped first. */
export class ExchangeStore {
  private readonly entries = new Map<string, RecordedExchange>();
  private bytes = 0;
  private readonly listeners = new Set<(exchange: RecordedExchange) => void>();

  constructor(private readonly limits: ExchangeStoreLimits = DEFAULT_LIMITS) {}

  add(exchange: NewExchange): RecordedExchange {
    const recorded: RecordedExchange = { ...exchange, id: randomUUID() };
    this.entries.set(recorded.id, recorded);
    this.bytes += recorded.responseBody?.length ?? 0;
    while (this.entries.size > 1 && (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes)) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)?.responseBody?.length ?? 0;
      this.entries.delete(oldest);
    }
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  get(id: string): RecordedExchange | undefined {
    return this.entries.get(id);
  }

  /** Newest last. */
  list(): RecordedExchange[] {
    return [...this.entries.values()];
  }

  onDidAdd(listener: (exchange: RecordedExchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/**
 * An HttpClient on `http`'s connections, settings and request log that also hands every exchange to `sink`, tagged
 * with the profile whose token it sends. Clients built on it need no changes: their calls all go through send().
 */
export function recordingHttp(
  http: HttpClient,
  tag: { profileId?: string; audience?: 'maskinporten' | 'altinn' },
  sink: ExchangeSink,
): HttpClient {
  return http.withObserver((exchange) => {
    sink({
      ...tag,
      method: exchange.method,
      url: exchange.sentUrl,
      requestHeaders: exchange.requestHeaders,
      requestBody: exchange.requestBody,
      status: exchange.status,
      responseHeaders: exchange.responseHeaders,
      responseBody: exchange.responseBody,
      durationMs: exchange.durationMs,
      startedAt: exchange.startedAt,
      error: exchange.error,
    });
  });
}
