/**
 * Checks on addresses that come from a webview or from a service owner before the extension acts on them
 * (vscode-free). The webview can ask for anything; the extension only opens, fetches or sends to addresses
 * it can vouch for.
 */
import { redactJwts } from '../../platform/http';
import type { Dialog } from '../../platform/dialogporten/schemas/dialog';
import { embedsToFetch } from './dialogView';
import type { PanelLanguage } from './protocol';

export type LinkCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Links clicked in the panel: absolute http(s) only, without user:password, at most 8 KB. */
export function checkExternalLink(href: string): LinkCheck {
  if (href.length > 8192) return { ok: false, reason: 'the address is too long' };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { ok: false, reason: 'it is not an absolute address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `only http and https links are opened, not ${url.protocol}` };
  if (url.username || url.password) return { ok: false, reason: 'the address carries a user name or password' };
  return { ok: true, url: url.toString() };
}

/**
 * Where the dialog token may be sent (front-channel embeds, attachments, GUI actions): https anywhere, plain http
 * only on this machine (the sandbox).
 */
export function checkTokenTarget(address: string): LinkCheck {
  const link = checkExternalLink(address);
  if (!link.ok) return link;
  const url = new URL(link.url);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    return { ok: false, reason: 'the dialog token is only sent over https (plain http only to this machine)' };
  return link;
}

/** The attachment URL the webview asked for, if it really is one of this dialog's (dialog or transmission) attachments. */
export function findAttachmentUrl(
  dialog: Dialog,
  attachmentId: string,
  url: string,
): { name: string; url: string; mediaType?: string } | undefined {
  const attachments = [
    ...(dialog.attachments ?? []),
    ...(dialog.transmissions ?? []).flatMap((tx) => tx.attachments ?? []),
  ];
  for (const attachment of attachments) {
    if (attachment.id.toLowerCase() !== attachmentId.toLowerCase()) continue;
    const match = (attachment.urls ?? []).find((candidate) => candidate.url === url);
    if (match)
      return {
        name: attachmentFileName(attachment.name, attachment.displayName?.[0]?.value, match.mediaType ?? undefined),
        url: match.url,
        mediaType: match.mediaType ?? undefined,
      };
  }
  return undefined;
}

/** True when `url` is an embed the panel shows in one of its languages (the only addresses a retry may fetch). */
export function isKnownEmbed(dialog: Dialog, url: string, languages: readonly PanelLanguage[]): boolean {
  return languages.some((language) => embedsToFetch(dialog, language).some((ref) => ref.url === url));
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'application/xml': '.xml',
  'text/xml': '.xml',
  'application/json': '.json',
  'text/html': '.html',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/zip': '.zip',
};

/** A file name safe to suggest in a save dialog. */
export function attachmentFileName(
  name: string | null | undefined,
  displayName: string | undefined,
  mediaType: string | undefined,
): string {
  const base =
    [...(name || displayName || 'attachment')]
      .map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, '_')
      .replace(/^\.+/, '')
      .trim()
      .slice(0, 120) || 'attachment';
  if (/\.[a-z0-9]{1,8}$/i.test(base)) return base;
  const extension = mediaType ? EXTENSIONS[mediaType.split(';')[0].trim().toLowerCase()] : undefined;
  return `${base}${extension ?? ''}`;
}

export const MAX_ACTION_BODY_CHARS = 16 * 1024;

/** A GUI action's answer as text for the panel: JSON pretty-printed, tokens redacted, cut to a readable size. */
export function describeResponseBody(
  body: Buffer,
  contentType: string | undefined,
): { text: string; truncated: boolean } {
  if (body.length === 0) return { text: '', truncated: false };
  const type = (contentType ?? '').toLowerCase();
  let text = body.subarray(0, MAX_ACTION_BODY_CHARS * 4).toString('utf8');
  if (type.includes('json')) {
    try {
      text = JSON.stringify(JSON.parse(body.toString('utf8')), null, 2);
    } catch {
      // shown as sent
    }
  } else if (!type.startsWith('text/') && !type.includes('xml') && !type.includes('json') && type !== '') {
    return { text: `(${body.length} bytes of ${contentType})`, truncated: false };
  }
  text = redactJwts(text);
  return text.length > MAX_ACTION_BODY_CHARS
    ? { text: text.slice(0, MAX_ACTION_BODY_CHARS), truncated: true }
    : { text, truncated: false };
}
