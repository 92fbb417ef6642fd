import * as vscode from 'vscode';
import { createLog } from './vscode/log';
import { ContextKeys, setContextKey } from './vscode/contextKeys';

export interface ExtensionApi {
  readonly version: string;
  /** Only when the test harness sets ALTINN_INBOX_TEST_HOOKS=1 (never in normal use). */
  readonly testHooks?: TestHooks;
}

export interface TestHooks {
  readonly secrets: vscode.SecretStorage;
}

/** Wiring only: no network and no heavy work happen here. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`activated ${context.extension.id} ${context.extension.packageJSON.version}`);

  void setContextKey(ContextKeys.hasProfiles, false);
  void setContextKey(ContextKeys.hasActiveProfile, false);

  context.subscriptions.push(
    vscode.commands.registerCommand('altinnInbox.showLog', () => log.show(true)),
  );
  const testHooks = process.env.ALTINN_INBOX_TEST_HOOKS === '1' ? { secrets: context.secrets } : undefined;
  return { version: context.extension.packageJSON.version as string, testHooks };
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}
