import * as vscode from 'vscode';
import { JwksVerifier, trustedIssuersFor, type TrustedIssuer } from '../../platform/auth';
import { ENVIRONMENT_IDS, resolveEnvironment, type EnvironmentId } from '../../platform/environments';
import type { ExtensionServices } from '../services';
import { createWebviewPanel, WebviewHost } from '../webview/webviewHost';
import { parseFromWebview, type FromWebview, type ToWebview, type VerdictView } from './protocol';
import { renderInspectorBody, verdictView, type InspectorModel } from './tokenInspectorModel';

export const TOKEN_INSPECTOR_VIEW_TYPE = 'altinnInbox.tokenInspector';

/**
 * One read-only panel showing a decoded token. It never receives the token: only the decoded model's HTML,
 * the verdict, and (on request) the decoded JSON is copied or opened by the extension host.
 */
export class TokenInspectorPanel implements vscode.Disposable {
  private static current: TokenInspectorPanel | undefined;
  private readonly host: WebviewHost<ToWebview, FromWebview>;
  private verdict: VerdictView;
  /** The model as shown (a verdict for an earlier token must not land on a later one). */
  private shown: InspectorModel | undefined;

  private constructor(
    panel: vscode.WebviewPanel,
    private model: InspectorModel,
    services: ExtensionServices,
  ) {
    this.verdict = model.verdict;
    this.shown = model;
    this.host = new WebviewHost<ToWebview, FromWebview>(panel, {
      name: 'token inspector',
      extensionUri: services.context.extensionUri,
      log: services.log,
      parse: parseFromWebview,
      onMessage: (message) => this.onMessage(message),
      latestOnly: ['verdict'],
      onDidDispose: () => this.dispose(),
    });
    this.render();
  }

  static show(services: ExtensionServices, model: InspectorModel): TokenInspectorPanel {
    const existing = TokenInspectorPanel.current;
    if (existing) {
      existing.model = model;
      existing.shown = model;
      existing.verdict = model.verdict;
      existing.render();
      existing.host.panel.reveal(undefined, false);
      return existing;
    }
    const panel = createWebviewPanel(
      TOKEN_INSPECTOR_VIEW_TYPE,
      vscode.l10n.t('Token Inspector'),
      services.context.extensionUri,
      vscode.ViewColumn.Active,
    );
    TokenInspectorPanel.current = new TokenInspectorPanel(panel, model, services);
    return TokenInspectorPanel.current;
  }

  /** Posts the verdict once the signature check is done (also kept for a webview that reloads). */
  setVerdict(forModel: InspectorModel, verdict: VerdictView): void {
    if (forModel !== this.shown) return;
    this.verdict = verdict;
    this.model = { ...this.model, verdict };
    this.host.post({ type: 'verdict', verdict });
  }

  get title(): string {
    return this.host.panel.title;
  }

  private render(): void {
    this.host.panel.title = vscode.l10n.t('Token: {0}', this.model.kindLabel);
    this.host.show({
      script: 'tokenInspector',
      style: 'tokenInspector',
      title: this.host.panel.title,
      bodyHtml: renderInspectorBody(this.model),
    });
    // Waits for the page's script (the ready handshake).
    this.host.post({ type: 'verdict', verdict: this.verdict });
  }

  private async onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'copyJson':
        await vscode.env.clipboard.writeText(this.model.json);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Copied the decoded header and claims as JSON (not the token).'),
        );
        return;
      case 'openJson': {
        const document = await vscode.workspace.openTextDocument({ language: 'json', content: this.model.json });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return;
      }
    }
  }

  dispose(): void {
    if (this.host.isDisposed) return;
    if (TokenInspectorPanel.current === this) TokenInspectorPanel.current = undefined;
    this.shown = undefined;
    this.host.dispose();
  }
}

/**
 * Issuers whose keys the inspector may fetch: the given environment's, or (for a token from elsewhere) every
 * real environment's and the running sandbox's. Never an address taken from the token itself.
 */
export async function trustedIssuers(
  services: ExtensionServices,
  environment?: EnvironmentId,
): Promise<TrustedIssuer[]> {
  const custom = vscode.workspace
    .getConfiguration('altinnInbox')
    .get<Record<string, Record<string, string>>>('customBaseUrls', {});
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

export async function verifySignature(
  services: ExtensionServices,
  token: string,
  environment: EnvironmentId | undefined,
  signal?: AbortSignal,
): Promise<VerdictView> {
  const verifier = new JwksVerifier(services.http, await trustedIssuers(services, environment));
  return verdictView(await verifier.verify(token, { signal, timeoutMs: 8000 }));
}
