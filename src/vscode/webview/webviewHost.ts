import * as vscode from 'vscode';
import { reportError } from '../commands';
import { MessageQueue } from './messageQueue';
import { renderWebviewShell } from './webviewHtml';

/** What every webview of this extension may do: run our bundled script, load our styles and images; no command: links. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

/** A webview panel with those options (and the find widget). */
export function createWebviewPanel(
  viewType: string,
  title: string,
  extensionUri: vscode.Uri,
  column: vscode.ViewColumn,
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: column, preserveFocus: false },
    { ...webviewOptions(extensionUri), enableFindWidget: true },
  );
}

export interface WebviewHostOptions<To extends { readonly type: string }, From extends { readonly type: string }> {
  /** In log lines and error reports, e.g. `dialog panel`. */
  readonly name: string;
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** Checks a message from the webview (less trusted than the host); undefined drops it. */
  readonly parse: (message: unknown) => From | undefined;
  /** A checked message other than `ready`. A failure is reported like a command's (see reportError). */
  readonly onMessage: (message: Exclude<From, { readonly type: 'ready' }>) => unknown;
  /** Message types of which only the newest matters while the page starts (see MessageQueue). */
  readonly latestOnly?: readonly To['type'][];
  /** The user closed the panel (or it was disposed). */
  readonly onDidDispose: () => void;
}

/** The page a webview shows: our script `dist/webview/<script>.js`, our style `media/<style>.css`, and a sanitised body. */
export interface WebviewPage {
  readonly script: string;
  readonly style: string;
  readonly title: string;
  readonly bodyHtml: string;
  readonly initialState?: unknown;
  readonly allowRemoteImages?: boolean;
}

/**
 * The extension side of a webview panel: its options, the page, the ready handshake (messages wait until the
 * script listens), checking every incoming message, reporting failures through the command wrapper's policy,
 * and disposal. The webview side is src/webview/shared/extensionChannel.ts.
 */
export class WebviewHost<To extends { readonly type: string }, From extends { readonly type: string }>
  implements vscode.Disposable
{
  private readonly queue: MessageQueue<To>;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: WebviewHostOptions<To, From>,
  ) {
    // Also for a panel VS Code restored after a reload, which comes with the options it had then.
    panel.webview.options = webviewOptions(options.extensionUri);
    this.queue = new MessageQueue<To>((message) => void panel.webview.postMessage(message), options.latestOnly);
    this.disposables.push(
      panel.onDidDispose(() => options.onDidDispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Shows a new page; messages wait until its script is ready. */
  show(page: WebviewPage): void {
    if (this.disposed) return;
    const webview = this.panel.webview;
    const resource = (...path: string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, ...path)).toString();
    this.queue.reset();
    webview.html = renderWebviewShell({
      cspSource: webview.cspSource,
      title: page.title,
      scriptUri: resource('dist', 'webview', `${page.script}.js`),
      styleUri: resource('media', `${page.style}.css`),
      bodyHtml: page.bodyHtml,
      initialState: page.initialState,
      allowRemoteImages: page.allowRemoteImages,
    });
  }

  post(message: To): void {
    if (!this.disposed) this.queue.post(message);
  }

  /** Runs work the user asked for outside a command (a button in the page), reporting its failure like a command's. */
  run(work: () => unknown): void {
    void (async () => work())().catch((error: unknown) => this.reportError(error));
  }

  reportError(error: unknown): void {
    reportError({ log: this.options.log }, this.options.name, error);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private receive(raw: unknown): void {
    const message = this.options.parse(raw);
    if (!message) {
      this.options.log.warn(`[${this.options.name}] ignored a malformed message from the webview`);
      return;
    }
    if (message.type === 'ready') {
      this.queue.markReady();
      return;
    }
    this.run(() => this.options.onMessage(message as Exclude<From, { readonly type: 'ready' }>));
  }
}
