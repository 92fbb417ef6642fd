import * as vscode from 'vscode';
import { settingValue } from '../settings/settingProblems';
import { readSandboxDataFolder } from '../settings/settingValues';

const SECTION = 'altinnInbox.sandbox';

/** The folder of captured payloads the embedded sandbox loads when it starts, if one is set. */
export function sandboxDataFolder(log: vscode.LogOutputChannel): string | undefined {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('dataFolder');
  return settingValue(log, readSandboxDataFolder(raw, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, vscode.l10n));
}

/** The sandbox reads its data folder only when it starts: a change while it runs takes a reload, and says so. */
export function watchSandboxDataFolder(isRunning: () => boolean): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${SECTION}.dataFolder`) || !isRunning()) return;
    const reload = vscode.l10n.t('Reload Window');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('The sandbox reads its data folder when it starts. Reload the window to use the new one.'),
        reload,
      )
      .then((choice) => {
        if (choice === reload) void vscode.commands.executeCommand('workbench.action.reloadWindow');
      });
  });
}
