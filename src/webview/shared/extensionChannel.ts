/**
 * The webview side of the webview base (src/vscode/webview/webviewHost.ts): the typed handle to the extension, the
 * messages from it, and the ready handshake (the host queues its messages until `ready`). Browser-only.
 */

export interface ExtensionChannel<FromWebview, State> {
  postMessage(message: FromWebview): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): ExtensionChannel<unknown, unknown>;

/** The page's channel to the extension (VS Code hands it out once per page). */
export function connectToExtension<FromWebview extends { readonly type: string }, State>(): ExtensionChannel<
  FromWebview,
  State
> {
  return acquireVsCodeApi() as ExtensionChannel<FromWebview, State>;
}

/** Calls `handle` with each message from the extension that has a `type`; anything else is dropped. */
export function onExtensionMessage<ToWebview extends { readonly type: string }>(
  handle: (message: ToWebview) => void,
): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (message && typeof message === 'object' && typeof (message as { type?: unknown }).type === 'string')
      handle(message as ToWebview);
  });
}

/** Tells the extension the page listens now: it sends what it queued. Call once every listener is in place. */
export function announceReady(channel: ExtensionChannel<{ readonly type: 'ready' }, unknown>): void {
  channel.postMessage({ type: 'ready' });
}
