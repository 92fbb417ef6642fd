import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { send } from '../core/respond';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1e2b3c}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}.note{background:#eef4fb;padding:.6rem .8rem;border-radius:4px}
.warn{background:#fff3cd;padding:.6rem .8rem;border-radius:4px}.error{background:#fde2e1;padding:.6rem .8rem;border-radius:4px}
fieldset{border:1px solid #ccd;border-radius:4px;margin:1rem 0}label{display:block;margin:.3rem 0}
button{margin-right:.6rem;padding:.4rem 1rem}dt{font-weight:600}dd{margin:0 0 .5rem 0}`;

/**
 * Sends a self-contained page: no script, no external asset, a style allowed by nonce only, forms posting to this
 * origin only.
 */
export function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}</body></html>`;
  send(res, status, html, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
}
