import * as vscode from 'vscode';
import type { HttpClient } from '../../platform/http';
import { settingValue } from './settingProblems';
import { readHttpTimeoutSeconds } from './settingValues';

const SECTION = 'altinnInbox.http';
const KEY = 'timeoutSeconds';

/** Applies `altinnInbox.http.timeoutSeconds` to the shared HTTP client now and whenever the setting changes. */
export function applyHttpTimeoutSetting(http: HttpClient, log: vscode.LogOutputChannel): vscode.Disposable {
  const apply = (): void => {
    const seconds = settingValue(
      log,
      readHttpTimeoutSeconds(vscode.workspace.getConfiguration(SECTION).get<unknown>(KEY), vscode.l10n),
    );
    http.defaultTimeoutMs = seconds * 1000;
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${SECTION}.${KEY}`)) apply();
  });
}
