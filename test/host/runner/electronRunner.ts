// extensionTestsPath for @vscode/test-electron: the same suites in a desktop VS Code's extension host.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runSuites } from './runSuites';

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha');
  const result = await runSuites(join(__dirname, 'suites'), Mocha, {
    vscodeVersion: vscode.version,
    uiKind: vscode.UIKind[vscode.env.uiKind],
    appHost: vscode.env.appHost,
    remoteName: vscode.env.remoteName,
  });
  if (process.env.ALTINN_HOST_RESULT) writeFileSync(process.env.ALTINN_HOST_RESULT, JSON.stringify(result));
  if (result.failed > 0) throw new Error(`${result.failed} host test(s) failed`);
}
