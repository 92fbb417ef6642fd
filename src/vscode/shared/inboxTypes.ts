/**
 * Types shared between the Inbox tree and the dialog panel. The panel implements `altinnInbox.openDialog`;
 * the tree (and anything else) calls it with OpenDialogArgs.
 */

/** The command the dialog panel registers; opening fetches the dialog's details, which marks it seen in Dialogporten. */
export const OPEN_DIALOG_COMMAND = 'altinnInbox.openDialog';

/** Argument of `altinnInbox.openDialog`. */
export interface OpenDialogArgs {
  /** The connection profile whose token reads the dialog (ConnectionProfile.id). */
  readonly profileId: string;
  /** The dialog's party, e.g. `urn:altinn:person:identifier-no:…` or `urn:altinn:organization:identifier-no:…`. */
  readonly partyUrn: string;
  readonly dialogId: string;
  /** The title as listed (plain text), so the panel can show something before the details arrive. Optional. */
  readonly title?: string;
}

export function isOpenDialogArgs(value: unknown): value is OpenDialogArgs {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.profileId === 'string' && typeof v.partyUrn === 'string' && typeof v.dialogId === 'string';
}

/** Which token an API takes (mirrors ConnectionService's TokenAudience without importing vscode). */
export type ApiAudience = 'maskinporten' | 'altinn';
