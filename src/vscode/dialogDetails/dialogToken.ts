import { tokenExpiry } from '../../platform/dialogporten/events';

/**
 * A dialog token is used only while it outlives this margin; otherwise the dialog is fetched again for a new one
 * (Dialogporten hands tokens out with the details; they live 10 minutes). 90 s because the event stream renews its
 * token 60 s before expiry (DialogEventsSubscription's default): a token handed to the stream with less left would
 * need renewing right after connecting. It also covers a GUI action's request and a download's start.
 */
export const DIALOG_TOKEN_MARGIN_MS = 90_000;

/** Whether `token` is a dialog token that outlives DIALOG_TOKEN_MARGIN_MS (an unreadable expiry is not fresh). */
export function isDialogTokenFresh(token: string | null | undefined, now = Date.now()): token is string {
  if (!token) return false;
  return (tokenExpiry(token)?.getTime() ?? 0) - now > DIALOG_TOKEN_MARGIN_MS;
}
