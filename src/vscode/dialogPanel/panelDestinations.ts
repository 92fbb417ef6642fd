/** Where the dialog panel sends the user: checked links, the Altinn inbox, the response JSON in an editor. */
import * as vscode from 'vscode';
import type { AltinnEnvironment } from '../../platform/environments';
import { redactJwts } from '../../platform/http';
import type { RawSource } from '../payloads/payloadDebugging';
import type { DialogSource } from './panelSource';
import { checkExternalLink } from './safeTargets';

/** A link the webview asked to open: only after checkExternalLink, in the browser. */
export async function openCheckedLink(log: vscode.LogOutputChannel, href: string): Promise<void> {
  const check = checkExternalLink(href);
  if (!check.ok) {
    log.warn(`[dialog panel] link not opened (${check.reason}): ${redactJwts(href).slice(0, 200)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The link was not opened: {0}.', check.reason));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(check.url, true));
}

/** The dialog in the Altinn inbox of its environment, in the browser. */
export async function openInAltinnInbox(
  environment: AltinnEnvironment | undefined,
  source: DialogSource,
): Promise<void> {
  if (!environment || environment.id === 'sandbox') {
    throw new Error(
      source.kind === 'payload'
        ? vscode.l10n.t('A saved payload has no place in the Altinn inbox.')
        : vscode.l10n.t('The sandbox has no web inbox; its dialogs exist only on this machine.'),
    );
  }
  const url = `${environment.inboxUrl.replace(/\/+$/, '')}/inbox/${encodeURIComponent(source.dialogId)}`;
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

/** The response JSON beside the panel: the recorded exchange through the shared command, or a saved payload's own file. */
export async function openRawJson(source: DialogSource, panel: RawSource): Promise<void> {
  if (source.kind === 'payload') {
    await vscode.window.showTextDocument(source.uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return;
  }
  await vscode.commands.executeCommand('altinnInbox.showRawJson', panel);
}
