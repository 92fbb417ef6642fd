// vscode-free: how an e-mail draft is laid out in an editor document, and read back after the user edited it.
import { SERVICEDESK_EMAIL } from '../../platform/links';
import type { EmailDraft } from '../../platform/drafts';

const HEADER = /^(to|til|subject|emne)\s*:\s*(.*)$/i;

/**
 * The draft as an editable document: `To:` and `Subject:` header lines, a blank line, then the body,
 * the way mail clients show a message. Ends with a newline.
 */
export function formatEmailDocument(draft: EmailDraft): string {
  return `To: ${draft.to}\nSubject: ${draft.subject}\n\n${draft.body.replace(/\r\n|\r/g, '\n').replace(/\n+$/, '')}\n`;
}

/** Where the body starts (0-based line), for code lenses and cursor placement. */
export function bodyStartLine(text: string): number {
  const lines = text.replace(/\r\n|\r/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length && HEADER.test(lines[index])) index++;
  if (index > 0 && index < lines.length && lines[index].trim() === '') index++;
  return index;
}

/**
 * Reads an e-mail back from the (possibly edited) document: header lines at the top (`To:`/`Subject:`,
 * also `Til:`/`Emne:`) until the first line that is not a header, then the body with surrounding blank
 * lines trimmed. A header the user deleted falls back to `fallback` (the draft as generated).
 */
export function parseEmailDocument(text: string, fallback: Partial<EmailDraft> = {}): EmailDraft {
  const lines = text.replace(/\r\n|\r/g, '\n').split('\n');
  let to: string | undefined;
  let subject: string | undefined;
  let index = 0;
  for (; index < lines.length; index++) {
    const match = HEADER.exec(lines[index]);
    if (!match) break;
    const name = match[1].toLowerCase();
    if (name === 'to' || name === 'til') to = match[2].trim();
    else subject = match[2].trim();
  }
  const body = lines
    .slice(index)
    .join('\n')
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '');
  return {
    to: to || fallback.to || SERVICEDESK_EMAIL,
    subject: subject ?? fallback.subject ?? '',
    body,
  };
}
