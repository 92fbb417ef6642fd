import * as vscode from 'vscode';
import { JwksVerifier, trustedIssuersFor, type TrustedIssuer } from '../../platform/auth';
import { ENVIRONMENT_IDS, resolveEnvironment, type EnvironmentId } from '../../platform/environments';
import type { ExtensionServices } from '../services';
import { renderWebviewShell } from '../webview/webviewHtml';
import type { FromWebview, ToWebview, VerdictView } from './protocol';
import { renderInspectorBody, verdictView, type InspectorModel } from './tokenInspectorModel';

export const TOKEN_INSPECTOR_VIEW_TYPE = 'altinnInbox.tokenInspector';

/**
 * One read-only panel showing a decoded token. It never receives the token: only the decoded model's HTML,
 * the verdict, and (on request) the decoded JSON is copied or opened by the extension host.
 */
export class TokenInspectorPanel implements vscode.Disposable {
  private static current: TokenInspectorPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private verdict: VerdictView;
  private ready = false;
  private disposed = false;
  /** The model as shown (a verdict for an earlier token must not land on a later one). */
  private shown: InspectorModel;

  private constructor(private readonly panel: vscode.WebviewPanel, private model: InspectorModel, private readonly services: ExtensionServices) {
    this.verdict = model.verdict;
    this.shown = model;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
    );
    this.render();
  }

  static show(services: ExtensionServices, model: InspectorModel): TokenInspectorPanel {
    const existing = TokenInspectorPanel.current;
    if (existing) {
      existing.model = model;
      existing.shown = model;
      existing.verdict = model.verdict;
      existing.render();
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const extensionUri = services.context.extensionUri;
    const panel = vscode.window.createWebviewPanel(TOKEN_INSPECTOR_VIEW_TYPE, vscode.l10n.t('Token Inspector'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    TokenInspectorPanel.current = new TokenInspectorPanel(panel, model, services);
    return TokenInspectorPanel.current;
  }

  /** Posts the verdict once the signature check is done (also kept for a webview that reloads). */
  setVerdict(forModel: InspectorModel, verdict: VerdictView): void {
    if (forModel !== this.shown) return;
    this.verdict = verdict;
    this.model = { ...this.model, verdict };
    if (this.ready) void this.post({ type: 'verdict', verdict });
  }

  get title(): string {
    return this.panel.title;
  }

  private render(): void {
    const webview = this.panel.webview;
    const extensionUri = this.services.context.extensionUri;
    this.ready = false;
    this.panel.title = vscode.l10n.t('Token: {0}', this.model.kindLabel);
    webview.html = renderWebviewShell({
      cspSource: webview.cspSource,
      title: this.panel.title,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'tokenInspector.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'tokenInspector.css')).toString(),
      bodyHtml: renderInspectorBody(this.model),
    });
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        await this.post({ type: 'verdict', verdict: this.verdict });
        return;
      case 'copyJson':
        await vscode.env.clipboard.writeText(this.model.json);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the decoded header and claims as JSON (not the token).'));
        return;
      case 'openJson': {
        const document = await vscode.workspace.openTextDocument({ language: 'json', content: this.model.json });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return;
      }
    }
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (TokenInspectorPanel.current === this) TokenInspectorPanel.current = undefined;
    this.ready = false;
    this.shown = undefined as unknown as InspectorModel;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/**
 * Issuers whose keys the inspector may fetch: the given environment's, or (for a token from elsewhere) every
 * real environment's and the running sandbox's. Never an address taken from the token itself.
 */
export async function trustedIssuers(services: ExtensionServices, environment?: EnvironmentId): Promise<TrustedIssuer[]> {
  const custom = vscode.workspace.getConfiguration('altinnInbox').get<Record<string, Record<string, string>>>('customBaseUrls', {});
  const ids = environment ? [environment] : ENVIRONMENT_IDS;
  const issuers: TrustedIssuer[] = [];
  for (const id of ids) {
    if (id === 'sandbox') {
      const running = environment === 'sandbox' ? await services.sandbox.ensureStarted() : services.sandbox.running;
      if (running) issuers.push(...trustedIssuersFor(resolveEnvironment('sandbox', running.urls)));
      continue;
    }
    try {
      issuers.push(...trustedIssuersFor(resolveEnvironment(id, custom[id] ?? {})));
    } catch (error) {
      services.log.warn(`[token inspector] ${id}: ${(error as Error).message}`);
    }
  }
  const seen = new Set<string>();
  return issuers.filter((issuer) => !seen.has(issuer.issuer) && seen.add(issuer.issuer));
}

export async function verifySignature(services: ExtensionServices, token: string, environment: EnvironmentId | undefined, signal?: AbortSignal): Promise<VerdictView> {
  const verifier = new JwksVerifier(services.http, await trustedIssuers(services, environment));
  return verdictView(await verifier.verify(token, { signal, timeoutMs: 8000 }));
}
