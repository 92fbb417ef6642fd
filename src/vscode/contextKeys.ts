import * as vscode from 'vscode';

/** Every context key the extension sets; package.json's when-clauses use these names. */
export const ContextKeys = {
  hasProfiles: 'altinnInbox:hasProfiles',
  hasActiveProfile: 'altinnInbox:hasActiveProfile',
  connectionsError: 'altinnInbox:connectionsError',
  inboxFiltered: 'altinnInbox:inboxFiltered',
  showDeletedParties: 'altinnInbox:showDeletedParties',
  partyFiltered: 'altinnInbox:partyFiltered',
  emailDraftActive: 'altinnInbox:emailDraftActive',
  /** The Systems view: noVendor, error, empty or ready. */
  systemsState: 'altinnInbox:systemsState',
  /** A system-user request of the vendor was Accepted (completes the walkthrough's system-user step). */
  systemUserAccepted: 'altinnInbox:systemUserAccepted',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

export function setContextKey(key: ContextKey, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
