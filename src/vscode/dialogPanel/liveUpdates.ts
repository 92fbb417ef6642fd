import * as vscode from 'vscode';
import {
  DialogEventsSubscription,
  httpStreamConnector,
  type SubscriptionStatus,
  type TokenRequestReason,
} from '../../platform/dialogporten/events';
import type { HttpClient } from '../../platform/http';
import { maskSecrets } from '../commands';
import type { Localizer } from '../../platform/presentation';
import type { LiveState } from './protocol';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** While no event stream can be held, the dialog is checked for changes this often while its panel is visible. */
export const POLL_INTERVAL_MS = 30_000;
/** Failed connections in a row before the panel starts checking for changes meanwhile. */
const FAILED_ATTEMPTS_BEFORE_POLLING = 3;

/** What the live updates need from the dialog panel that owns them. */
export interface LiveUpdatesOwner {
  readonly dialogId: string;
  readonly log: vscode.LogOutputChannel;
  /** The extension's client: the stream shares its connections and request log. */
  readonly http: HttpClient;
  /** A dialog token for the stream (fetching the dialog again when needed). Throw to stop the subscription. */
  getToken(reason: TokenRequestReason, signal: AbortSignal): Promise<string>;
  onEvent(type: string): void;
  /** One check for changes that marks nothing as seen; resolves true when the dialog changed since it was shown. */
  checkForChanges(): Promise<boolean>;
  isVisible(): boolean;
  onState(live: LiveState): void;
}

/**
 * A dialog panel's live updates: the `dialogEvents` subscription (at most 3 connection attempts a minute, shared by
 * successive subscriptions), and, while no stream can be held, a check for changes every 30 s while the panel is
 * visible. A stream that refused the subscription is connected again only by `retry()`, never by a refresh.
 */
export class DialogLiveUpdates implements vscode.Disposable {
  private subscription: DialogEventsSubscription | undefined;
  private readonly attemptTimes: number[] = [];
  private refused = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling: Promise<void> | undefined;
  private lastPollAt = 0;
  private disposed = false;
  private live: LiveState;

  constructor(
    private readonly owner: LiveUpdatesOwner,
    initial: LiveState,
  ) {
    this.live = initial;
  }

  get state(): LiveState {
    return this.live;
  }

  /** Subscribes unless a subscription runs or the stream refused the last one. */
  ensure(streamUrl: string, isProduction: boolean): void {
    if (this.disposed || this.subscription || this.refused) return;
    const subscription = new DialogEventsSubscription({
      // Per environment: tt02 and production stream from the API-management host (environments.ts).
      streamUrl,
      dialogId: this.owner.dialogId,
      getToken: (reason, signal) => this.owner.getToken(reason, signal),
      onEvent: (event) => this.owner.onEvent(event.type),
      onStatus: (status) => this.onStatus(status, isProduction),
      onDiagnostic: (message) => this.owner.log.warn(`[dialog events] ${message}`),
      attemptTimes: this.attemptTimes,
      connect: httpStreamConnector(this.owner.http),
    });
    this.subscription = subscription;
    void subscription.start();
  }

  /** The panel's Retry: connects the event stream again; checking for changes stops once it is live. */
  retry(streamUrl: string, isProduction: boolean): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.refused = false;
    this.ensure(streamUrl, isProduction);
  }

  /** The panel became visible: check at once if a check fell due while it was hidden. */
  onVisible(): void {
    if (this.pollTimer && Date.now() - this.lastPollAt >= POLL_INTERVAL_MS) this.pollOnce();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.subscription?.dispose();
    this.subscription = undefined;
    this.stopPolling();
  }

  private onStatus(status: SubscriptionStatus, isProduction: boolean): void {
    let live: LiveState;
    switch (status.state) {
      case 'connecting':
        live = {
          state: 'connecting',
          text: status.attempt === 0 ? t('Connecting to live updates…') : t('Reconnecting to live updates…'),
        };
        break;
      case 'live':
        live = { state: 'live', text: t('Live updates on') };
        this.stopPolling();
        break;
      case 'reconnecting': {
        const seconds = Math.max(1, Math.round(status.delayMs / 1000));
        this.owner.log.info(`[dialog events] ${status.reason}; retrying in ${status.delayMs} ms`);
        if (status.attempt >= FAILED_ATTEMPTS_BEFORE_POLLING) {
          // The stream cannot be held for now: check for changes meanwhile.
          live = {
            state: 'polling',
            text: t(
              'Live updates interrupted ({0}); retrying in {1} s. Checking for changes every 30 s meanwhile.',
              maskSecrets(status.reason),
              seconds,
            ),
            retry: true,
          };
          this.startPolling();
        } else {
          live = { state: 'reconnecting', text: t('Live updates interrupted; retrying in {0} s', seconds) };
        }
        break;
      }
      case 'stopped':
        if (status.reason === 'disposed') return;
        this.subscription = undefined;
        if (status.reason === 'deleted') {
          live = { state: 'stopped', text: t('Live updates ended: the dialog was deleted') };
          break;
        }
        this.startPolling();
        this.refused = status.reason === 'refused' || status.reason === 'unauthorized';
        live =
          status.reason === 'refused'
            ? {
                state: 'polling',
                text: t(
                  'Live updates are off: Dialogporten refused the event subscription ({0}). Checking for changes every 30 s while this panel is visible.',
                  maskSecrets(status.message ?? status.reason),
                ),
                retry: true,
              }
            : isProduction && status.reason === 'token-unavailable'
              ? {
                  state: 'paused',
                  text: t(
                    'Live updates paused (dialog token expired): refresh to resume. Checking for changes every 30 s while this panel is visible.',
                  ),
                  retry: true,
                }
              : {
                  state: 'polling',
                  text: t(
                    'Live updates are off: {0}. Checking for changes every 30 s while this panel is visible.',
                    maskSecrets(status.message ?? status.reason),
                  ),
                  retry: true,
                };
        break;
    }
    if (live.state === this.live.state && live.text === this.live.text) return;
    this.live = live;
    this.owner.onState(live);
  }

  private startPolling(): void {
    if (this.pollTimer || this.disposed) return;
    this.owner.log.info(
      `[dialog events] no event stream for dialog ${this.owner.dialogId}: checking it for changes every ${POLL_INTERVAL_MS / 1000} s while its panel is visible`,
    );
    this.lastPollAt = Date.now();
    this.pollTimer = setInterval(() => {
      if (this.owner.isVisible()) this.pollOnce();
    }, POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private pollOnce(): void {
    if (this.polling || this.disposed) return;
    this.lastPollAt = Date.now();
    this.polling = (async () => {
      try {
        if ((await this.owner.checkForChanges()) && !this.disposed) this.owner.onEvent('DIALOG_UPDATED');
      } catch (error) {
        if (!this.disposed)
          this.owner.log.warn(
            `[dialog events] checking for changes failed: ${maskSecrets(error instanceof Error ? error.message : String(error))}`,
          );
      } finally {
        this.polling = undefined;
      }
    })();
  }
}
