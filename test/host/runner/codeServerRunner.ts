// The entry of a tiny test-only extension installed beside the extension under test in code-server.
// It runs when the workbench has started, executes the host suites and writes the results where the driver waits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runSuites } from './runSuites';

export function activate(context: vscode.ExtensionContext): void {
  const resultFile = process.env.ALTINN_HOST_RESULT;
  const mochaPath = process.env.ALTINN_HOST_MOCHA;
  if (!resultFile || !mochaPath) return;
  void (async () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Mocha = require(mochaPath);
      const result = await runSuites(join(context.extensionPath, 'suites'), Mocha, {
        vscodeVersion: vscode.version,
        uiKind: vscode.UIKind[vscode.env.uiKind],
        appHost: vscode.env.appHost,
        remoteName: vscode.env.remoteName,
      });
      writeFileSync(resultFile, JSON.stringify(result));
    } catch (error) {
      writeFileSync(resultFile, JSON.stringify({ crashed: (error as Error).stack ?? String(error) }));
    }
  })();
}
