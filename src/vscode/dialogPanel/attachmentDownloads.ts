import * as vscode from 'vscode';
import type { Dialog } from '../../platform/dialogporten';
import { PlatformError } from '../../platform/errors';
import { withCancellableProgress } from '../cancellableProgress';
import { UserCancelledError } from '../commands';
import type { ExtensionServices } from '../services';
import type { Localizer } from '../../platform/presentation';
import { checkTokenTarget, findAttachmentUrl } from './safeTargets';

const t: Localizer['t'] = (message, ...args) => vscode.l10n.t(message, ...args);

/**
 * Saves an attachment the webview asked for, after checking that the address is one of this dialog's attachments
 * (the webview is less trusted than the host) and that the dialog token may go there.
 */
export async function downloadAttachment(
  services: ExtensionServices,
  dialog: Dialog,
  request: { readonly attachmentId: string; readonly url: string },
  token: () => Promise<string | undefined>,
): Promise<void> {
  const found = findAttachmentUrl(dialog, request.attachmentId, request.url);
  if (!found) {
    services.log.warn('[dialog panel] refused to download an address that is not an attachment of this dialog');
    return;
  }
  const target = checkTokenTarget(found.url);
  if (!target.ok) throw new Error(t('The attachment was not downloaded: {0}.', target.reason));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const destination = await services.prompts().saveFile({
    title: t('Save attachment'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, found.name) : undefined,
    saveLabel: t('Save'),
  });
  const bearer = await token();
  const bytes = await withCancellableProgress(t('Downloading {0}…', found.name), async (signal) => {
    try {
      const headers: Record<string, string> = { accept: found.mediaType ?? '*/*' };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const response = await services.http.request({
        method: 'GET',
        url: target.url,
        signal,
        headers,
        timeoutMs: 120_000,
      });
      return response.body;
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'cancelled') throw new UserCancelledError();
      throw error;
    }
  });
  await vscode.workspace.fs.writeFile(destination, bytes);
  services.log.info(`[dialog panel] saved attachment ${found.name} (${bytes.length} bytes)`);
  const open = t('Open');
  void vscode.window
    .showInformationMessage(
      t('Saved {0} ({1} bytes).', destination.path.split('/').pop() ?? found.name, bytes.length),
      open,
    )
    .then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', destination);
    });
}
