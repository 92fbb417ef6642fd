import * as vscode from 'vscode';
import { redactUrl, toCurl } from '../../platform/http';
import { resolveProfile } from '../shared/apiClients';
import type { ExtensionServices } from '../services';
import { ExchangeStore, type ExchangeSink, type RecordedExchange } from '../shared/exchangeRecorder';
import { rawJsonText, requestText, type JsonPointer, type RawRef } from './rawJson';

export const RAW_SCHEME = 'altinn-raw';

/** Anything that can say where its data came from: tree nodes, panels, or a plain `{ exchangeId, pointer }`. */
export interface RawSource {
  readonly raw?: RawRef;
  /** A short name for the editor tab, e.g. the dialog's title. */
  readonly rawTitle?: string;
  /** Open its raw JSON beside it (a webview panel) rather than in its place. */
  readonly rawBeside?: boolean;
}

/**
 * Payload debugging for every view: the exchanges recorded in this window, read-only `altinn-raw:` documents with
 * the exact responses and the requests behind them, and curl commands. One instance per extension (see payloadDebugging()).
 */
export class PayloadDebugging implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly store = new ExchangeStore();
  /** Pass as `record` to createApiClients(); returns the stored exchange. */
  readonly record: ExchangeSink = (exchange) => this.store.add(exchange);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly activeSources = new Set<() => RawSource | undefined>();

  constructor(private readonly services: ExtensionServices) {}

  /** `altinn-raw:/<exchange>/<title>.json?<pointer>`: the value at `pointer` in that response. */
  rawUri(ref: RawRef, title = 'response'): vscode.Uri {
    return vscode.Uri.from({
      scheme: RAW_SCHEME,
      path: `/${ref.exchangeId}/${fileName(title)}.json`,
      query: encodeURIComponent(JSON.stringify(ref.pointer)),
    });
  }

  requestUri(exchangeId: string, title = 'request'): vscode.Uri {
    return vscode.Uri.from({ scheme: RAW_SCHEME, path: `/${exchangeId}/${fileName(title)}.http` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const [, exchangeId] = uri.path.split('/');
    const exchange = this.store.get(exchangeId);
    if (!exchange) {
      return vscode.l10n.t(
        'This response is no longer kept (only the most recent ones are). Refresh the item in the Inbox and open it again.',
      );
    }
    if (uri.path.endsWith('.http')) return requestText(exchange);
    return rawJsonText(exchange, pointerOf(uri));
  }

  async showRaw(ref: RawRef, title?: string, beside = false): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.rawUri(ref, title));
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(document, {
      preview: true,
      preserveFocus: false,
      viewColumn: beside ? vscode.ViewColumn.Beside : undefined,
    });
  }

  /**
   * Views that are not text editors (the dialog panel) say which source is active, so the payload commands from
   * the editor title or the palette act on it.
   */
  registerActiveSource(find: () => RawSource | undefined): vscode.Disposable {
    this.activeSources.add(find);
    return new vscode.Disposable(() => this.activeSources.delete(find));
  }

  /** The source of the active non-text view, if one registered itself. */
  activeSource(): RawSource | undefined {
    for (const find of this.activeSources) {
      const source = find();
      if (source) return source;
    }
    return undefined;
  }

  async showRequest(exchangeId: string, title?: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.requestUri(exchangeId, title));
    return vscode.window.showTextDocument(document, { preview: true });
  }

  /** The request as a curl command. With the token only after an explicit warning; the token is fetched fresh, never stored. */
  async curlFor(exchange: RecordedExchange, options: { includeToken: boolean }): Promise<string> {
    const request = {
      method: exchange.method,
      url: exchange.url,
      headers: { ...exchange.requestHeaders },
      body: exchange.requestBody,
    };
    if (!options.includeToken) return toCurl(request, { includeToken: false });
    if (!exchange.profileId)
      throw new Error(
        vscode.l10n.t('This request was sent without a connection profile, so there is no token to include.'),
      );
    const profile = resolveProfile(this.services, exchange.profileId);
    await this.services
      .prompts()
      .confirm(
        vscode.l10n.t('Copy a curl command that contains a live access token?'),
        vscode.l10n.t(
          'Anyone who gets this command can call Altinn as "{0}" until the token expires. Do not paste it into chats, tickets, commits or shared files. The default "Copy as curl" puts $TOKEN in its place.',
          profile.label,
        ),
        vscode.l10n.t('Copy with Token'),
      );
    const provider = await this.services.connections.tokenProvider(profile, exchange.audience ?? 'maskinporten');
    const token = await provider.getToken();
    const authorization =
      Object.keys(request.headers).find((name) => name.toLowerCase() === 'authorization') ?? 'authorization';
    request.headers[authorization] = `Bearer ${token}`;
    return toCurl(request, { includeToken: true });
  }

  /** Lets the user pick one of the recent exchanges (newest first). */
  async pickExchange(title: string): Promise<RecordedExchange> {
    const items = this.store
      .list()
      .reverse()
      .map((exchange) => ({
        label: `${exchange.method} ${shortUrl(exchange.url)}`,
        description: `${exchange.status ?? exchange.error ?? '?'} · ${exchange.durationMs} ms · ${new Date(exchange.startedAt).toLocaleTimeString()}`,
        exchange,
      }));
    if (items.length === 0)
      throw new Error(
        vscode.l10n.t('No API requests have been made in this window yet. Expand something in the Inbox first.'),
      );
    return (
      await this.services
        .prompts()
        .pick(items, { title, placeHolder: vscode.l10n.t('Pick a recent request'), matchOnDescription: true })
    ).exchange;
  }

  dispose(): void {
    this.changed.dispose();
    this.store.clear();
  }
}

const instances = new WeakMap<ExtensionServices, PayloadDebugging>();

/** The one PayloadDebugging of this extension (created and registered on first use). */
export function payloadDebugging(services: ExtensionServices): PayloadDebugging {
  let instance = instances.get(services);
  if (!instance) {
    instance = new PayloadDebugging(services);
    instances.set(services, instance);
    services.context.subscriptions.push(
      instance,
      vscode.workspace.registerTextDocumentContentProvider(RAW_SCHEME, instance),
    );
  }
  return instance;
}

function pointerOf(uri: vscode.Uri): JsonPointer {
  try {
    const parsed: unknown = uri.query ? JSON.parse(decodeURIComponent(uri.query)) : [];
    return Array.isArray(parsed) ? (parsed as JsonPointer) : [];
  } catch {
    return [];
  }
}

function fileName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|#%?\s]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'response'
  );
}

function shortUrl(url: string): string {
  const redacted = redactUrl(url);
  try {
    const parsed = new URL(redacted);
    return `${parsed.pathname}${parsed.search}`.slice(0, 120);
  } catch {
    return redacted.slice(0, 120);
  }
}
