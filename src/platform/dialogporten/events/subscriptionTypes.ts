import type { StreamConnector } from './streamConnection';

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
  /**
   * Terminal: disposed, the dialog was deleted, the stream keeps refusing the token (401/403), the server refused the
   * subscription itself (HTTP 200 with an errors-only `next`, e.g. AUTH_NOT_AUTHORIZED), or no token could be had.
   */
  | {
      readonly state: 'stopped';
      readonly reason: 'disposed' | 'deleted' | 'unauthorized' | 'refused' | 'token-unavailable';
      readonly message?: string;
    };

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
  /**
   * At most `max` connection attempts (first connections, reconnects and renewals alike) in any `windowMs`, whatever
   * the server does (default 3 per minute).
   */
  readonly attemptLimit?: { readonly max?: number; readonly windowMs?: number };
  /**
   * Start times of connection attempts, kept by the caller: give successive subscriptions to one dialog the same
   * array and the limit holds across them (a Retry or a resubscribe after a refresh counts too).
   */
  readonly attemptTimes?: number[];
  /** A stream that stayed open this long (its keep-alives arriving) counts as healthy and resets the backoff (default 3 min). */
  readonly healthyAfterMs?: number;
  /** Opens the HTTP stream: httpStreamConnector(http), or a scripted one in tests. */
  readonly connect: StreamConnector;
  readonly now?: () => number;
}
