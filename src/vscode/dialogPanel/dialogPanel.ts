import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import { plainText, renderContent } from '../../platform/content';
import type { TokenRequestReason } from '../../platform/dialogporten/events';
import { acceptLanguageFor, parseDialogTokenActions, parseDialogportenPayload, type Dialog } from '../../platform/dialogporten';
import { correspondenceContentId } from '../../platform/correspondence';
import type { AltinnEnvironment } from '../../platform/environments';
import { PlatformError } from '../../platform/errors';
import { decodeJwtUnverified } from '../../platform/auth/jwtDecode';
import { redactJwts } from '../../platform/http';
import { isUserCancelled, maskSecrets, UserCancelledError } from '../commands';
import { dialogDetails } from '../dialogDetails/dialogDetails';
import { isDialogTokenFresh } from '../dialogDetails/dialogToken';
import { createApiClients, type ApiClients } from '../inbox/apiClients';
import { adviseOnError } from '../inbox/errorAdvice';
import type { RecordedExchange } from '../payloads/exchangeRecorder';
import { payloadDebugging, type RawSource } from '../payloads/payloadDebugging';
import { redactJsonTokens, type RawRef } from '../payloads/rawJson';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { WebviewHost } from '../webview/webviewHost';
import {
  embedsToFetch, renderDialogBody, renderPlaceholderBody, type ActionResult, type DialogTokenSummary, type EmbedRef, type EmbedState, type Notice, type Translate,
} from './dialogView';
import { DialogLiveUpdates } from './liveUpdates';
import { PANEL_LANGUAGES, parseFromWebview, type FromWebview, type LiveState, type PanelCommand, type PanelLanguage, type PanelTab, type PersistedPanelState, type ToWebview } from './protocol';
import { checkExternalLink, checkTokenTarget, describeResponseBody, findAttachmentUrl, isKnownEmbed } from './safeTargets';

export const DIALOG_PANEL_VIEW_TYPE = 'altinnInbox.dialog';

/** Bigger responses open as plain JSON in an editor instead of being rendered (a webview would freeze). */
export const LARGE_PAYLOAD_BYTES = 2 * 1024 * 1024;

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** Where the panel's dialog comes from. */
export type DialogSource =
  | { readonly kind: 'api'; readonly profile: ConnectionProfile; readonly dialogId: string; readonly partyUrn?: string; readonly title?: string }
  | { readonly kind: 'payload'; readonly uri: vscode.Uri; readonly dialogId: string; readonly title?: string };

export function panelKey(source: { kind: 'api' | 'payload'; dialogId: string; profile?: { id: string }; uri?: vscode.Uri }): string {
  return source.kind === 'api' ? `api:${source.profile?.id ?? ''}:${source.dialogId.toLowerCase()}` : `payload:${source.uri?.toString() ?? ''}:${source.dialogId.toLowerCase()}`;
}

interface Loaded {
  readonly dialog: Dialog;
  readonly rawJson: string;
  readonly rawBytes: number;
  readonly dialogToken?: string;
  readonly fetchedAt: string;
  /** The recorded GET behind it (raw JSON, the request, curl); none for a saved payload. */
  readonly exchange?: RecordedExchange;
}

export interface DialogPanelHost {
  readonly services: ExtensionServices;
  /**
   * Before an Altinn Correspondence message's content is fetched (which marks it as read for the sender): asks on
   * Production, says it once per session elsewhere. Throws UserCancelledError.
   */
  confirmCorrespondenceRead(environment: AltinnEnvironment, title: string | undefined): Promise<void>;
  onDidDispose(panel: DialogPanel): void;
  onDidBecomeActive(panel: DialogPanel): void;
}

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
  private loaded: Loaded | undefined;
  private language: PanelLanguage;
  private tab: PanelTab | undefined;
  private allowRemoteImages = false;
  private renderAnyway = false;
  private readonly embeds = new Map<string, EmbedState>();
  private readonly embedRequests = new Map<string, Promise<void>>();
  /**
   * Correspondence content addresses the user agreed to fetch in this panel, and what they answered. Fetching one
   * marks the message as read, so its text is kept across refreshes and never fetched again by itself.
   */
  private readonly correspondenceConsent = new Set<string>();
  private readonly correspondenceTexts = new Map<string, { readonly text: string; readonly mediaType: string }>();
  private readonly actionResults = new Map<string, ActionResult>();
  private notices: Notice[] = [];
  private readonly live: DialogLiveUpdates;
  /** The dialog token the event stream was last given. */
  private streamToken: string | undefined;
  private bodyHtml: string;
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly owner: DialogPanelHost,
    readonly panel: vscode.WebviewPanel,
    private source: DialogSource,
    restored?: PersistedPanelState,
  ) {
    this.key = panelKey(source.kind === 'api' ? { kind: 'api', dialogId: source.dialogId, profile: source.profile } : { kind: 'payload', dialogId: source.dialogId, uri: source.uri });
    this.language = restored?.language ?? preferredLanguage();
    this.tab = restored?.tab;
    this.live = new DialogLiveUpdates({
      dialogId: source.dialogId,
      log: owner.services.log,
      getToken: (reason, signal) => this.tokenForEvents(reason, signal),
      onEvent: (type) => this.onDialogEvent(type),
      checkForChanges: () => this.checkForChanges(),
      isVisible: () => this.panel.visible,
      onState: (live) => this.post({ type: 'live', live }),
    }, source.kind === 'payload' ? { state: 'off', text: t('Saved payload: no live updates') } : { state: 'off', text: t('Live updates start once the dialog is loaded') });
    this.bodyHtml = renderPlaceholderBody({ title: source.title, kind: 'loading', message: t('Loading the dialog…') });
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
    this.disposables.push(panel.onDidChangeViewState((event) => {
      if (event.webviewPanel.active) owner.onDidBecomeActive(this);
      if (event.webviewPanel.visible) this.live.onVisible();
    }));
    this.setHtml();
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
    return this.bodyHtml;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** After a window reload: show what it was, and fetch only when asked (fetching marks the dialog as seen). */
  showRestored(): void {
    this.showPlaceholder('restored', t('Restored after a reload. Loading fetches the dialog\'s details again, which marks it as seen in Dialogporten.'), [{ id: 'load', label: t('Load the dialog') }]);
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
    clearTimeout(this.renderTimer);
    clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.owner.onDidDispose(this);
    this.host.dispose();
  }

  // ——— loading ———

  private async doLoad(reason: 'open' | 'refresh' | 'token', confirmed: boolean): Promise<void> {
    const { services } = this.owner;
    try {
      if (this.source.kind === 'payload') {
        await this.loadPayload(this.source.uri);
      } else {
        this.clients ??= await createApiClients(services, this.source.profile, { record: payloadDebugging(services).record });
        this.environment = this.clients.environment;
        const details = dialogDetails(services);
        if (!confirmed) await details.confirmMarkSeen(this.environment, this.titleText(), reason);
        const result = await details.fetch(this.source.profile, this.source.dialogId, { signal: this.abort.signal });
        this.setLoaded(result.dialog, result.raw, result.exchange);
        services.log.info(`[dialog panel] fetched dialog ${this.source.dialogId} (revision ${result.dialog.revision}); Dialogporten records this as seen`);
      }
      this.notices = this.notices.filter((notice) => notice.command?.id !== 'refresh' || notice.kind !== 'info');
      this.render(true);
      this.fetchEmbeds(reason === 'open');
      this.ensureSubscription();
    } catch (error) {
      if (this.disposed) return;
      if (isUserCancelled(error) || (error instanceof PlatformError && error.kind === 'cancelled')) {
        if (!this.loaded) this.showPlaceholder('restored', t('Not loaded. Loading fetches the dialog\'s details, which marks it as seen in Dialogporten.'), [{ id: 'load', label: t('Load the dialog') }]);
        throw new UserCancelledError();
      }
      const message = maskSecrets(error instanceof Error ? error.message : String(error));
      services.log.error(`[dialog panel] ${message}`);
      if (this.loaded) {
        this.notices = [{ kind: 'error', text: t('Refreshing failed: {0}', message), command: { id: 'refresh', label: t('Retry') } }];
        this.render(true);
      } else {
        // What failed in words (as the Inbox's error rows say it), then the request and the answer.
        this.showPlaceholder('error', adviseOnError(error, t('the dialog'), vscode.l10n).title, [{ id: 'load', label: t('Retry') }], message);
      }
      throw error;
    }
  }

  private async loadPayload(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText().replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(t('{0} is not valid JSON: {1}', uri.path.split('/').pop() ?? uri.toString(), (error as Error).message), { cause: error });
    }
    const dialog = parseDialogportenPayload('dialog', value);
    this.setLoaded(dialog, text, undefined);
  }

  private setLoaded(dialog: Dialog, raw: string, exchange: RecordedExchange | undefined): void {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = dialog;
    }
    const rawJson = `${JSON.stringify(redactJsonTokens(body), null, 2)}\n`;
    const previous = this.loaded;
    this.loaded = {
      dialog,
      rawJson,
      rawBytes: Buffer.byteLength(raw),
      dialogToken: dialog.dialogToken ?? undefined,
      fetchedAt: new Date().toISOString(),
      exchange,
    };
    // Content may have changed with the revision: fetch the embeds again.
    if (!previous || previous.dialog.revision !== dialog.revision || previous.dialogToken !== this.loaded.dialogToken) {
      this.embeds.clear();
      this.embedRequests.clear();
    }
    this.source = { ...this.source, title: plainTitle(dialog, this.language) ?? this.source.title } as DialogSource;
    this.panel.title = clip(this.source.title ?? t('Dialog'), 48);
    if (this.loaded.rawBytes > LARGE_PAYLOAD_BYTES && !this.renderAnyway) {
      void this.openRaw().catch((error: unknown) => this.reportError(error));
    }
  }

  private titleText(): string | undefined {
    return (this.loaded ? plainTitle(this.loaded.dialog, this.language) : undefined) ?? this.source.title;
  }

  // ——— rendering ———

  private persisted(): PersistedPanelState {
    const base = { v: 1 as const, dialogId: this.source.dialogId, title: this.titleText(), language: this.language, tab: this.tab };
    return this.source.kind === 'api'
      ? { ...base, kind: 'api', profileId: this.source.profile.id, partyUrn: this.source.partyUrn ?? this.loaded?.dialog.party }
      : { ...base, kind: 'payload', payloadUri: this.source.uri.toString() };
  }

  private showPlaceholder(kind: 'loading' | 'error' | 'restored' | 'too-large', message: string, commands: { id: string; label: string }[], detail?: string): void {
    this.bodyHtml = renderPlaceholderBody({ title: this.titleText(), kind, message, detail, commands, environmentLabel: this.environment?.label });
    this.post({ type: 'render', bodyHtml: this.bodyHtml, persisted: this.persisted() });
  }

  /** Builds the body from the current data; `now` skips the debounce (used after fetches and user actions). */
  private render(now = false): void {
    clearTimeout(this.renderTimer);
    if (!now) {
      this.renderTimer = setTimeout(() => this.render(true), 60);
      return;
    }
    if (this.disposed || !this.loaded) return;
    const { loaded } = this;
    if (loaded.rawBytes > LARGE_PAYLOAD_BYTES && !this.renderAnyway) {
      this.showPlaceholder('too-large', t('This dialog\'s JSON is {0} MB, too large to render here without freezing the editor; it was opened as plain JSON instead.', (loaded.rawBytes / (1024 * 1024)).toFixed(1)), [
        { id: 'openRaw', label: t('Open raw JSON') },
        { id: 'renderAnyway', label: t('Render anyway') },
      ]);
      return;
    }
    const environment = this.environment;
    this.bodyHtml = renderDialogBody({
      dialog: loaded.dialog,
      rawJson: loaded.rawJson,
      rawBytes: loaded.rawBytes,
      language: this.language,
      locale: vscode.env.language,
      embeds: this.embeds,
      allowRemoteImages: this.allowRemoteImages,
      environment: environment
        ? { id: environment.id, label: environment.label, isProduction: environment.isProduction, hasInbox: environment.id !== 'sandbox' }
        : { id: 'payload', label: t('Saved payload'), isProduction: false, hasInbox: false },
      source: this.source.kind,
      sourceLabel: this.source.kind === 'payload' ? this.source.uri.path.split('/').pop() : this.source.profile.label,
      live: this.live.state,
      notices: this.notices,
      actionResults: this.actionResults,
      fetchedAt: loaded.fetchedAt,
      token: summariseToken(loaded.dialogToken),
      now: new Date(),
    }, t);
    this.post({ type: 'render', bodyHtml: this.bodyHtml, persisted: this.persisted() });
  }

  private setHtml(): void {
    this.host.show({
      script: 'dialogPanel',
      style: 'dialogPanel',
      title: this.titleText() ?? t('Dialog'),
      bodyHtml: `<main id="dialog-root">${this.bodyHtml}</main>`,
      initialState: { persisted: this.persisted() },
      allowRemoteImages: this.allowRemoteImages,
    });
  }

  private post(message: ToWebview): void {
    if (!this.disposed) this.host.post(message);
  }

  // ——— embeds ———

  /**
   * Fetches the embeds not shown yet. A Correspondence content address is fetched by itself only when the user
   * opens the dialog outside Production (said once per session); otherwise it waits for the user's click.
   */
  private fetchEmbeds(opening = false): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const refs = embedsToFetch(loaded.dialog, this.language);
    for (const ref of refs) {
      if (this.embeds.has(ref.url) && this.embeds.get(ref.url)?.state !== 'error') continue;
      if (this.source.kind === 'payload') {
        this.embeds.set(ref.url, { state: 'not-fetched', reason: t('Front-channel embeds are not fetched for a saved payload: they need a fresh dialog token from Dialogporten. Open the dialog from the Inbox to see this content.') });
        continue;
      }
      if (correspondenceContentId(ref.url)) {
        const kept = this.correspondenceTexts.get(ref.url);
        if (kept) this.showEmbedText(ref.url, kept.text, kept.mediaType);
        else if (this.correspondenceConsent.has(ref.url)) continue; // agreed, but the fetch failed: Retry fetches
        else if (opening && this.environment && !this.environment.isProduction) void this.requestEmbed(ref.url).catch((error: unknown) => this.reportError(error));
        else this.embeds.set(ref.url, { state: 'consent', message: t('This is an Altinn message. Showing its content fetches it from Altinn Correspondence, which marks it as read: the sender will see the message as read.'), action: t('Show the Message') });
        continue;
      }
      this.fetchEmbed(ref);
    }
    this.render(true);
  }

  /**
   * The user asked for an embed (Retry, or "Show the message"). A Correspondence content address is fetched only
   * after confirmCorrespondenceRead; resolves when the content is shown, and quietly when the user declines.
   */
  async requestEmbed(url: string): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || this.source.kind !== 'api' || !isKnownEmbed(loaded.dialog, url, PANEL_LANGUAGES)) return;
    if (correspondenceContentId(url) && !this.correspondenceConsent.has(url)) {
      try {
        await this.owner.confirmCorrespondenceRead(this.environment!, this.titleText());
      } catch (error) {
        if (isUserCancelled(error)) return;
        throw error;
      }
      if (this.disposed || this.loaded !== loaded) return;
      this.correspondenceConsent.add(url);
    }
    const ref = PANEL_LANGUAGES.flatMap((language) => embedsToFetch(loaded.dialog, language)).find((candidate) => candidate.url === url);
    if (!ref) return;
    if (!this.embedRequests.has(url)) {
      this.embeds.delete(url);
      this.fetchEmbed(ref);
      this.render(true);
    }
    await this.embedRequests.get(url);
    this.render(true);
  }

  private showEmbedText(url: string, text: string, mediaType: string): void {
    const rendered = renderContent(text, mediaType, { allowRemoteImages: this.allowRemoteImages });
    const note = correspondenceContentId(url) ? t('Fetching this content marked the message as read in Altinn Correspondence: the sender sees it as read.') : undefined;
    this.embeds.set(url, { state: 'content', html: rendered.html, warnings: rendered.warnings, note });
  }

  private fetchEmbed(ref: EmbedRef): void {
    const { url } = ref;
    const loaded = this.loaded;
    if (!loaded || this.embedRequests.has(url)) return;
    const token = loaded.dialogToken;
    if (!token) {
      this.embeds.set(url, { state: 'error', message: t('the dialog details carried no dialog token') });
      return;
    }
    const target = checkTokenTarget(url);
    if (!target.ok) {
      this.embeds.set(url, { state: 'error', message: target.reason });
      return;
    }
    this.embeds.set(url, { state: 'loading' });
    const request = (async () => {
      try {
        const embed = await this.clients!.dialogporten.fetchFrontChannelEmbed(target.url, token, {
          signal: this.abort.signal,
          declaredMediaType: ref.mediaType,
          acceptLanguage: acceptLanguageFor(this.language),
        });
        if (this.loaded !== loaded) return;
        if (embed.kind === 'empty') {
          this.embeds.set(url, { state: 'empty' });
        } else {
          if (correspondenceContentId(url)) this.correspondenceTexts.set(url, { text: embed.text, mediaType: embed.mediaType });
          this.showEmbedText(url, embed.text, embed.mediaType);
        }
        const read = correspondenceContentId(url) ? ' (Altinn Correspondence records the message as read)' : '';
        const as = embed.kind === 'content' && embed.responseMediaType !== embed.mediaType ? ` as ${embed.mediaType} (declared; the response said ${embed.responseMediaType || 'nothing'})` : '';
        this.owner.services.log.info(`[dialog panel] front-channel embed ${redactJwts(target.url)} → ${embed.kind}${as}${read}`);
      } catch (error) {
        if (this.disposed || this.loaded !== loaded) return;
        const message = maskSecrets(error instanceof Error ? error.message : String(error));
        this.owner.services.log.warn(`[dialog panel] front-channel embed failed: ${message}`);
        this.embeds.set(url, { state: 'error', message });
      } finally {
        if (this.loaded === loaded) this.embedRequests.delete(url);
        this.render();
      }
    })();
    this.embedRequests.set(url, request);
  }

  // ——— live updates ———

  private ensureSubscription(): void {
    if (this.source.kind !== 'api' || !this.environment || !this.loaded) return;
    this.live.ensure(this.environment.dialogportenStreamUrl, this.environment.isProduction);
  }

  /**
   * A dialog token for the event stream: the newest one we have while it is fresh and not the one the stream
   * just had trouble with; otherwise the dialog is fetched again (Dialogporten hands tokens out with the details).
   */
  private async tokenForEvents(reason: TokenRequestReason, signal: AbortSignal): Promise<string> {
    const current = this.loaded?.dialogToken;
    const fresh = isDialogTokenFresh(current);
    const usable = fresh && (reason === 'initial' || reason === 'reconnect' || current !== this.streamToken);
    if (usable) {
      this.streamToken = current;
      return current;
    }
    if (this.environment?.isProduction) {
      // Fetching again would mark the dialog as seen without asking: pause instead.
      throw new Error(t('Live updates paused: the dialog token expired. Refresh to resume (it fetches the dialog again).'));
    }
    if (signal.aborted) throw new UserCancelledError();
    await this.load('token');
    const token = this.loaded?.dialogToken;
    if (!token) throw new Error(t('The dialog details carried no dialog token.'));
    this.streamToken = token;
    return token;
  }

  private onDialogEvent(type: string): void {
    const time = new Date().toLocaleTimeString(vscode.env.language);
    if (type === 'DIALOG_DELETED') {
      this.notices = [{ kind: 'warning', text: t('The service owner deleted this dialog ({0}). You are looking at the last version that was fetched.', time) }];
      this.owner.services.log.info(`[dialog events] dialog ${this.source.dialogId} was deleted`);
      this.render(true);
      return;
    }
    if (type !== 'DIALOG_UPDATED') return;
    this.owner.services.log.info(`[dialog events] dialog ${this.source.dialogId} was updated`);
    if (this.environment?.isProduction) {
      this.notices = [{ kind: 'info', text: t('The dialog was updated ({0}). Refreshing fetches it again, which marks it as seen.', time), command: { id: 'refresh', label: t('Refresh') } }];
      this.render(true);
      return;
    }
    // Several events in a row (a service owner adding a transmission and an activity) give one refresh.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.load('refresh').catch((error: unknown) => {
        if (!isUserCancelled(error)) this.owner.services.log.warn(`[dialog events] refresh after an update failed: ${(error as Error).message}`);
      });
    }, 300);
  }

  /** Connects the event stream again (the panel's Retry). */
  private retryLive(): void {
    if (this.source.kind !== 'api' || !this.environment || !this.loaded) return;
    this.live.retry(this.environment.dialogportenStreamUrl, this.environment.isProduction);
  }

  /**
   * Whether the dialog changed since the version shown, through the dialog search (party, service resource,
   * updated after that version), which, unlike fetching the details, does not mark the dialog as seen.
   */
  private async checkForChanges(): Promise<boolean> {
    const loaded = this.loaded;
    const clients = this.clients;
    if (!loaded || !clients || this.disposed) return false;
    const dialog = loaded.dialog;
    const page = await clients.dialogporten.searchDialogs({ party: [dialog.party], serviceResource: [dialog.serviceResource], updatedAfter: dialog.updatedAt, limit: 1000 }, { signal: this.abort.signal });
    const item = page.items.find((candidate) => candidate.id.toLowerCase() === dialog.id.toLowerCase());
    return !this.disposed && this.loaded === loaded && item !== undefined && Date.parse(item.updatedAt) > Date.parse(dialog.updatedAt);
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
        this.render(true);
        this.fetchEmbeds();
        return;
      case 'openLink':
        return this.openLink(message.href);
      case 'retryEmbed':
        await this.requestEmbed(message.url);
        return;
      case 'executeGuiAction':
        await this.executeGuiAction(message.actionId);
        return;
      case 'downloadAttachment':
        return this.downloadAttachment(message.attachmentId, message.url);
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
        this.render(true);
        this.fetchEmbeds();
        return;
      case 'toggleRemoteImages':
        this.allowRemoteImages = !this.allowRemoteImages;
        for (const [url, state] of this.embeds) if (state.state === 'content') this.embeds.delete(url);
        this.embedRequests.clear();
        this.render(true);
        // The CSP changes with the toggle, so the page is rebuilt (its state survives through getState).
        this.setHtml();
        this.fetchEmbeds();
        return;
      case 'openInInbox':
        await this.openInInbox();
        return;
      case 'copyCurl':
        return vscode.commands.executeCommand<string>('altinnInbox.copyAsCurl', this);
      case 'copyCurlWithToken':
        return vscode.commands.executeCommand<string>('altinnInbox.copyAsCurlWithToken', this);
      case 'showRequest':
        await vscode.commands.executeCommand('altinnInbox.showRequest', this);
        return;
      case 'retryLive':
        this.retryLive();
        return;
    }
  }

  private async openLink(href: string): Promise<void> {
    const check = checkExternalLink(href);
    if (!check.ok) {
      this.owner.services.log.warn(`[dialog panel] link not opened (${check.reason}): ${redactJwts(href).slice(0, 200)}`);
      void vscode.window.showWarningMessage(t('The link was not opened: {0}.', check.reason));
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(check.url, true));
  }

  private async openInInbox(): Promise<void> {
    if (!this.environment || this.environment.id === 'sandbox') {
      throw new Error(this.source.kind === 'payload' ? t('A saved payload has no place in the Altinn inbox.') : t('The sandbox has no web inbox; its dialogs exist only on this machine.'));
    }
    const url = `${this.environment.inboxUrl.replace(/\/+$/, '')}/inbox/${encodeURIComponent(this.source.dialogId)}`;
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  /** The response JSON in an editor beside the panel: the recorded exchange, or a saved payload's own file. */
  private async openRaw(): Promise<void> {
    if (!this.loaded) return;
    if (this.source.kind === 'payload') {
      await vscode.window.showTextDocument(this.source.uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return;
    }
    await vscode.commands.executeCommand('altinnInbox.showRawJson', this);
  }

  /**
   * Runs a GUI action after a confirmation: GET opens the address in the browser (without the token), other
   * methods are sent with the dialog token and the answer is shown under the action. Returns what happened.
   */
  async executeGuiAction(actionId: string): Promise<ActionResult | undefined> {
    const { services } = this.owner;
    const loaded = this.loaded;
    if (!loaded) throw new Error(t('The dialog is not loaded yet.'));
    if (this.source.kind !== 'api') throw new Error(t('Actions run only on dialogs fetched from Dialogporten, not on saved payloads.'));
    const action = (loaded.dialog.guiActions ?? []).find((candidate) => candidate.id.toLowerCase() === actionId.toLowerCase());
    if (!action) throw new Error(t('This dialog has no action {0}.', actionId));
    if (action.isAuthorized === false) throw new Error(t('You are not authorised for this action.'));
    const target = checkTokenTarget(action.url);
    if (!target.ok) throw new Error(t('The action was not run: {0}.', target.reason));
    const method = (action.httpMethod ?? 'GET').toUpperCase();
    const title = pickTitle(action.title, this.language) ?? action.action;
    const prompt = pickTitle(action.prompt, this.language);
    const production = this.environment?.isProduction ? t('This is Production: the action acts for a real party. ') : '';
    const detail = method === 'GET'
      ? `${production}${t('Opens {0} in your browser. The dialog token is not sent.', target.url)}`
      : `${production}${t('Sends {0} {1} with the dialog token as Bearer. The service owner may change or delete the dialog.', method, target.url)}${action.isDeleteDialogAction ? ` ${t('This action deletes the dialog.')}` : ''}`;
    const question = prompt ? `${title}: ${prompt}` : t('Run "{0}"?', title);
    // On Production the headline says so too, like every other Production question.
    const message = this.environment?.isProduction ? t('Production: {0}', question) : question;
    await services.prompts().confirm(message, detail, method === 'GET' ? t('Open in Browser') : t('Send {0}', method));
    const at = new Date().toISOString();
    if (method === 'GET') {
      await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
      const result: ActionResult = { method, url: target.url, at, openedExternally: true };
      this.actionResults.set(action.id, result);
      this.render(true);
      return result;
    }
    const token = await this.freshToken(loaded.dialogToken);
    const result = await withCancellableProgress(t('{0} {1}…', method, title), async (signal) => {
      try {
        const response = await services.http.send({ method, url: target.url, retry: false, signal, headers: { authorization: `Bearer ${token}`, accept: 'application/json, text/plain;q=0.9, */*;q=0.5' } });
        const body = describeResponseBody(response.body, response.headers['content-type']);
        return { method, url: target.url, status: response.status, contentType: response.headers['content-type'], body: body.text, truncated: body.truncated, at } satisfies ActionResult;
      } catch (error) {
        if (error instanceof PlatformError && error.kind === 'cancelled') throw new UserCancelledError();
        return { method, url: target.url, error: maskSecrets((error as Error).message), at } satisfies ActionResult;
      }
    }, this.abort.signal);
    services.log.info(`[dialog panel] GUI action ${method} ${redactJwts(target.url)} → ${result.status ?? result.error}`);
    this.actionResults.set(action.id, result);
    this.render(true);
    return result;
  }

  private async downloadAttachment(attachmentId: string, url: string): Promise<void> {
    const { services } = this.owner;
    const loaded = this.loaded;
    if (!loaded) return;
    const found = findAttachmentUrl(loaded.dialog, attachmentId, url);
    if (!found) {
      services.log.warn('[dialog panel] refused to download an address that is not an attachment of this dialog');
      return;
    }
    const target = checkTokenTarget(found.url);
    if (!target.ok) throw new Error(t('The attachment was not downloaded: {0}.', target.reason));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const destination = await services.prompts().saveFile({ title: t('Save attachment'), defaultUri: folder ? vscode.Uri.joinPath(folder, found.name) : undefined, saveLabel: t('Save') });
    const token = this.source.kind === 'api' ? await this.freshToken(loaded.dialogToken) : loaded.dialogToken;
    const bytes = await withCancellableProgress(t('Downloading {0}…', found.name), async (signal) => {
      try {
        const headers: Record<string, string> = { accept: found.mediaType ?? '*/*' };
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await services.http.request({ method: 'GET', url: target.url, signal, headers, timeoutMs: 120_000 });
        return response.body;
      } catch (error) {
        if (error instanceof PlatformError && error.kind === 'cancelled') throw new UserCancelledError();
        throw error;
      }
    });
    await vscode.workspace.fs.writeFile(destination, bytes);
    services.log.info(`[dialog panel] saved attachment ${found.name} (${bytes.length} bytes)`);
    const open = t('Open');
    void vscode.window.showInformationMessage(t('Saved {0} ({1} bytes).', destination.path.split('/').pop() ?? found.name, bytes.length), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', destination);
    });
  }

  /** The dialog token while fresh, else one from fetching the dialog again (which asks first on Production). */
  private freshToken(current: string | undefined): Promise<string> {
    return dialogDetails(this.owner.services).freshToken(current, async () => {
      await this.load('token');
      return this.loaded?.dialogToken;
    });
  }

  private reportError(error: unknown): void {
    this.host.reportError(error);
  }

}

function preferredLanguage(): PanelLanguage {
  const language = vscode.env.language.toLowerCase();
  if (language.startsWith('nn')) return 'nn';
  if (language.startsWith('nb') || language.startsWith('no')) return 'nb';
  return 'en';
}

function pickTitle(values: readonly { value: string; languageCode: string }[] | null | undefined, language: PanelLanguage): string | undefined {
  const all = values ?? [];
  const picked = all.find((v) => v.languageCode.toLowerCase().startsWith(language)) ?? all.find((v) => v.languageCode.toLowerCase().startsWith('nb')) ?? all[0];
  return picked?.value.replace(/\s+/g, ' ').trim() || undefined;
}

/** The title as plain text (markup removed the same way as in the panel's header). */
function plainTitle(dialog: Dialog, language: PanelLanguage): string | undefined {
  const raw = pickTitle(dialog.content.title.value, language);
  if (!raw) return undefined;
  return plainText(raw.slice(0, 4096), dialog.content.title.mediaType).replace(/\s+/g, ' ').trim() || undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The dialog token's claims worth showing (never the token). */
function summariseToken(token: string | undefined): DialogTokenSummary | undefined {
  if (!token) return undefined;
  try {
    const { claims } = decodeJwtUnverified(token);
    return {
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
      actions: typeof claims.a === 'string' ? parseDialogTokenActions(claims.a).map((a) => (a.resource ? `${a.action} (${a.resource})` : a.action)) : [],
      authenticatedParty: typeof claims.c === 'string' ? claims.c : undefined,
      authLevel: typeof claims.l === 'number' ? claims.l : undefined,
      issuer: typeof claims.iss === 'string' ? claims.iss : undefined,
    };
  } catch {
    return undefined;
  }
}
