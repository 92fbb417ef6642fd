import * as vscode from 'vscode';
import { discardDocument, step } from '../suites/hostHelpers';

// Every host suite starts from the same workbench: no quick input or notification left open, no dirty document
// (closing one later would wait on a "Save?" dialog nobody answers), no editor or panel left by the suite before.
// What it had to clean is reported, so a suite that leaves state behind is named in the results.

/** One reset step, with a limit: a modal dialog left open would otherwise keep it waiting forever. */
const within = <T>(what: string, work: Thenable<T>): Promise<T> =>
  step(`resetting the workbench: ${what} (a modal dialog open?)`, work, 15);

/** Resets the workbench; returns what was left over (dirty documents, open tabs). */
export async function resetWorkbench(): Promise<string[]> {
  const leftOver: string[] = [];
  await within('closing the quick input', vscode.commands.executeCommand('workbench.action.closeQuickOpen'));
  await within('clearing notifications', vscode.commands.executeCommand('notifications.clearAll'));
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    // A file can be dirty for a moment while VS Code writes it (settings.json during a configuration update):
    // give that write time to finish rather than revert it.
    if (!document.isUntitled && (await savedWithin(document, 3000))) {
      leftOver.push(`${document.uri.scheme}:${document.uri.path} was dirty and saved itself`);
      continue;
    }
    leftOver.push(`dirty ${document.uri.scheme}:${document.uri.path}`);
    await within(`discarding ${document.uri.toString()}`, discardDocument(document));
  }
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  if (tabs.length) {
    leftOver.push(`${tabs.length} tab(s): ${tabs.map((tab) => tab.label).join(', ')}`);
    await within('closing every editor', vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  }
  return leftOver;
}

async function savedWithin(document: vscode.TextDocument, ms: number): Promise<boolean> {
  for (let waited = 0; document.isDirty && waited < ms; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !document.isDirty;
}
