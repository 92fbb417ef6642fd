import type { Dispatcher } from 'undici';
import { loadUndici } from './loadUndici';
import { CancelledError, NetworkError, ResponseFormatError, TimeoutError, type RequestDescription } from '../errors';
import { apiErrorFromResponse } from './errorMapping';
import { parseJsonBody, type Schema } from './jsonBody';
import type { RequestLogEntry, RequestLogListener } from './requestLog';
import { redactHeaders, redactUrl } from './redaction';
import { backoffDelayMs, DEFAULT_RETRY, isIdempotentMethod, isRetryableStatus, parseRetryAfter, type RetryOptions } from './retryPolicy';

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Per attempt: time until the whole answer (headers and body) has arrived. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
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

/** The most recent request and answer, kept for "copy as curl" and "show raw response". Holds the real token: never log it. */
export interface HttpExchange {
  readonly request: HttpRequest;
  readonly response?: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer };
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

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'failure'; error: NetworkError | TimeoutError | CancelledError | ResponseFormatError; retryable: boolean };

/** HTTP over one keep-alive undici Agent, with timeouts, cancellation, bounded retries for idempotent calls and a redacted request log. */
export class HttpClient {
  private agentInstance: Dispatcher | undefined;
  private readonly listeners = new Set<RequestLogListener>();
  private readonly retry: RetryOptions;
  private timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly random: () => number;
  private exchange: HttpExchange | undefined;

  constructor(private readonly options: HttpClientOptions = {}) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.random = options.random ?? Math.random;
    if (options.onRequest) this.listeners.add(options.onRequest);
  }

  /** The per-attempt timeout of requests that name none (the user's setting can change it while running). */
  get defaultTimeoutMs(): number {
    return this.timeoutMs;
  }

  set defaultTimeoutMs(ms: number) {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`timeout must be a positive number of milliseconds, not ${ms}`);
    this.timeoutMs = ms;
  }

  get lastExchange(): HttpExchange | undefined {
    return this.exchange;
  }

  /** Subscribes to the request log; returns the unsubscribe function. */
  onRequest(listener: RequestLogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Logs a request made outside this client (front-channel embeds, which follow redirects themselves). */
  notify(entry: RequestLogEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A failing log listener must not break the request.
      }
    }
  }

  /** Sends and returns any HTTP status; throws only when no usable answer came (network, timeout, cancel). */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const description: RequestDescription = { method: request.method.toUpperCase(), url: redactUrl(request.url) };
    const retry = request.retry === false ? { ...this.retry, maxRetries: 0 } : { ...this.retry, ...request.retry };
    const maxRetries = isIdempotentMethod(description.method) ? retry.maxRetries : 0;
    const headers = this.headersFor(request);
    const started = performance.now();
    let retries = 0;
    for (;;) {
      const outcome = await this.attempt(request, headers, description);
      const canRetry = retries < maxRetries && !request.signal?.aborted;
      let delayMs: number | undefined;
      if (outcome.kind === 'response' && isRetryableStatus(outcome.status) && canRetry) {
        const retryAfter = outcome.status === 429 || outcome.status === 503 ? parseRetryAfter(outcome.headers['retry-after']) : undefined;
        // A server asking for a longer pause than we are willing to wait gets its answer passed on, not hammered early.
        if (retryAfter === undefined) delayMs = backoffDelayMs(retries, retry, this.random);
        else if (retryAfter <= retry.maxRetryAfterMs) delayMs = retryAfter;
      } else if (outcome.kind === 'failure' && outcome.retryable && canRetry) {
        delayMs = backoffDelayMs(retries, retry, this.random);
      }
      if (delayMs === undefined) {
        const durationMs = Math.round(performance.now() - started);
        this.record(request, headers, description, outcome, retries, durationMs);
        if (outcome.kind === 'failure') throw outcome.error;
        const { status, headers: responseHeaders, body } = outcome;
        let text: string | undefined;
        // Decoded once: the JSON parse and a caller keeping the raw text (dialog details) share it.
        return { status, headers: responseHeaders, body, retries, durationMs, request: description, text: () => (text ??= body.toString('utf8')) };
      }
      retries++;
      if (!(await sleep(delayMs, request.signal))) {
        this.record(request, headers, description, { kind: 'failure', error: new CancelledError(description), retryable: false }, retries, Math.round(performance.now() - started));
        throw new CancelledError(description);
      }
    }
  }

  /** Like send(), but a non-2xx answer becomes an ApiError (ProblemDetails mapped). */
  async request(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.send(request);
    if (response.status < 200 || response.status > 299) {
      throw apiErrorFromResponse(response, response.request);
    }
    return response;
  }

  /** Sends with `Accept: application/json`, checks the content type, parses, and validates against `schema` when given. */
  async requestJson<T = unknown>(request: HttpRequest, expected: { payload: string; schema?: Schema<T> }): Promise<T> {
    const response = await this.request({ ...request, headers: { accept: 'application/json', ...request.headers } });
    return parseJsonBody(response, expected);
  }

  getJson<T = unknown>(url: string, expected: { payload: string; schema?: Schema<T> }, options: Omit<HttpRequest, 'method' | 'url'> = {}): Promise<T> {
    return this.requestJson({ ...options, method: 'GET', url }, expected);
  }

  async close(): Promise<void> {
    await this.agentInstance?.close();
    this.agentInstance = undefined;
  }

  /** Created with the first request: undici is loaded on first use, never at activation. */
  private get agent(): Dispatcher {
    return (this.agentInstance ??= new (loadUndici().Agent)({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 32 }));
  }

  private headersFor(request: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    headers['user-agent'] ??= this.options.userAgent ?? 'altinn-inbox-inspector';
    return headers;
  }

  private async attempt(request: HttpRequest, headers: Record<string, string>, description: RequestDescription): Promise<AttemptOutcome> {
    if (request.signal?.aborted) return { kind: 'failure', error: new CancelledError(description), retryable: false };
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort(new Error('cancelled'));
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    this.exchange = { request: { ...request, headers } };
    let answered = false;
    try {
      const response = await loadUndici().request(request.url, {
        method: description.method as Dispatcher.HttpMethod,
        headers,
        body: request.body,
        dispatcher: this.agent,
        signal: controller.signal,
      });
      answered = true;
      const body = await this.readBody(response.body, description, response.statusCode);
      const responseHeaders = flattenHeaders(response.headers);
      this.exchange = { request: { ...request, headers }, response: { status: response.statusCode, headers: responseHeaders, body } };
      return { kind: 'response', status: response.statusCode, headers: responseHeaders, body };
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'failure', error: new CancelledError(description), retryable: false };
      if (timedOut) return { kind: 'failure', error: new TimeoutError(description, timeoutMs), retryable: false };
      if (error instanceof ResponseFormatError) return { kind: 'failure', error, retryable: false };
      const code = (error as { code?: string }).code;
      // Headers came, the body did not (all of it): say the answer was cut off rather than that nothing answered.
      const reason = answered ? 'the answer was cut off: the status came, but the connection closed before the whole body (truncated body)' : networkReason(error);
      return { kind: 'failure', error: new NetworkError(description, code, reason, { cause: error, truncated: answered }), retryable: true };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /**
   * Collects the body from 'data' events (an async iterator over the stream costs a promise and a microtask per
   * chunk), refusing it once it passes the size limit.
   */
  private readBody(body: Dispatcher.ResponseData['body'], description: RequestDescription, status: number): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.maxResponseBytes) {
          body.destroy();
          reject(new ResponseFormatError(description, status, undefined, `the body is larger than ${this.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      body.once('end', () => resolve(Buffer.concat(chunks, size)));
      body.once('error', reject);
      // Destroyed without an error (by the size limit, or by undici on an abort it reports elsewhere): settle anyway.
      body.once('close', () => reject(new Error('the response body was closed before it ended')));
    });
  }

  private record(request: HttpRequest, headers: Record<string, string>, description: RequestDescription, outcome: AttemptOutcome, retries: number, durationMs: number): void {
    if (this.listeners.size === 0) return;
    const entry: RequestLogEntry = {
      method: description.method,
      url: description.url,
      status: outcome.kind === 'response' ? outcome.status : undefined,
      durationMs,
      requestBytes: request.body === undefined ? 0 : typeof request.body === 'string' ? Buffer.byteLength(request.body) : request.body.byteLength,
      responseBytes: outcome.kind === 'response' ? outcome.body.length : 0,
      retries,
      requestHeaders: redactHeaders(headers),
      responseHeaders: outcome.kind === 'response' ? redactHeaders(outcome.headers) : {},
      error: outcome.kind === 'failure' ? outcome.error.kind : undefined,
      startedAt: new Date(Date.now() - durationMs).toISOString(),
    };
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A failing log listener must not break the request.
      }
    }
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function networkReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the service running and the URL right?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved (offline, VPN or proxy?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed before the answer was complete';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'the answer was shorter than announced (truncated body)';
  return (error as Error).message ?? 'unknown network failure';
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
