import { decodeJwtUnverified } from '../../auth/jwtDecode';
import { parseRetryAfter, redactJwts, sleep } from '../../http';
import { SseParser } from './sseParser';
import { drain, readError } from './streamConnection';
import { dialogEventsSubscriptionQuery } from './subscriptionQuery';
import type { DialogEventsOptions, SubscriptionStatus, TokenRequestReason } from './subscriptionTypes';

const LIVE_GRACE_MS = 2_000;
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

  private readonly query: string;
  /** Start times of recent connection attempts, for the attempt limit. */
  private readonly attemptTimes: number[];

  constructor(private readonly options: DialogEventsOptions) {
    this.query = dialogEventsSubscriptionQuery(options.dialogId);
    this.attemptTimes = options.attemptTimes ?? [];
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
      if (!(await this.waitForAttemptSlot(attempt))) return;
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
      if (outcome.kind === 'subscription-refused') {
        this.options.onDiagnostic?.(`the event stream refused the subscription: ${outcome.message}`);
        this.stop('refused', outcome.message);
        return;
      }
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
      if (outcome.kind === 'connected-then-closed' && outcome.healthy) {
        // A real event, or minutes of keep-alives: the stream works, so start the backoff over. A stream that
        // opens and closes at once (or answers and ends) keeps backing off.
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

  /**
   * Waits until a connection attempt fits the limit (default 3 a minute), then records it. Returns false when
   * stopped while waiting.
   */
  private async waitForAttemptSlot(attempt: number): Promise<boolean> {
    const max = Math.max(1, this.options.attemptLimit?.max ?? 3);
    const windowMs = this.options.attemptLimit?.windowMs ?? 60_000;
    const now = this.now();
    while (this.attemptTimes.length > 0 && this.attemptTimes[0] <= now - windowMs) this.attemptTimes.shift();
    if (this.attemptTimes.length >= max) {
      const delayMs = this.attemptTimes[this.attemptTimes.length - max] + windowMs - now;
      this.setStatus({
        state: 'reconnecting',
        attempt: Math.max(1, attempt),
        delayMs,
        reason: `at most ${max} connection attempts per ${Math.round(windowMs / 1000)} s`,
      });
      if (!(await sleep(delayMs, this.stopController.signal))) return false;
    }
    this.attemptTimes.push(this.now());
    return true;
  }

  private renewBeforeMs(): number {
    return this.options.renewBeforeExpiryMs ?? 60_000;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** One HTTP stream, read until it ends, breaks, goes idle, or is aborted for renewal or stop. */
  private async connectOnce(
    token: string,
  ): Promise<
    | { kind: 'refused'; status: number; message: string }
    | { kind: 'subscription-refused'; message: string }
    | { kind: 'renew' }
    | { kind: 'failed'; message: string; retryAfterMs?: number }
    | { kind: 'connected-then-closed'; message: string; retryAfterMs?: number; healthy: boolean }
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
    let connectedAt: number | undefined;
    let liveTimer: ReturnType<typeof setTimeout> | undefined;
    let live = false;
    let sawEvent = false;
    const healthyAfterMs = this.options.healthyAfterMs ?? 180_000;
    const healthy = (): boolean =>
      sawEvent || (connectedAt !== undefined && this.now() - connectedAt >= healthyAfterMs);
    try {
      armIdle();
      const response = await this.options.connect({
        url: this.options.streamUrl,
        method: 'POST',
        headers: {
          accept: 'text/event-stream',
          'content-type': 'application/json; charset=utf-8',
          authorization: `Bearer ${token}`,
          'cache-control': 'no-cache',
        },
        body: JSON.stringify({ query: this.query, variables: {}, operationName: 'dialogEvents' }),
        signal: connection.signal,
      });
      if (response.status === 401 || response.status === 403) {
        const message = await readError(response.body);
        return {
          kind: 'refused',
          status: response.status,
          message: `the event stream answered ${response.status}${message ? `: ${message}` : ''}`,
        };
      }
      if (response.status !== 200) {
        const message = await readError(response.body);
        return {
          kind: 'failed',
          message: `the event stream answered ${response.status}${message ? `: ${message}` : ''}`,
          retryAfterMs: parseRetryAfter(response.headers['retry-after']),
        };
      }
      const contentType = response.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('text/event-stream')) {
        await drain(response.body);
        return {
          kind: 'failed',
          message: `the event stream answered with ${contentType || 'no content type'} instead of text/event-stream`,
        };
      }
      // HotChocolate answers a refused subscription with 200 text/event-stream too (an errors-only `next`, then
      // `complete`), so the stream counts as live only once it has shown it is one: a keep-alive or an event.
      connectedAt = this.now();
      const goLive = (): void => {
        if (live || this.stopped) return;
        live = true;
        this.setStatus({ state: 'live', tokenExpiresAt: tokenExpiry(token) });
      };
      // A server that sends nothing before its first keep-alive (HotChocolate waits up to 12 s) is live once it
      // has had a moment to refuse and did not.
      liveTimer = setTimeout(goLive, LIVE_GRACE_MS);
      this.scheduleRenewal(token);
      const parser = new SseParser();
      const decoder = new TextDecoder();
      let retryHint: number | undefined;
      for await (const chunk of response.body) {
        armIdle();
        for (const event of parser.feed(decoder.decode(chunk, { stream: true }))) {
          if (event.retry !== undefined) retryHint = event.retry;
          const handled = this.handle(event.event, event.data);
          if (handled.kind === 'refused') return { kind: 'subscription-refused', message: handled.message };
          if (handled.kind === 'event') sawEvent = true;
          if (handled.kind === 'deleted') return { kind: 'connected-then-closed', message: 'deleted', healthy: true };
        }
        if (sawEvent || parser.sawComment) goLive();
      }
      return {
        kind: 'connected-then-closed',
        message: 'the event stream ended',
        retryAfterMs: retryHint,
        healthy: healthy(),
      };
    } catch (error) {
      if (this.renewing) return { kind: 'renew' };
      if (this.stopped) return { kind: 'failed', message: 'stopped' };
      const message = idle
        ? `the event stream was silent for ${Math.round(idleTimeoutMs / 1000)} s`
        : `the event stream broke: ${(error as Error).message}`;
      return connectedAt === undefined
        ? { kind: 'failed', message }
        : { kind: 'connected-then-closed', message, healthy: healthy() };
    } finally {
      clearTimeout(idleTimer);
      clearTimeout(liveTimer);
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

  /** What one server-sent event meant for the subscription. */
  private handle(
    eventName: string,
    data: string,
  ): { kind: 'none' | 'event' | 'deleted' } | { kind: 'refused'; message: string } {
    if (eventName !== 'next' && eventName !== 'message') return { kind: 'none' };
    let payload: {
      data?: { dialogEvents?: { id?: unknown; type?: unknown } | null } | null;
      errors?: { message?: unknown; extensions?: { code?: unknown } }[];
    };
    try {
      payload = JSON.parse(data) as typeof payload;
    } catch {
      this.options.onDiagnostic?.('the event stream sent an event that is not JSON');
      return { kind: 'none' };
    }
    const event = payload.data?.dialogEvents;
    if (payload.errors?.length) {
      const message = describeErrors(payload.errors);
      // Errors and no event: the server refused the operation (HotChocolate writes a validation or authorisation
      // failure as one such `next`, then `complete`). Reconnecting would be refused the same way.
      if (!event) return { kind: 'refused', message };
      this.options.onDiagnostic?.(`the event stream reported: ${message}`);
    }
    if (!event || typeof event.type !== 'string') return { kind: 'none' };
    const dialogId = typeof event.id === 'string' ? event.id : this.options.dialogId;
    try {
      this.options.onEvent({ dialogId, type: event.type });
    } catch (error) {
      this.options.onDiagnostic?.(`event listener failed: ${(error as Error).message}`);
    }
    if (event.type === 'DIALOG_DELETED') {
      this.stop('deleted');
      return { kind: 'deleted' };
    }
    return { kind: 'event' };
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

/** `message (CODE)` of each GraphQL error, tokens masked, kept short. */
function describeErrors(errors: readonly { message?: unknown; extensions?: { code?: unknown } }[]): string {
  return redactJwts(
    errors
      .map(
        (e) =>
          `${typeof e.message === 'string' ? e.message : 'error'}${typeof e.extensions?.code === 'string' ? ` (${e.extensions.code})` : ''}`,
      )
      .join('; '),
  ).slice(0, 300);
}

function tokenExpiresWithin(token: string, ms: number, now: number): boolean {
  const expiry = tokenExpiry(token);
  return expiry !== undefined && expiry.getTime() - ms <= now;
}
