import { randomBytes } from 'node:crypto';

export interface WebviewShell {
  /** `webview.cspSource` of the panel. */
  readonly cspSource: string;
  readonly title: string;
  /** URIs already passed through `webview.asWebviewUri`. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Sanitised HTML for the body; everything a service owner wrote must have been sanitised before it gets here. */
  readonly bodyHtml: string;
  /** JSON-serialisable initial state for the script, embedded as inert data (not executed). */
  readonly initialState?: unknown;
  /** Allow https images (off by default: remote images leak that a message was read). */
  readonly allowRemoteImages?: boolean;
  readonly nonce?: string;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The panel's Content-Security-Policy: nothing by default, our nonce'd script, our styles, local images. */
export function contentSecurityPolicy(cspSource: string, nonce: string, allowRemoteImages = false): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:${allowRemoteImages ? ' https:' : ''}`,
    `font-src ${cspSource}`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** JSON that is safe inside a <script type="application/json"> element (no `</script>` break-out). */
export function inertJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderWebviewShell(shell: WebviewShell): string {
  const nonce = shell.nonce ?? createNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(shell.cspSource, nonce, shell.allowRemoteImages))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(shell.styleUri)}">
<title>${escapeHtml(shell.title)}</title>
</head>
<body>
${shell.bodyHtml}
<script type="application/json" id="initial-state">${inertJson(shell.initialState)}</script>
<script nonce="${nonce}" src="${escapeHtml(shell.scriptUri)}"></script>
</body>
</html>`;
}
