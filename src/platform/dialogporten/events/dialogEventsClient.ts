import type { Dispatcher } from 'undici';
import { loadUndici } from '../../http/loadUndici';
import { decodeJwtUnverified } from '../../auth/jwtDecode';
import { SseParser } from './sseParser';

/** `DIALOG_UPDATED` and `DIALOG_DELETED` today; kept open for types Dialogporten may add. */
export type DialogEventType = 'DIALOG_UPDATED' | 'DIALOG_DELETED' | (string & {});

export interface DialogEvent {
  readonly dialogId: string;
  readonly type: DialogEventType;
}

/** Why the subscription asks for a dialog token. */
export type TokenRequestReason =
  /** The first connection. */
  | 'initial'
  /** The current token expires soon: fetch the dialog again for a fresh one. */
  | 'expiring'
  /** The stream refused the token (401/403). */
  | 'rejected'
  /** Reconnecting after the stream broke; the cached token may still be good. */
  | 'reconnect';

export type SubscriptionStatus =
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'live'; readonly tokenExpiresAt?: Date }
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  /** Terminal: disposed, the dialog was deleted, or the stream keeps refusing us. */
  | { readonly state: 'stopped'; readonly reason: 'disposed' | 'deleted' | 'unauthorized' | 'token-unavailable'; readonly message?: string };

export interface StreamRequest {
  readonly url: string;
  readonly method: 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal: AbortSignal;
}

export interface StreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AsyncIterable<Uint8Array>;
}

/** Opens the HTTP stream; replaceable in tests. */
export type StreamConnector = (request: StreamRequest) => Promise<StreamResponse>;

export interface DialogEventsOptions {
  /** `<dialogportenBase>/graphql/stream`. */
  readonly streamUrl: string;
  readonly dialogId: string;
  /**
   * A dialog token for this dialog (its `i` claim is the dialog id). Dialogporten hands them out with the
   * dialog details, so a fresh one means fetching the dialog again. Throw to stop the subscription.
   */
  readonly getToken: (reason: TokenRequestReason, signal: AbortSignal) => Promise<string>;
  readonly onEvent: (event: DialogEvent) => void;
  readonly onStatus?: (status: SubscriptionStatus) => void;
  /** Problems worth a log line (never contains the token). */
  readonly onDiagnostic?: (message: string) => void;
  /** Reconnect with a fresh token this long before the current one expires (default 60 s; tokens live 10 min). */
  readonly renewBeforeExpiryMs?: number;
  /** Backoff between failed connections: doubles from `initialMs` up to `maxMs` (defaults 1 s and 30 s). */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** A stream silent for this long (no data, no keep-alive comment) is considered dead (default 60 s). */
  readonly idleTimeoutMs?: number;
  /** Consecutive refusals (401/403), each with a fresh token, before giving up (default 2). */
  readonly maxAuthFailures?: number;
  readonly connect?: StreamConnector;
  readonly now?: () => number;
}

const SUBSCRIPTION_QUERY = 'subscription dialogEvents($dialogId: UUID!) { dialogEvents(dialogId: $dialogId) { id type } }';

/**
 * The `dialogEvents` GraphQL subscription over Server-Sent Events, as Dialogporten serves it at `/graphql/stream`
 * (POST, `Accept: text/event-stream`, authorised with the dialog token as Bearer). Keeps one stream open,
 * reconnects with backoff when it breaks, switches to a fresh dialog token before the current one expires,
 * and stops for good when the dialog is deleted, the stream keeps refusing the token, or it is disposed.
 */
export class DialogEventsSubscription {
  private readonly stopController = new AbortController();
  private connection: AbortController | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private renewing = false;
  private stopped = false;
  private running: Promise<void> | undefined;
  private lastStatus: SubscriptionStatus | undefined;

  constructor(private readonly options: DialogEventsOptions) {}

  get status(): SubscriptionStatus | undefined {
    return this.lastStatus;
  }

  /** Starts the loop once; the returned promise settles when the subscription has stopped. */
  start(): Promise<void> {
    this.running ??= this.run().catch((error: unknown) => {
      this.stop('token-unavailable', (error as Error).message);
    });
    return this.running;
  }

  /** Reconnects now with a fresh token (e.g. after the owner fetched the dialog again anyway). */
  renewNow(): void {
    if (this.stopped || !this.connection) return;
    this.renewing = true;
    this.connection.abort();
  }

  dispose(): void {
    this.stop('disposed');
  }

  private stop(reason: Extract<SubscriptionStatus, { state: 'stopped' }>['reason'], message?: string): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.renewTimer);
    this.stopController.abort();
    this.connection?.abort();
    this.setStatus({ state: 'stopped', reason, ...(message ? { message } : {}) });
  }

  private setStatus(status: SubscriptionStatus): void {
    this.lastStatus = status;
    try {
      this.options.onStatus?.(status);
    } catch (error) {
      this.options.onDiagnostic?.(`status listener failed: ${(error as Error).message}`);
    }
  }

  private async run(): Promise<void> {
    const initialMs = this.options.backoff?.initialMs ?? 1_000;
    const maxMs = this.options.backoff?.maxMs ?? 30_000;
    const maxAuthFailures = this.options.maxAuthFailures ?? 2;
    let reason: TokenRequestReason = 'initial';
    let token: string | undefined;
    let attempt = 0;
    let authFailures = 0;
    while (!this.stopped) {
      this.setStatus({ state: 'connecting', attempt });
      if (token === undefined || reason !== 'reconnect') {
        try {
          token = await this.options.getToken(reason, this.stopController.signal);
        } catch (error) {
          if (this.stopped) return;
          this.stop('token-unavailable', (error as Error).message);
          return;
        }
        if (this.stopped) return;
      }
      const outcome = await this.connectOnce(token);
      if (this.stopped) return;
      if (outcome.kind === 'refused') {
        authFailures++;
        this.options.onDiagnostic?.(`the event stream refused the dialog token (${outcome.status})`);
        if (authFailures > maxAuthFailures) {
          this.stop('unauthorized', outcome.message);
          return;
        }
        reason = 'rejected';
        continue;
      }
      if (outcome.kind === 'renew') {
        attempt = 0;
        reason = 'expiring';
        continue;
      }
      if (outcome.kind === 'connected-then-closed') {
        // It worked for a while: start the backoff over.
        attempt = 0;
        authFailures = 0;
      }
      const delayMs = outcome.retryAfterMs ?? Math.min(maxMs, initialMs * 2 ** attempt);
      attempt++;
      this.setStatus({ state: 'reconnecting', attempt, delayMs, reason: outcome.message });
      if (!(await sleep(delayMs, this.stopController.signal))) return;
      reason = tokenExpiresWithin(token, this.renewBeforeMs(), this.now()) ? 'expiring' : 'reconnect';
    }
  }

  private renewBeforeMs(): number {
    return this.options.renewBeforeExpiryMs ?? 60_000;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** One HTTP stream, read until it ends, breaks, goes idle, or is aborted for renewal or stop. */
  private async connectOnce(token: string): Promise<
    | { kind: 'refused'; status: number; message: string }
    | { kind: 'renew' }
    | { kind: 'failed' | 'connected-then-closed'; message: string; retryAfterMs?: number }
  > {
    const connection = new AbortController();
    this.connection = connection;
    const onStop = (): void => connection.abort();
    this.stopController.signal.addEventListener('abort', onStop, { once: true });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let idle = false;
    const idleTimeoutMs = this.options.idleTimeoutMs ?? 60_000;
    const armIdle = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idle = true;
        connection.abort();
      }, idleTimeoutMs);
    };
    let connected = false;
    try {
      armIdle();
      const response = await (this.options.connect ?? undiciConnector)({
        url: this.options.streamUrl,
        method: 'POST',
        headers: {
          accept: 'text/event-stream',
          'content-type': 'application/json; charset=utf-8',
          authorization: `Bearer ${token}`,
          'cache-control': 'no-cache',
        },
        body: JSON.stringify({ query: SUBSCRIPTION_QUERY, variables: { dialogId: this.options.dialogId }, operationName: 'dialogEvents' }),
        signal: connection.signal,
      });
      if (response.status === 401 || response.status === 403) {
        const message = await readError(response.body);
        return { kind: 'refused', status: response.status, message: `the event stream answered ${response.status}${message ? `: ${message}` : ''}` };
      }
      if (response.status !== 200) {
        const message = await readError(response.body);
        return { kind: 'failed', message: `the event stream answered ${response.status}${message ? `: ${message}` : ''}`, retryAfterMs: retryAfterMs(response.headers['retry-after']) };
      }
      const contentType = response.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('text/event-stream')) {
        await drain(response.body);
        return { kind: 'failed', message: `the event stream answered with ${contentType || 'no content type'} instead of text/event-stream` };
      }
      connected = true;
      this.setStatus({ state: 'live', tokenExpiresAt: tokenExpiry(token) });
      this.scheduleRenewal(token);
      const parser = new SseParser();
      const decoder = new TextDecoder();
      let retryHint: number | undefined;
      for await (const chunk of response.body) {
        armIdle();
        for (const event of parser.feed(decoder.decode(chunk, { stream: true }))) {
          if (event.retry !== undefined) retryHint = event.retry;
          if (this.handle(event.event, event.data) === 'deleted') return { kind: 'connected-then-closed', message: 'deleted' };
        }
      }
      return { kind: 'connected-then-closed', message: 'the event stream ended', retryAfterMs: retryHint };
    } catch (error) {
      if (this.renewing) return { kind: 'renew' };
      if (this.stopped) return { kind: 'failed', message: 'stopped' };
      const message = idle ? `the event stream was silent for ${Math.round(idleTimeoutMs / 1000)} s` : `the event stream broke: ${(error as Error).message}`;
      return { kind: connected ? 'connected-then-closed' : 'failed', message };
    } finally {
      clearTimeout(idleTimer);
      clearTimeout(this.renewTimer);
      this.stopController.signal.removeEventListener('abort', onStop);
      connection.abort();
      if (this.connection === connection) this.connection = undefined;
      if (this.renewing) this.renewing = false;
    }
  }

  private scheduleRenewal(token: string): void {
    clearTimeout(this.renewTimer);
    const expiry = tokenExpiry(token);
    if (!expiry) return;
    const delay = Math.max(1_000, expiry.getTime() - this.renewBeforeMs() - this.now());
    this.renewTimer = setTimeout(() => this.renewNow(), delay);
  }

  /** Returns 'deleted' when the subscription must end. */
  private handle(eventName: string, data: string): 'deleted' | undefined {
    if (eventName === 'complete') return undefined;
    if (eventName !== 'next' && eventName !== 'message') return undefined;
    let payload: { data?: { dialogEvents?: { id?: unknown; type?: unknown } | null } | null; errors?: { message?: unknown }[] };
    try {
      payload = JSON.parse(data) as typeof payload;
    } catch {
      this.options.onDiagnostic?.('the event stream sent an event that is not JSON');
      return undefined;
    }
    if (payload.errors?.length) this.options.onDiagnostic?.(`the event stream reported: ${payload.errors.map((e) => String(e.message)).join('; ')}`);
    const event = payload.data?.dialogEvents;
    if (!event || typeof event.type !== 'string') return undefined;
    const dialogId = typeof event.id === 'string' ? event.id : this.options.dialogId;
    try {
      this.options.onEvent({ dialogId, type: event.type });
    } catch (error) {
      this.options.onDiagnostic?.(`event listener failed: ${(error as Error).message}`);
    }
    if (event.type === 'DIALOG_DELETED') {
      this.stop('deleted');
      return 'deleted';
    }
    return undefined;
  }
}

/** The `exp` of a JWT, unverified (only used to plan the renewal). */
export function tokenExpiry(token: string): Date | undefined {
  try {
    const exp = decodeJwtUnverified(token).claims.exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

function tokenExpiresWithin(token: string, ms: number, now: number): boolean {
  const expiry = tokenExpiry(token);
  return expiry !== undefined && expiry.getTime() - ms <= now;
}

function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readError(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length > 8_192) break;
  }
  try {
    const parsed = JSON.parse(text) as { errors?: { message?: string }[]; title?: string; detail?: string };
    const message = parsed.errors?.map((e) => e.message).filter(Boolean).join('; ') || parsed.detail || parsed.title;
    if (message) return message.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<redacted>').slice(0, 300);
  } catch {
    // not JSON
  }
  return '';
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<void> {
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > 65_536) break;
  }
}

const undiciConnector: StreamConnector = async (request) => {
  const response = await loadUndici().request(request.url, {
    method: request.method as Dispatcher.HttpMethod,
    headers: { ...request.headers, 'user-agent': 'altinn-inbox-inspector' },
    body: request.body,
    signal: request.signal,
    // The idle watchdog above decides when a quiet stream is dead.
    bodyTimeout: 0,
    headersTimeout: 30_000,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers, body: response.body };
};

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
