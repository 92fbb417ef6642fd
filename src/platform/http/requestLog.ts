/** One request as the log sees it: sizes and timing, redacted URL and headers, never a body. */
export interface RequestLogEntry {
  readonly method: string;
  /** Query kept; credential-like parameters redacted. */
  readonly url: string;
  /** Undefined when no answer came (network error, timeout, cancel). */
  readonly status?: number;
  readonly durationMs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Attempts after the first. */
  readonly retries: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** Short reason when the request failed without a status. */
  readonly error?: string;
  readonly startedAt: string;
}

export type RequestLogListener = (entry: RequestLogEntry) => void;
