import type { RequestLogEntry } from './requestLog';

/**
 * One finished request as observers see it (e.g. the payloads layer's "show raw JSON"): the request log's entry,
 * headers redacted, plus the URL and bodies as they were. Bodies never go to the log; observers keep them in memory.
 */
export interface HttpExchange extends RequestLogEntry {
  /** The URL as sent (`url` is the redacted one). */
  readonly sentUrl: string;
  /** The request body, when it was text. */
  readonly requestBody?: string;
  /** The whole answer; undefined when none came. */
  readonly responseBody?: Buffer;
}

export type ExchangeListener = (exchange: HttpExchange) => void;

/** Calls each listener; one that throws must not break the request or keep the others from hearing of it. */
export function tellEach<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch {
      // A failing listener must not break the request.
    }
  }
}
