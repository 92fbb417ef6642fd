import * as vscode from 'vscode';

export const ContextKeys = {
  hasProfiles: 'altinnInbox:hasProfiles',
  hasActiveProfile: 'altinnInbox:hasActiveProfile',
} as const;

export function setContextKey(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
