import type { Localizer } from '../../platform/presentation';
import * as vscode from 'vscode';
import type { Dialog } from '../../platform/dialogporten';
import type { AltinnEnvironment } from '../../platform/environments';
import { PlatformError } from '../../platform/errors';
import { isUserCancelled, maskSecrets, UserCancelledError } from '../commands';
import { dialogDetails } from '../dialogDetails/dialogDetails';
import { createApiClients, type ApiClients } from '../shared/apiClients';
import { adviseOnError } from '../shared/errorAdvice';
import type { RecordedExchange } from '../shared/exchangeRecorder';
import { payloadDebugging, type RawSource } from '../payloads/payloadDebugging';
import type { RawRef } from '../payloads/rawJson';
import { WebviewHost } from '../webview/webviewHost';
import { renderPlaceholderBody, type ActionResult, type Notice } from './dialogView';
import { PanelActions } from './panelActions';
import { PanelEmbeds } from './panelEmbeds';
import { openCheckedLink, openInAltinnInbox, openRawJson } from './panelDestinations';
import { PanelLiveUpdates } from './panelLiveUpdates';
import { PanelView } from './panelView';
import {
  LARGE_PAYLOAD_BYTES,
  loadedDialog,
  panelKey,
  readDialogPayload,
  type DialogPanelHost,
  type DialogSource,
  type LoadedDialog,
  type PanelState,
} from './panelSource';
import { clip, plainTitle, preferredLanguage } from './panelText';
import {
  parseFromWebview,
  type FromWebview,
  type LiveState,
  type PanelCommand,
  type PanelLanguage,
  type PanelTab,
  type PersistedPanelState,
  type ToWebview,
} from './protocol';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/**
 * One webview panel per dialog: fetches the dialog (which marks it as seen), renders it sanitised in the extension
 * host, fetches front-channel embeds with the dialog token, keeps a `dialogEvents` subscription while open, and
 * answers the webview's requests (links, GUI actions, downloads) after checking them.
 */
export class DialogPanel implements RawSource, vscode.Disposable {
  readonly key: string;
  private readonly host: WebviewHost<ToWebview, FromWebview>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly abort = new AbortController();
  private clients: ApiClients | undefined;
  private environment: AltinnEnvironment | undefined;
  private loaded: LoadedDialog | undefined;
  private language: PanelLanguage;
  private tab: PanelTab | undefined;
  private allowRemoteImages = false;
  private renderAnyway = false;
  private readonly embeds: PanelEmbeds;
  private readonly actions: PanelActions;
  private notices: Notice[] = [];
  private readonly live: PanelLiveUpdates;
  private readonly view: PanelView;
  private loading: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly owner: DialogPanelHost,
    readonly panel: vscode.WebviewPanel,
    private source: DialogSource,
    restored?: PersistedPanelState,
  ) {
    this.key = panelKey(
      source.kind === 'api'
        ? { kind: 'api', dialogId: source.dialogId, profile: source.profile }
        : { kind: 'payload', dialogId: source.dialogId, uri: source.uri },
    );
    this.language = restored?.language ?? preferredLanguage();
    this.tab = restored?.tab;
    const state: PanelState = {
      log: owner.services.log,
      signal: this.abort.signal,
      isApi: source.kind === 'api',
      loaded: () => this.loaded,
      environment: () => this.environment,
      clients: () => this.clients,
      isDisposed: () => this.disposed,
    };
    this.live = new PanelLiveUpdates({
      ...state,
      dialogId: source.dialogId,
      http: owner.services.http,
      isVisible: () => this.panel.visible,
      load: (reason) => this.load(reason),
      showNotice: (notice) => {
        this.notices = [notice];
        this.view.render(true);
      },
      postLive: (live) => this.view.post({ type: 'live', live }),
    });
    this.embeds = new PanelEmbeds({
      ...state,
      language: () => this.language,
      allowRemoteImages: () => this.allowRemoteImages,
      confirmCorrespondenceRead: () => owner.confirmCorrespondenceRead(this.environment!, this.titleText()),
      render: (now) => this.view.render(now),
      reportError: (error) => this.host.reportError(error),
    });
    this.actions = new PanelActions({
      ...state,
      services: owner.services,
      language: () => this.language,
      load: (reason) => this.load(reason),
      render: (now) => this.view.render(now),
    });
    panel.iconPath = vscode.Uri.joinPath(owner.services.context.extensionUri, 'media', 'altinn-activity.svg');
    this.host = new WebviewHost<ToWebview, FromWebview>(panel, {
      name: 'dialog panel',
      extensionUri: owner.services.context.extensionUri,
      log: owner.services.log,
      parse: parseFromWebview,
      onMessage: (message) => this.onMessage(message),
      // Only the newest render matters.
      latestOnly: ['render'],
      onDidDispose: () => this.dispose(),
    });
    this.view = new PanelView(
      {
        ...state,
        source: () => this.source,
        titleText: () => this.titleText(),
        language: () => this.language,
        tab: () => this.tab,
        renderAnyway: () => this.renderAnyway,
        allowRemoteImages: () => this.allowRemoteImages,
        embeds: () => this.embeds.states,
        live: () => this.live.state,
        notices: () => this.notices,
        actionResults: () => this.actions.results,
      },
      this.host,
      renderPlaceholderBody({ title: source.title, kind: 'loading', message: t('Loading the dialog…') }),
    );
    this.disposables.push(
      panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.active) owner.onDidBecomeActive(this);
        if (event.webviewPanel.visible) this.live.onVisible();
      }),
    );
    this.view.setHtml();
  }

  get dialogId(): string {
    return this.source.dialogId;
  }

  get currentDialog(): Dialog | undefined {
    return this.loaded?.dialog;
  }

  /** The exchange behind the shown dialog, for the shared payload commands (raw JSON, request, curl). */
  get raw(): RawRef | undefined {
    return this.loaded?.exchange ? { exchangeId: this.loaded.exchange.id, pointer: [] } : undefined;
  }

  get rawTitle(): string | undefined {
    return this.titleText();
  }

  /** Its raw JSON opens beside the panel rather than over it. */
  readonly rawBeside = true;

  get liveState(): LiveState {
    return this.live.state;
  }

  /** The body the webview shows now (the newest render, also while the webview is still starting). */
  get shownBody(): string {
    return this.view.bodyHtml;
  }

  /** The user asked for an embed (Retry, or "Show the message"): see PanelEmbeds.request. */
  requestEmbed(url: string): Promise<void> {
    return this.embeds.request(url);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** After a window reload: show what it was, and fetch only when asked (fetching marks the dialog as seen). */
  showRestored(): void {
    this.view.showPlaceholder(
      'restored',
      t("Restored after a reload. Loading fetches the dialog's details again, which marks it as seen in Dialogporten."),
      [{ id: 'load', label: t('Load the dialog') }],
    );
  }

  /**
   * Fetches the dialog (again) and renders it. Resolves when the render with the data is done. `confirmed` when
   * the caller already asked (or said) that fetching marks the dialog as seen.
   */
  load(reason: 'open' | 'refresh' | 'token' = 'open', confirmed = false): Promise<void> {
    this.loading ??= this.doLoad(reason, confirmed).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    this.live.dispose();
    this.view.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.owner.onDidDispose(this);
    this.host.dispose();
  }

  // ——— loading ———

  private async doLoad(reason: 'open' | 'refresh' | 'token', confirmed: boolean): Promise<void> {
    const { services } = this.owner;
    try {
      if (this.source.kind === 'payload') {
        const payload = await readDialogPayload(this.source.uri);
        this.setLoaded(payload.dialog, payload.raw, undefined);
      } else {
        this.clients ??= await createApiClients(services, this.source.profile, {
          record: payloadDebugging(services).record,
        });
        this.environment = this.clients.environment;
        const details = dialogDetails(services);
        if (!confirmed) await details.confirmMarkSeen(this.environment, this.titleText(), reason);
        const result = await details.fetch(this.source.profile, this.source.dialogId, { signal: this.abort.signal });
        this.setLoaded(result.dialog, result.raw, result.exchange);
        services.log.info(
          `[dialog panel] fetched dialog ${this.source.dialogId} (revision ${result.dialog.revision}); Dialogporten records this as seen`,
        );
      }
      this.notices = this.notices.filter((notice) => notice.command?.id !== 'refresh' || notice.kind !== 'info');
      this.view.render(true);
      this.embeds.fetchAll(reason === 'open');
      this.live.ensure();
    } catch (error) {
      if (this.disposed) return;
      if (isUserCancelled(error) || (error instanceof PlatformError && error.kind === 'cancelled')) {
        if (!this.loaded)
          this.view.showPlaceholder(
            'restored',
            t("Not loaded. Loading fetches the dialog's details, which marks it as seen in Dialogporten."),
            [{ id: 'load', label: t('Load the dialog') }],
          );
        throw new UserCancelledError();
      }
      const message = maskSecrets(error instanceof Error ? error.message : String(error));
      services.log.error(`[dialog panel] ${message}`);
      if (this.loaded) {
        this.notices = [
          { kind: 'error', text: t('Refreshing failed: {0}', message), command: { id: 'refresh', label: t('Retry') } },
        ];
        this.view.render(true);
      } else {
        // What failed in words (as the Inbox's error rows say it), then the request and the answer.
        this.view.showPlaceholder(
          'error',
          adviseOnError(error, t('the dialog'), vscode.l10n).title,
          [{ id: 'load', label: t('Retry') }],
          message,
        );
      }
      throw error;
    }
  }

  private setLoaded(dialog: Dialog, raw: string, exchange: RecordedExchange | undefined): void {
    const previous = this.loaded;
    this.loaded = loadedDialog(dialog, raw, exchange);
    // Content may have changed with the revision: fetch the embeds again.
    if (!previous || previous.dialog.revision !== dialog.revision || previous.dialogToken !== this.loaded.dialogToken) {
      this.embeds.forget();
    }
    this.source = { ...this.source, title: plainTitle(dialog, this.language) ?? this.source.title } as DialogSource;
    this.panel.title = clip(this.source.title ?? t('Dialog'), 48);
    if (this.loaded.rawBytes > LARGE_PAYLOAD_BYTES && !this.renderAnyway) {
      void this.openRaw().catch((error: unknown) => this.host.reportError(error));
    }
  }

  private titleText(): string | undefined {
    return (this.loaded ? plainTitle(this.loaded.dialog, this.language) : undefined) ?? this.source.title;
  }

  // ——— messages ———

  private async onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'selectTab':
        this.tab = message.tab;
        return;
      case 'setLanguage':
        if (message.language === this.language) return;
        this.language = message.language;
        this.view.render(true);
        this.embeds.fetchAll();
        return;
      case 'openLink':
        return openCheckedLink(this.owner.services.log, message.href);
      case 'retryEmbed':
        await this.embeds.request(message.url);
        return;
      case 'executeGuiAction':
        await this.executeGuiAction(message.actionId);
        return;
      case 'downloadAttachment':
        return this.actions.download(message);
      case 'command':
        await this.runCommand(message.command);
        return;
    }
  }

  /** A toolbar command, from the panel's buttons or from the editor title / palette while the panel is active. Returns the copied curl for `copyCurl`. */
  async runCommand(command: PanelCommand): Promise<string | void> {
    switch (command) {
      case 'load':
      case 'refresh':
        await this.load(this.loaded ? 'refresh' : 'open');
        return;
      case 'openRaw':
        await this.openRaw();
        return;
      case 'renderAnyway':
        this.renderAnyway = true;
        this.view.render(true);
        this.embeds.fetchAll();
        return;
      case 'toggleRemoteImages':
        this.allowRemoteImages = !this.allowRemoteImages;
        this.embeds.dropContent();
        this.view.render(true);
        // The CSP changes with the toggle, so the page is rebuilt (its state survives through getState).
        this.view.setHtml();
        this.embeds.fetchAll();
        return;
      case 'openInInbox':
        await openInAltinnInbox(this.environment, this.source);
        return;
      case 'copyCurl':
        return vscode.commands.executeCommand<string>('altinnInbox.copyAsCurl', this);
      case 'copyCurlWithToken':
        return vscode.commands.executeCommand<string>('altinnInbox.copyAsCurlWithToken', this);
      case 'showRequest':
        await vscode.commands.executeCommand('altinnInbox.showRequest', this);
        return;
      case 'retryLive':
        this.live.retry();
        return;
    }
  }

  /** Runs a GUI action of the shown dialog: see PanelActions.execute. */
  executeGuiAction(actionId: string): Promise<ActionResult | undefined> {
    return this.actions.execute(actionId);
  }

  private async openRaw(): Promise<void> {
    if (this.loaded) await openRawJson(this.source, this);
  }
}
