import type { Readable } from 'node:stream';
import type { RequestDescription } from '../errors';
import type { RequestLogListener } from './requestLog';
import type { RetryOptions } from './retryPolicy';

/** What every request names. */
interface RequestBasics {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly signal?: AbortSignal;
}

export interface HttpRequest extends RequestBasics {
  /** Per attempt: time until the whole answer (headers and body) has arrived. */
  readonly timeoutMs?: number;
  /** `false` disables retries for this call; non-idempotent methods are never retried anyway. */
  readonly retry?: Partial<RetryOptions> | false;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly retries: number;
  readonly durationMs: number;
  readonly request: RequestDescription;
  text(): string;
}

/**
 * A request whose answer is read as it arrives (an event stream, a download, an embed with a size limit). Its signal
 * cancels it also after the headers came: the body then ends with the signal's reason.
 */
export interface HttpStreamRequest extends RequestBasics {
  /** Time until the status and headers arrive (default: the client's timeout). The body has no deadline. */
  readonly headersTimeoutMs?: number;
  /** Longest silence between two body chunks; 0 = none, for a stream whose caller watches it (default: undici's 5 min). */
  readonly bodyTimeoutMs?: number;
}

/**
 * The status and headers of a streamed answer, and its body to read (or destroy). Redirects are not followed, here
 * as in send(): a 3xx comes back with its `location` for the caller to follow by its own rules.
 */
export interface HttpStreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Read it to the end or destroy it, so the connection is released. */
  readonly body: Readable;
  readonly request: RequestDescription;
}

export interface HttpClientOptions {
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly userAgent?: string;
  readonly onRequest?: RequestLogListener;
  /** Bodies larger than this are refused (protects the extension host's memory). */
  readonly maxResponseBytes?: number;
  /** Jitter source; tests may pin it. */
  readonly random?: () => number;
}
