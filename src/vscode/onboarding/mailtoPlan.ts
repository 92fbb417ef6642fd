// vscode-free: whether a draft can go to the mail client as a mailto: link, or must be copied instead.
import { MAILTO_MAX_LENGTH, mailtoUrl, type EmailDraft } from '../../platform/drafts';

export type MailtoPlan =
  | { readonly kind: 'open'; readonly url: string }
  | { readonly kind: 'too-long'; readonly length: number; readonly max: number; readonly subjectOnlyUrl: string }
  | { readonly kind: 'no-recipient' };

const EMAIL = /^[^\s@,;?]+@[^\s@,;?]+\.[^\s@,;?]+$/;

/**
 * A mailto: URL for the draft when it fits (MAILTO_MAX_LENGTH characters, encoded); otherwise the
 * encoded length and a subject-only link, so the caller can copy the body and still open the mail client.
 */
export function planMailto(draft: EmailDraft, max: number = MAILTO_MAX_LENGTH): MailtoPlan {
  const recipients = draft.to.split(/\s*[,;]\s*/).filter(Boolean);
  if (recipients.length === 0 || !recipients.every((address) => EMAIL.test(address))) return { kind: 'no-recipient' };
  const normalised = { ...draft, to: recipients.join(',') };
  const url = mailtoUrl(normalised);
  if (url.length <= max) return { kind: 'open', url };
  return {
    kind: 'too-long',
    length: url.length,
    max,
    subjectOnlyUrl: mailtoUrl({ ...normalised, body: '' }).replace(/&body=$/, ''),
  };
}
