import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';

export const EXTENSION_ID = 'inbox-inspector-oss.altinn-inbox-inspector';

export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return extension.activate();
}

/** Prints a summary line (console.log) and hands it to the host-tier driver, which prints it with the results. */
export function printSummary(line: string): void {
  console.log(line);
  (globalThis as { __altinnHostPrinted?: string[] }).__altinnHostPrinted?.push(line);
}
