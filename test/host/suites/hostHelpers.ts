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

/** The open dialog panels' tabs, as the workbench reports them to the extension host. */
export function dialogPanelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('altinnInbox.dialog'));
}

/** Closes every dialog panel. The tab model reaches the extension host with a delay, so wait until none shows up for a while. */
export async function closeDialogPanels(): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 40 && quiet < 3; i++) {
    const tabs = dialogPanelTabs();
    if (tabs.length) {
      quiet = 0;
      await vscode.window.tabGroups.close(tabs);
    } else {
      quiet++;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Awaits `work` but fails with the step's name when it has not settled within `seconds`: a hung VS Code call
 * (an editor that never opens, a request that never answers) then says where it hung instead of timing out the test.
 */
export async function step<T>(name: string, work: Thenable<T>, seconds = 20): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  try {
    return await Promise.race([
      Promise.resolve(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`step "${name}" did not finish within ${seconds} s`)),
          seconds * 1000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (ms > 2000) printSummary(`[slow step] ${name}: ${ms} ms`);
  }
}

/**
 * Reverts and closes a dirty document without the "Save?" question (untitled documents are always dirty). The revert
 * command acts on the active editor, and under load the editor just shown is not always active yet: reverting then
 * would close another editor and leave this one dirty for the next suite. So it reverts only once this document is
 * active, and fails by name if it never gets there.
 */
export async function discardDocument(document: vscode.TextDocument): Promise<void> {
  for (let attempt = 0; attempt < 20 && !document.isClosed && document.isDirty; attempt++) {
    await step(`showing ${document.uri.toString()}`, vscode.window.showTextDocument(document));
    if (vscode.window.activeTextEditor?.document === document) {
      await step(
        `reverting ${document.uri.toString()}`,
        vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'),
      );
    } else {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!document.isClosed && document.isDirty) throw new Error(`${document.uri.toString()} could not be reverted`);
}

/** Discards every dirty untitled document (drafts, pasted text). */
export async function discardUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty))
    await discardDocument(document);
}
