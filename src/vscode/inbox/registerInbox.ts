import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import { openAttachmentStream } from '../../platform/correspondence/attachmentDownload';
import { PlatformError } from '../../platform/errors';
import { registerCommand, UserCancelledError } from '../commands';
import { payloadDebugging } from '../payloads/payloadDebugging';
import type { ExtensionServices } from '../services';
import { addEndUserAction } from '../shared/connectionFixes';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { CorrespondenceActions, type CorrespondenceTarget } from './correspondenceActions';
import { CorrespondenceAttachmentNode, LinkedCorrespondenceNode } from './correspondenceMessageNodes';
import { CorrespondenceResourceNode } from './correspondenceNodes';
import { DialogActions, type DialogTarget } from './dialogActions';
import type { LabelAction } from './labelChanges';
import { DialogAttachmentNode, DialogNode } from './dialogNodes';
import {
  checksumMatches,
  defaultDownloadUri,
  formatBytes,
  safeFileName,
  writeStreamToFile,
  type WrittenFile,
} from './downloads';
import { ErrorNode, InboxNode, LoadMoreNode } from './inboxNode';
import { InboxTreeProvider, INBOX_VIEW_ID } from './inboxTreeProvider';
import { PartyNode } from './partyNodes';
import { registerPartyQuickFilter } from './partyQuickFilter';
import { registerFilterCommands } from './filterCommands';
import { registerSavedSearches } from './savedSearchCommands';
import { registerBulkCommands } from './bulkCommands';
import { BulkActions } from './bulkActions';
import { registerExportCommand } from './exportCommands';
import { registerAccountantSandbox } from './accountantSandbox';
import { attachmentDownloadUrl } from './dialogPresentation';

export interface DownloadOutcome {
  readonly path: string;
  readonly bytes: number;
  readonly md5: string;
  /** Compared with the checksum Altinn sent, when it sent one. */
  readonly checksumMatches?: boolean;
}

/** The Inbox internals host suites reach through TestHooks (extension.ts). */
export interface InboxTestInternals {
  readonly provider: InboxTreeProvider;
  readonly treeView: vscode.TreeView<InboxNode>;
  readonly payloads: ReturnType<typeof payloadDebugging>;
}

/** The Inbox view and its commands. Nothing touches the network until the view asks for children or a command runs. */
export function registerInbox(services: ExtensionServices): InboxTestInternals {
  const { context, log } = services;
  const payloads = payloadDebugging(services);
  const provider = new InboxTreeProvider(services, payloads);
  const treeView = vscode.window.createTreeView(INBOX_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
  });
  provider.attach(treeView);
  context.subscriptions.push(provider, treeView);
  const dialogs = new DialogActions(services, provider, payloads);
  const correspondence = new CorrespondenceActions(services, provider, payloads);
  const command = (id: string, handler: (...args: never[]) => unknown): void =>
    registerCommand(context, { log }, id, handler);

  command('altinnInbox.refreshInbox', () => provider.refresh());
  command('altinnInbox.refreshNode', (node?: InboxNode) => (node ? provider.refreshNode(node) : provider.refresh()));
  command('altinnInbox.loadMore', async (node: LoadMoreNode | PartyNode | CorrespondenceResourceNode) => {
    const owner = node instanceof LoadMoreNode ? node.owner : node;
    if (!owner || !('loadMore' in owner))
      throw new Error(vscode.l10n.t('Use "Load more…" at the end of a list in the Inbox.'));
    await owner.loadMore();
  });

  command('altinnInbox.openDialogItem', (target: DialogTarget) => dialogs.open(target));
  command('altinnInbox.loadDialogDetails', async (node: DialogNode) => {
    if (!(node instanceof DialogNode)) throw new Error(vscode.l10n.t('Pick a dialog in the Inbox view.'));
    await dialogs.loadDetails(node);
  });
  const bulk = registerBulkCommands(command, services, provider, payloads);
  // From a context menu with several rows selected, VS Code passes the clicked row and the whole selection.
  const labelCommand = (id: string, action: LabelAction): void =>
    command(id, (target: DialogTarget, selection?: unknown) => {
      const selected = Array.isArray(selection) ? BulkActions.targetsOf(selection) : [];
      if (selected.length > 1) return bulk.run(selected[0].node?.owner.profileId, selected, action);
      if (!target) throw new Error(vscode.l10n.t('Pick a dialog in the Inbox view.'));
      return dialogs.changeLabels(target, action);
    });
  labelCommand('altinnInbox.archiveDialog', 'archive');
  labelCommand('altinnInbox.binDialog', 'bin');
  labelCommand('altinnInbox.restoreDialog', 'restore');
  labelCommand('altinnInbox.markDialogUnopened', 'markUnopened');

  command('altinnInbox.confirmCorrespondence', (target: CorrespondenceTarget) => correspondence.run(target, 'confirm'));
  command('altinnInbox.markCorrespondenceRead', (target: CorrespondenceTarget) =>
    correspondence.run(target, 'markAsRead'),
  );
  // Production's "Show the messages…" row: asks once per resource (or linked message) this session, then reads the overviews.
  command(
    'altinnInbox.showCorrespondenceMessages',
    async (node: CorrespondenceResourceNode | LinkedCorrespondenceNode) => {
      if (!(node instanceof CorrespondenceResourceNode || node instanceof LinkedCorrespondenceNode))
        throw new Error(vscode.l10n.t('Pick a correspondence resource in the Inbox view.'));
      const environment = await services.connections.environmentFor(
        resolveProfile(services, node.consentScope.profileId),
      );
      if (environment.isProduction) await provider.correspondenceConsent.ask(services.prompts(), node);
      provider.refreshNode(node);
      return (await node.children()).length;
    },
  );

  registerFilterCommands(command, services, provider, treeView);
  registerSavedSearches(command, services, provider, treeView);
  registerExportCommand(command, services, provider);
  registerAccountantSandbox(command, services);
  command('altinnInbox.clearDialogFilters', () => provider.clearFilters());
  registerPartyQuickFilter(command, services, provider);
  command('altinnInbox.showDeletedParties', () => provider.setShowDeletedParties(true));
  command('altinnInbox.hideDeletedParties', () => provider.setShowDeletedParties(false));

  command('altinnInbox.fixConnection', (node?: ErrorNode | InboxNode) => fixConnection(services, provider, node));

  command(
    'altinnInbox.downloadAttachment',
    async (node: DialogAttachmentNode | CorrespondenceAttachmentNode): Promise<DownloadOutcome> => {
      if (node instanceof CorrespondenceAttachmentNode) return downloadCorrespondenceAttachment(services, node);
      if (node instanceof DialogAttachmentNode) return downloadDialogAttachment(services, dialogs, node);
      throw new Error(vscode.l10n.t('Pick an attachment in the Inbox view.'));
    },
  );

  return { provider, treeView, payloads };
}

async function fixConnection(
  services: ExtensionServices,
  provider: InboxTreeProvider,
  node: InboxNode | undefined,
): Promise<void> {
  const profile = services.connections.activeProfile;
  if (!profile) {
    await vscode.commands.executeCommand('altinnInbox.connections.focus');
    return;
  }
  const advice = node instanceof ErrorNode ? node.advice : undefined;
  // The token is not an end user (a plain Maskinporten client on Dialogporten's end-user API): open the profile's
  // system-user step straight away, then rebuild the tree (its nodes hold the profile as it was).
  const addEndUser = advice?.needsEndUser ? addEndUserAction(profile, vscode.l10n.t) : undefined;
  if (addEndUser) {
    await vscode.commands.executeCommand(addEndUser.command, ...addEndUser.arguments);
    provider.refresh();
    return;
  }
  const state = services.connections.tokenState(profile.id);
  const items = [
    {
      id: 'token',
      label: `$(refresh) ${vscode.l10n.t('Get a new token for "{0}"', profile.label)}`,
      description: state.status === 'error' ? state.message : state.status,
    },
    { id: 'switch', label: `$(arrow-swap) ${vscode.l10n.t('Use another connection…')}`, description: '' },
    ...(advice?.missingScope
      ? [
          {
            id: 'scopes',
            label: `$(mail) ${vscode.l10n.t('Draft a scope request to Altinn servicedesk…')}`,
            description: '',
          },
        ]
      : []),
    {
      id: 'connections',
      label: `$(list-tree) ${vscode.l10n.t('Show the Connections view')}`,
      description: vscode.l10n.t('token state, scopes, profiles'),
    },
    { id: 'log', label: `$(output) ${vscode.l10n.t('Show the log')}`, description: '' },
  ];
  const picked = await services.prompts().pick(items, {
    title: vscode.l10n.t('Fix the connection "{0}"', profile.label),
    placeHolder: advice ? advice.title : vscode.l10n.t('What would you like to do?'),
  });
  switch (picked.id) {
    case 'token': {
      const next = await services.connections.refreshToken(profile, { force: true });
      if (next.status !== 'valid') {
        const detail =
          next.status === 'error' ? [next.message, next.likelyCause, next.fix].filter(Boolean).join(' ') : next.status;
        throw new Error(vscode.l10n.t('Still no valid token for "{0}": {1}', profile.label, detail));
      }
      // Retry what failed: a failed "Load more…" fetches the same page again, keeping the dialogs already listed.
      if (node instanceof ErrorNode)
        await vscode.commands.executeCommand(node.retryCommand.command, ...(node.retryCommand.arguments ?? []));
      else if (node) provider.refreshNode(node);
      else provider.refresh();
      return;
    }
    case 'switch':
      await vscode.commands.executeCommand('altinnInbox.switchProfile');
      return;
    case 'scopes':
      await vscode.commands.executeCommand('altinnInbox.draftScopeRequest');
      return;
    case 'connections':
      await vscode.commands.executeCommand('altinnInbox.connections.focus');
      return;
    default:
      services.log.show(true);
  }
}

async function downloadCorrespondenceAttachment(
  services: ExtensionServices,
  node: CorrespondenceAttachmentNode,
): Promise<DownloadOutcome> {
  const attachment = node.attachment;
  if (!attachment.id) throw new Error(vscode.l10n.t('This attachment has no id to download it by.'));
  const profile = resolveProfile(services, node.correspondence.profileId);
  const name = safeFileName(attachment.fileName ?? attachment.displayName ?? undefined, 'attachment');
  const target = await services.prompts().saveFile({
    defaultUri: defaultDownloadUri(name),
    title: vscode.l10n.t('Save "{0}"', name),
    saveLabel: vscode.l10n.t('Download'),
  });
  const written = await withDownloadProgress(name, async (signal, onBytes, setSize) => {
    const clients = await createApiClients(services, profile);
    const download = await clients.correspondence.downloadAttachment(
      node.correspondence.correspondenceId,
      attachment.id!,
      { signal },
    );
    setSize(download.size);
    return writeStreamToFile(target, download.stream, { signal, onBytes });
  });
  const matches = checksumMatches(attachment.checksum, written.md5);
  if (matches === false) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '"{0}" was saved, but its MD5 ({1}) differs from the checksum Altinn lists ({2}).',
        name,
        written.md5,
        attachment.checksum ?? '',
      ),
    );
  }
  announceSaved(target, name, written);
  return { path: target.fsPath, bytes: written.bytes, md5: written.md5, checksumMatches: matches };
}

async function downloadDialogAttachment(
  services: ExtensionServices,
  dialogs: DialogActions,
  node: DialogAttachmentNode,
): Promise<DownloadOutcome> {
  const dialog = node.dialog;
  const source = attachmentDownloadUrl(node.attachment);
  if (!dialog || !source)
    throw new Error(vscode.l10n.t('This attachment has no URL you may download (expired or not authorized).'));
  const url = new URL(source.url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(vscode.l10n.t('Refusing to send the dialog token to {0} over plain HTTP.', url.host));
  }
  const name = safeFileName(node.attachment.name ?? node.displayName, 'attachment');
  const target = await services.prompts().saveFile({
    defaultUri: defaultDownloadUri(name),
    title: vscode.l10n.t('Save "{0}"', name),
    saveLabel: vscode.l10n.t('Download'),
  });
  const token = await dialogs.dialogToken(dialog);
  const written = await withDownloadProgress(name, async (signal, onBytes, setSize) => {
    const download = await openAttachmentStream({
      http: services.http,
      url: source.url,
      token,
      signal,
      headersTimeoutMs: 30_000,
    });
    setSize(download.size);
    return writeStreamToFile(target, download.stream, { signal, onBytes });
  });
  announceSaved(target, name, written);
  return { path: target.fsPath, bytes: written.bytes, md5: written.md5 };
}

/** A cancellable notification with a percentage when the size is known; cancelling ends quietly. */
async function withDownloadProgress(
  name: string,
  run: (
    signal: AbortSignal,
    onBytes: (bytes: number) => void,
    setSize: (size: number | undefined) => void,
  ) => Promise<WrittenFile>,
): Promise<WrittenFile> {
  return withCancellableProgress(vscode.l10n.t('Downloading {0}', name), async (signal, progress) => {
    let size: number | undefined;
    let reported = 0;
    try {
      return await run(
        signal,
        (bytes) => {
          if (!size) return progress.report({ message: formatBytes(bytes) });
          const percent = Math.min(100, (bytes / size) * 100);
          progress.report({ increment: percent - reported, message: `${formatBytes(bytes)} / ${formatBytes(size)}` });
          reported = percent;
        },
        (value) => {
          size = value;
        },
      );
    } catch (error) {
      if (
        signal.aborted ||
        (error instanceof PlatformError && error.kind === 'cancelled') ||
        (error as Error).name === 'AbortError'
      ) {
        void vscode.window.setStatusBarMessage(
          vscode.l10n.t('Download of {0} cancelled; nothing was saved.', name),
          4000,
        );
        throw new UserCancelledError();
      }
      throw error;
    }
  });
}

function announceSaved(target: vscode.Uri, name: string, written: WrittenFile): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Saved {0} ({1}).', name, formatBytes(written.bytes)), open, reveal)
    .then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
      if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
    });
}
