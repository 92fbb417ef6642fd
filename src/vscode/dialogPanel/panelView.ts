import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import type { WebviewHost } from '../webview/webviewHost';
import { renderDialogBody, renderPlaceholderBody, type ActionResult, type EmbedState, type Notice } from './dialogView';
import { LARGE_PAYLOAD_BYTES, persistedState, type DialogSource, type PanelState } from './panelSource';
import { summariseToken } from './panelText';
import type { FromWebview, LiveState, PanelLanguage, PanelTab, PersistedPanelState, ToWebview } from './protocol';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/** What the view reads from the dialog panel it shows. */
export interface ViewOwner extends PanelState {
  source(): DialogSource;
  titleText(): string | undefined;
  language(): PanelLanguage;
  tab(): PanelTab | undefined;
  renderAnyway(): boolean;
  allowRemoteImages(): boolean;
  embeds(): ReadonlyMap<string, EmbedState>;
  live(): LiveState;
  notices(): readonly Notice[];
  actionResults(): ReadonlyMap<string, ActionResult>;
}

/**
 * What a dialog panel's webview shows: the dialog rendered from the panel's state (debounced), or a placeholder
 * (loading, error, restored, too large), and the state the webview keeps across reloads.
 */
export class PanelView {
  private renderTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly owner: ViewOwner,
    private readonly host: WebviewHost<ToWebview, FromWebview>,
    /** The body the webview shows now (the newest render, also while the webview is still starting). */
    public bodyHtml: string,
  ) {}

  private persisted(): PersistedPanelState {
    return persistedState(this.owner.source(), {
      title: this.owner.titleText(),
      language: this.owner.language(),
      tab: this.owner.tab(),
      party: this.owner.loaded()?.dialog.party,
    });
  }

  showPlaceholder(
    kind: 'loading' | 'error' | 'restored' | 'too-large',
    message: string,
    commands: { id: string; label: string }[],
    detail?: string,
  ): void {
    this.bodyHtml = renderPlaceholderBody({
      title: this.owner.titleText(),
      kind,
      message,
      detail,
      commands,
      environmentLabel: this.owner.environment()?.label,
    });
    this.post({ type: 'render', bodyHtml: this.bodyHtml, persisted: this.persisted() });
  }

  /** Builds the body from the current data; `now` skips the debounce (used after fetches and user actions). */
  render(now = false): void {
    clearTimeout(this.renderTimer);
    if (!now) {
      this.renderTimer = setTimeout(() => this.render(true), 60);
      return;
    }
    const loaded = this.owner.loaded();
    if (this.owner.isDisposed() || !loaded) return;
    if (loaded.rawBytes > LARGE_PAYLOAD_BYTES && !this.owner.renderAnyway()) {
      this.showPlaceholder(
        'too-large',
        t(
          "This dialog's JSON is {0} MB, too large to render here without freezing the editor; it was opened as plain JSON instead.",
          (loaded.rawBytes / (1024 * 1024)).toFixed(1),
        ),
        [
          { id: 'openRaw', label: t('Open raw JSON') },
          { id: 'renderAnyway', label: t('Render anyway') },
        ],
      );
      return;
    }
    const environment = this.owner.environment();
    const source = this.owner.source();
    this.bodyHtml = renderDialogBody(
      {
        dialog: loaded.dialog,
        rawJson: loaded.rawJson,
        rawBytes: loaded.rawBytes,
        language: this.owner.language(),
        locale: vscode.env.language,
        embeds: this.owner.embeds(),
        allowRemoteImages: this.owner.allowRemoteImages(),
        environment: environment
          ? {
              id: environment.id,
              label: environment.label,
              isProduction: environment.isProduction,
              hasInbox: environment.id !== 'sandbox',
            }
          : { id: 'payload', label: t('Saved payload'), isProduction: false, hasInbox: false },
        source: source.kind,
        sourceLabel: source.kind === 'payload' ? source.uri.path.split('/').pop() : source.profile.label,
        live: this.owner.live(),
        notices: this.owner.notices(),
        actionResults: this.owner.actionResults(),
        fetchedAt: loaded.fetchedAt,
        token: summariseToken(loaded.dialogToken),
        now: new Date(),
      },
      vscode.l10n,
    );
    this.post({ type: 'render', bodyHtml: this.bodyHtml, persisted: this.persisted() });
  }

  setHtml(): void {
    this.host.show({
      script: 'dialogPanel',
      style: 'dialogPanel',
      title: this.owner.titleText() ?? t('Dialog'),
      bodyHtml: `<main id="dialog-root">${this.bodyHtml}</main>`,
      initialState: { persisted: this.persisted() },
      allowRemoteImages: this.owner.allowRemoteImages(),
    });
  }

  post(message: ToWebview): void {
    if (!this.owner.isDisposed()) this.host.post(message);
  }

  /** Drops a render still waiting for its debounce. */
  dispose(): void {
    clearTimeout(this.renderTimer);
  }
}
