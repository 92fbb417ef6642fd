import assert from 'node:assert/strict';
import { contentSecurityPolicy, inertJson, renderWebviewShell } from '../../../src/vscode/webview/webviewHtml';

describe('webview shell', () => {
  const shell = {
    cspSource: 'https://example.vscode-cdn.net',
    title: 'A <b>title</b>',
    scriptUri: 'https://example.vscode-cdn.net/dist/webview/dialog.js',
    styleUri: 'https://example.vscode-cdn.net/media/webview.css',
    bodyHtml: '<main>body</main>',
    initialState: { title: '</script><script>alert(1)</script>' },
  };

  it("blocks everything but our nonce'd script, our styles and local images", () => {
    const csp = contentSecurityPolicy('vscode-src', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:/);
    assert.match(contentSecurityPolicy('vscode-src', 'abc', true), /img-src vscode-src data: https:/);
  });

  it('gives every script the per-render nonce and no other script runs', () => {
    const html = renderWebviewShell(shell).replace(/&#39;/g, "'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a long random nonce');
    const executable = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>/g)].map((m) => m[0]);
    assert.equal(executable.length, 1);
    assert.ok(executable[0].includes(`nonce="${nonce}"`));
    assert.notEqual(
      nonce,
      /script-src &#39;nonce-([^&]+)&#39;/.exec(renderWebviewShell(shell))?.[1],
      'fresh nonce per render',
    );
  });

  it('embeds state as inert JSON that cannot close its script element', () => {
    const html = renderWebviewShell(shell);
    assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two real closing tags');
    assert.deepEqual(JSON.parse(inertJson({ a: '</script>&\u2028' })), { a: '</script>&\u2028' });
    assert.match(html, /<title>A &lt;b&gt;title&lt;\/b&gt;<\/title>/);
  });
});
