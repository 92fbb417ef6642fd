import type { EmailDraft } from './types';

/**
 * Longer mailto: URLs are cut off or refused by some mail clients and OS URL handlers (older
 * Windows and Outlook around 2 000 characters), so offer copy-to-clipboard beyond this.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** A mailto: URL (RFC 6068): subject and body percent-encoded as UTF-8, line breaks as CRLF (%0D%0A). */
export function mailtoUrl(draft: EmailDraft): string {
  const to = encodeURIComponent(draft.to).replace(/%40/g, '@');
  const body = draft.body.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;
}

export function fitsInMailto(draft: EmailDraft): boolean {
  return mailtoUrl(draft).length <= MAILTO_MAX_LENGTH;
}
