import * as vscode from 'vscode';
import type { SettingValue } from './settingValues';

const reportedByLog = new WeakMap<vscode.LogOutputChannel, Set<string>>();

/**
 * Uses a setting read by settingValues.ts; when it was not usable as written, says so once per session: a warning
 * in the log and a message with "Open Settings".
 */
export function settingValue<T>(log: vscode.LogOutputChannel, read: SettingValue<T>): T {
  if (read.problem) {
    let reported = reportedByLog.get(log);
    if (!reported) reportedByLog.set(log, (reported = new Set()));
    if (!reported.has(read.problem)) {
      reported.add(read.problem);
      log.warn(`[settings] ${read.problem}`);
      const open = vscode.l10n.t('Open Settings');
      void vscode.window.showWarningMessage(read.problem, open).then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'altinnInbox');
      });
    }
  }
  return read.value;
}
