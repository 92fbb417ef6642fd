import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import type { HttpClient } from '../../platform/http';
import type { TokenRequestReason } from '../../platform/dialogporten/events';
import { isUserCancelled, UserCancelledError } from '../commands';
import { isDialogTokenFresh } from '../dialogDetails/dialogToken';
import type { Notice } from './dialogView';
import { DialogLiveUpdates } from './liveUpdates';
import type { PanelState } from './panelSource';
import type { LiveState } from './protocol';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** What the live updates need from the dialog panel that owns them. */
export interface LivePanel extends PanelState {
  readonly dialogId: string;
  /** The extension's client: the event stream shares its connections and request log. */
  readonly http: HttpClient;
  isVisible(): boolean;
  /** Fetches the dialog again (marks it as seen). */
  load(reason: 'refresh' | 'token'): Promise<void>;
  showNotice(notice: Notice): void;
  postLive(live: LiveState): void;
}

/**
 * A dialog panel's side of its live updates: dialog tokens for the stream, what an event does to the panel (a
 * refresh outside Production, a notice on it), and the check for changes that marks nothing as seen.
 */
export class PanelLiveUpdates implements vscode.Disposable {
  private readonly live: DialogLiveUpdates;
  /** The dialog token the event stream was last given. */
  private streamToken: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly panel: LivePanel) {
    this.live = new DialogLiveUpdates(
      {
        dialogId: panel.dialogId,
        log: panel.log,
        http: panel.http,
        getToken: (reason, signal) => this.tokenForEvents(reason, signal),
        onEvent: (type) => this.onDialogEvent(type),
        checkForChanges: () => this.checkForChanges(),
        isVisible: () => panel.isVisible(),
        onState: (live) => panel.postLive(live),
      },
      panel.isApi
        ? { state: 'off', text: t('Live updates start once the dialog is loaded') }
        : { state: 'off', text: t('Saved payload: no live updates') },
    );
  }

  get state(): LiveState {
    return this.live.state;
  }

  /** Subscribes once the dialog is loaded from Dialogporten. */
  ensure(): void {
    const environment = this.panel.environment();
    if (!this.panel.isApi || !environment || !this.panel.loaded()) return;
    this.live.ensure(environment.dialogportenStreamUrl, environment.isProduction);
  }

  /** Connects the event stream again (the panel's Retry). */
  retry(): void {
    const environment = this.panel.environment();
    if (!this.panel.isApi || !environment || !this.panel.loaded()) return;
    this.live.retry(environment.dialogportenStreamUrl, environment.isProduction);
  }

  onVisible(): void {
    this.live.onVisible();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.live.dispose();
  }

  /**
   * A dialog token for the event stream: the newest one we have while it is fresh and not the one the stream
   * just had trouble with; otherwise the dialog is fetched again (Dialogporten hands tokens out with the details).
   */
  private async tokenForEvents(reason: TokenRequestReason, signal: AbortSignal): Promise<string> {
    const current = this.panel.loaded()?.dialogToken;
    const usable =
      isDialogTokenFresh(current) && (reason === 'initial' || reason === 'reconnect' || current !== this.streamToken);
    if (usable) {
      this.streamToken = current;
      return current;
    }
    if (this.panel.environment()?.isProduction) {
      // Fetching again would mark the dialog as seen without asking: pause instead.
      throw new Error(
        t('Live updates paused: the dialog token expired. Refresh to resume (it fetches the dialog again).'),
      );
    }
    if (signal.aborted) throw new UserCancelledError();
    await this.panel.load('token');
    const token = this.panel.loaded()?.dialogToken;
    if (!token) throw new Error(t('The dialog details carried no dialog token.'));
    this.streamToken = token;
    return token;
  }

  private onDialogEvent(type: string): void {
    const time = new Date().toLocaleTimeString(vscode.env.language);
    if (type === 'DIALOG_DELETED') {
      this.panel.log.info(`[dialog events] dialog ${this.panel.dialogId} was deleted`);
      this.panel.showNotice({
        kind: 'warning',
        text: t(
          'The service owner deleted this dialog ({0}). You are looking at the last version that was fetched.',
          time,
        ),
      });
      return;
    }
    if (type !== 'DIALOG_UPDATED') return;
    this.panel.log.info(`[dialog events] dialog ${this.panel.dialogId} was updated`);
    if (this.panel.environment()?.isProduction) {
      this.panel.showNotice({
        kind: 'info',
        text: t('The dialog was updated ({0}). Refreshing fetches it again, which marks it as seen.', time),
        command: { id: 'refresh', label: t('Refresh') },
      });
      return;
    }
    // Several events in a row (a service owner adding a transmission and an activity) give one refresh.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.panel.load('refresh').catch((error: unknown) => {
        if (!isUserCancelled(error))
          this.panel.log.warn(`[dialog events] refresh after an update failed: ${(error as Error).message}`);
      });
    }, 300);
  }

  /**
   * Whether the dialog changed since the version shown, through the dialog search (party, service resource,
   * updated after that version), which, unlike fetching the details, does not mark the dialog as seen.
   */
  private async checkForChanges(): Promise<boolean> {
    const loaded = this.panel.loaded();
    const clients = this.panel.clients();
    if (!loaded || !clients || this.panel.isDisposed()) return false;
    const dialog = loaded.dialog;
    const page = await clients.dialogporten.searchDialogs(
      { party: [dialog.party], serviceResource: [dialog.serviceResource], updatedAfter: dialog.updatedAt, limit: 1000 },
      { signal: this.panel.signal },
    );
    const item = page.items.find((candidate) => candidate.id.toLowerCase() === dialog.id.toLowerCase());
    return (
      !this.panel.isDisposed() &&
      this.panel.loaded() === loaded &&
      item !== undefined &&
      Date.parse(item.updatedAt) > Date.parse(dialog.updatedAt)
    );
  }
}
