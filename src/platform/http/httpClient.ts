import type { Dispatcher } from 'undici';
import { loadUndici } from './loadUndici';
import { CancelledError, ResponseFormatError, type RequestDescription } from '../errors';
import { apiErrorFromResponse } from './errorMapping';
import { tellEach, type ExchangeListener } from './exchange';
import type {
  HttpClientOptions,
  HttpRequest,
  HttpResponse,
  HttpStreamRequest,
  HttpStreamResponse,
} from './httpMessages';
import { parseJsonBody, type Schema } from './jsonBody';
import { attemptFailure, flattenHeaders } from './networkFailure';
import { attemptSignal } from './attemptSignal';
import type { RequestLogEntry, RequestLogListener } from './requestLog';
import { describe, logEntry, type AttemptOutcome } from './requestLogEntry';
import {
  backoffDelayMs,
  DEFAULT_RETRY,
  isIdempotentMethod,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
} from './retryPolicy';
import { sleep } from './sleep';

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
/** How long close() lets requests under way finish before it cuts them (an open event stream never ends by itself). */
const CLOSE_GRACE_MS = 1_000;

/** What a client and the clients derived from it by withObserver() share. */
interface SharedState {
  agent: Dispatcher | undefined;
  timeoutMs: number;
  readonly retry: RetryOptions;
  readonly maxResponseBytes: number;
  readonly random: () => number;
  readonly userAgent: string;
  readonly logListeners: Set<RequestLogListener>;
  readonly exchangeListeners: Set<ExchangeListener>;
}

/**
 * HTTP over one keep-alive undici Agent, with timeouts, cancellation, bounded retries for idempotent calls, a redacted
 * request log and exchange observers. Every request of the extension goes through here: send() and its JSON helpers
 * for answers read whole, stream() for answers read as they arrive.
 */
export class HttpClient {
  private shared: SharedState;
  private observers: readonly ExchangeListener[] = [];

  constructor(options: HttpClientOptions = {}) {
    this.shared = {
      agent: undefined,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      random: options.random ?? Math.random,
      userAgent: options.userAgent ?? 'altinn-inbox-inspector',
      logListeners: new Set(options.onRequest ? [options.onRequest] : []),
      exchangeListeners: new Set(),
    };
  }

  /** The per-attempt timeout of requests that name none (the user's setting can change it while running). */
  get defaultTimeoutMs(): number {
    return this.shared.timeoutMs;
  }

  set defaultTimeoutMs(ms: number) {
    if (!Number.isFinite(ms) || ms <= 0)
      throw new RangeError(`timeout must be a positive number of milliseconds, not ${ms}`);
    this.shared.timeoutMs = ms;
  }

  /** Subscribes to the request log (every request, streamed ones included); returns the unsubscribe function. */
  onRequest(listener: RequestLogListener): () => void {
    this.shared.logListeners.add(listener);
    return () => this.shared.logListeners.delete(listener);
  }

  /**
   * Subscribes to the exchanges of send() (and request(), requestJson(), getJson()) on this client and every client
   * sharing its connections: the log entry plus the bodies. Streamed answers reach only the request log.
   */
  onExchange(listener: ExchangeListener): () => void {
    this.shared.exchangeListeners.add(listener);
    return () => this.shared.exchangeListeners.delete(listener);
  }

  /**
   * A client on the same connections, settings, request log and listeners that also tells `observer` about each
   * exchange made through it (e.g. tagged with the connection profile whose token it sends).
   */
  withObserver(observer: ExchangeListener): HttpClient {
    const observed = new HttpClient();
    observed.shared = this.shared;
    observed.observers = [...this.observers, observer];
    return observed;
  }

  /** Sends and returns any HTTP status; throws only when no usable answer came (network, timeout, cancel). */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const description = describe(request);
    const retry =
      request.retry === false ? { ...this.shared.retry, maxRetries: 0 } : { ...this.shared.retry, ...request.retry };
    const maxRetries = isIdempotentMethod(description.method) ? retry.maxRetries : 0;
    const headers = this.headersFor(request);
    const started = performance.now();
    let retries = 0;
    for (;;) {
      const outcome = await this.attempt(request, headers, description);
      const canRetry = retries < maxRetries && !request.signal?.aborted;
      let delayMs: number | undefined;
      if (outcome.kind === 'response' && isRetryableStatus(outcome.status) && canRetry) {
        const retryAfter =
          outcome.status === 429 || outcome.status === 503
            ? parseRetryAfter(outcome.headers['retry-after'])
            : undefined;
        // A server asking for a longer pause than we are willing to wait gets its answer passed on, not hammered early.
        if (retryAfter === undefined) delayMs = backoffDelayMs(retries, retry, this.shared.random);
        else if (retryAfter <= retry.maxRetryAfterMs) delayMs = retryAfter;
      } else if (outcome.kind === 'failure' && outcome.retryable && canRetry) {
        delayMs = backoffDelayMs(retries, retry, this.shared.random);
      }
      if (delayMs === undefined) {
        const durationMs = Math.round(performance.now() - started);
        this.record(request, headers, description, outcome, retries, durationMs);
        if (outcome.kind === 'failure') throw outcome.error;
        const { status, headers: responseHeaders, body } = outcome;
        let text: string | undefined;
        // Decoded once: the JSON parse and a caller keeping the raw text (dialog details) share it.
        return {
          status,
          headers: responseHeaders,
          body,
          retries,
          durationMs,
          request: description,
          text: () => (text ??= body.toString('utf8')),
        };
      }
      retries++;
      if (!(await sleep(delayMs, request.signal))) {
        this.record(
          request,
          headers,
          description,
          { kind: 'failure', error: new CancelledError(description), retryable: false },
          retries,
          Math.round(performance.now() - started),
        );
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

  getJson<T = unknown>(
    url: string,
    expected: { payload: string; schema?: Schema<T> },
    options: Omit<HttpRequest, 'method' | 'url'> = {},
  ): Promise<T> {
    return this.requestJson({ ...options, method: 'GET', url }, expected);
  }

  /**
   * Sends once (never retried) and returns as soon as the status and headers came, with the body to read as it
   * arrives. Throws CancelledError, TimeoutError (no headers in time) or NetworkError, as send() does.
   */
  async stream(request: HttpStreamRequest): Promise<HttpStreamResponse> {
    const description = describe(request);
    const headers = this.headersFor(request);
    const started = performance.now();
    const timeoutMs = request.headersTimeoutMs ?? this.shared.timeoutMs;
    const attempt = attemptSignal(timeoutMs, request.signal);
    let response: Dispatcher.ResponseData;
    try {
      if (request.signal?.aborted) throw new CancelledError(description);
      response = await loadUndici().request(request.url, {
        method: description.method as Dispatcher.HttpMethod,
        headers,
        body: request.body,
        dispatcher: this.agent,
        signal: attempt.signal,
        ...(request.bodyTimeoutMs === undefined ? {} : { bodyTimeout: request.bodyTimeoutMs }),
      });
    } catch (error) {
      attempt.release();
      const { error: failure } = attemptFailure(error, {
        description,
        signal: request.signal,
        timedOut: attempt.timedOut,
        timeoutMs,
        answered: false,
      });
      this.log(
        logEntry(
          request,
          headers,
          description,
          { kind: 'failure', error: failure, retryable: false },
          0,
          Math.round(performance.now() - started),
        ),
      );
      throw failure;
    }
    attempt.stopClock();
    response.body.once('close', () => attempt.release());
    // A caller that destroys the body unread (a redirect, an answer it does not want) is not an uncaught error.
    response.body.on('error', () => undefined);
    const responseHeaders = flattenHeaders(response.headers);
    const announced = Number(responseHeaders['content-length']);
    const answer: AttemptOutcome = {
      kind: 'response',
      status: response.statusCode,
      headers: responseHeaders,
      body: Buffer.alloc(0),
    };
    this.log({
      ...logEntry(request, headers, description, answer, 0, Math.round(performance.now() - started)),
      responseBytes: Number.isFinite(announced) ? announced : 0,
    });
    return { status: response.statusCode, headers: responseHeaders, body: response.body, request: description };
  }

  /** Closes the connections, letting requests under way finish for a moment first; the next request opens new ones. */
  async close(): Promise<void> {
    const agent = this.shared.agent;
    this.shared.agent = undefined;
    if (!agent) return;
    const closed = agent.close().then(
      () => true,
      () => true,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS);
    });
    const finished = await Promise.race([closed, graceOver]);
    clearTimeout(timer);
    if (!finished) await agent.destroy().catch(() => undefined);
  }

  /** Created with the first request: undici is loaded on first use, never at activation. */
  private get agent(): Dispatcher {
    return (this.shared.agent ??= new (loadUndici().Agent)({
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      connections: 32,
    }));
  }

  private headersFor(request: { readonly headers?: Readonly<Record<string, string>> }): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    headers['user-agent'] ??= this.shared.userAgent;
    return headers;
  }

  private async attempt(
    request: HttpRequest,
    headers: Record<string, string>,
    description: RequestDescription,
  ): Promise<AttemptOutcome> {
    if (request.signal?.aborted) return { kind: 'failure', error: new CancelledError(description), retryable: false };
    const timeoutMs = request.timeoutMs ?? this.shared.timeoutMs;
    const attempt = attemptSignal(timeoutMs, request.signal);
    let answered = false;
    try {
      const response = await loadUndici().request(request.url, {
        method: description.method as Dispatcher.HttpMethod,
        headers,
        body: request.body,
        dispatcher: this.agent,
        signal: attempt.signal,
      });
      answered = true;
      const body = await this.readBody(response.body, description, response.statusCode);
      return { kind: 'response', status: response.statusCode, headers: flattenHeaders(response.headers), body };
    } catch (error) {
      if (error instanceof ResponseFormatError && !request.signal?.aborted && !attempt.timedOut)
        return { kind: 'failure', error, retryable: false };
      return {
        kind: 'failure',
        ...attemptFailure(error, {
          description,
          signal: request.signal,
          timedOut: attempt.timedOut,
          timeoutMs,
          answered,
        }),
      };
    } finally {
      attempt.release();
    }
  }

  /**
   * Collects the body from 'data' events (an async iterator over the stream costs a promise and a microtask per
   * chunk), refusing it once it passes the size limit.
   */
  private readBody(
    body: Dispatcher.ResponseData['body'],
    description: RequestDescription,
    status: number,
  ): Promise<Buffer> {
    const maxBytes = this.shared.maxResponseBytes;
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          body.destroy();
          reject(new ResponseFormatError(description, status, undefined, `the body is larger than ${maxBytes} bytes`));
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

  /** Tells the request log about a finished send(), and the exchange listeners with the bodies. */
  private record(
    request: HttpRequest,
    headers: Record<string, string>,
    description: RequestDescription,
    outcome: AttemptOutcome,
    retries: number,
    durationMs: number,
  ): void {
    const listeners = [...this.shared.exchangeListeners, ...this.observers];
    if (this.shared.logListeners.size === 0 && listeners.length === 0) return;
    const entry = logEntry(request, headers, description, outcome, retries, durationMs);
    this.log(entry);
    if (listeners.length === 0) return;
    tellEach(listeners, {
      ...entry,
      sentUrl: request.url,
      requestBody: typeof request.body === 'string' ? request.body : undefined,
      responseBody: outcome.kind === 'response' ? outcome.body : undefined,
    });
  }

  private log(entry: RequestLogEntry): void {
    tellEach(this.shared.logListeners, entry);
  }
}
