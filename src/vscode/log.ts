import * as vscode from 'vscode';

/** The extension's single LogOutputChannel; the user picks the level in the Output view. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Altinn Inbox Inspector', { log: true });
}
