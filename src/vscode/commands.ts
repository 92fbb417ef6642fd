import * as vscode from 'vscode';
import { redactSecrets } from '../platform/http';

/** Thrown when the user dismisses a prompt: the command ends quietly. */
export class UserCancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function isUserCancelled(error: unknown): boolean {
  return error instanceof vscode.CancellationError || error instanceof UserCancelledError;
}

/** Values that must never appear in a message shown to the user or written to the log (platform/http/redaction). */
export function maskSecrets(text: string): string {
  return redactSecrets(text);
}

export interface CommandDeps {
  readonly log: vscode.LogOutputChannel;
}

/**
 * Registers a command behind one error policy: cancellation ends silently; any other error is masked,
 * logged and shown with a "Show Log" action.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  deps: CommandDeps,
  id: string,
  handler: (...args: never[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        reportError(deps, id, error);
        return undefined;
      }
    }),
  );
}

/** The commands' error policy, also for work a command did not start (webview messages): see registerCommand. */
export function reportError(deps: CommandDeps, source: string, error: unknown): void {
  if (isUserCancelled(error)) return;
  const message = maskSecrets(error instanceof Error ? error.message : String(error));
  deps.log.error(`[${source}] ${message}`);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(message, showLog).then((choice) => {
    if (choice === showLog) deps.log.show(true);
  });
}
