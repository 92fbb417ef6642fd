import * as vscode from 'vscode';
import { DialogRevisionConflictError } from '../../platform/dialogporten';
import { effectiveSystemLabels } from '../../platform/dialogporten/schemas/tolerance';
import { dialogDetails } from '../dialogDetails/dialogDetails';
import type { PayloadDebugging } from '../payloads/payloadDebugging';
import type { ExtensionServices } from '../services';
import { createApiClients, resolveProfile } from '../shared/apiClients';
import { DialogNode } from './dialogNodes';
import { refetchListItem } from './dialogRefetch';
import type { InboxTreeProvider } from './inboxTreeProvider';
import { isOpenDialogArgs, OPEN_DIALOG_COMMAND, type OpenDialogArgs } from '../shared/inboxTypes';
import { PartyNode } from './partyNodes';
import { AllPartiesNode } from './allPartiesNode';
import { labelChange, type LabelAction } from './labelChanges';
import { dialogTitle } from './dialogPresentation';

export interface LabelOutcome {
  readonly action: LabelAction;
  readonly dialogId: string;
  /** Labels after the change, as Dialogporten reports them. */
  readonly labels: readonly string[];
  /** 412 conflicts that were explained and retried. */
  readonly conflicts: number;
}

export function verbOf(action: LabelAction): string {
  switch (action) {
    case 'archive':
      return vscode.l10n.t('Archive');
    case 'bin':
      return vscode.l10n.t('Move to Bin');
    case 'restore':
      return vscode.l10n.t('Restore');
    case 'markUnopened':
      return vscode.l10n.t('Mark as Unopened');
  }
}

/** What a dialog-action command may be given: a tree node, or (from other views) the dialog's ids and revision. */
export type DialogTarget = DialogNode | (OpenDialogArgs & { readonly revision?: string; readonly createdAt?: string });

/**
 * Dialog actions behind the tree's menus: open, load details, and system labels (archive, bin, restore, mark as
 * unopened) with If-Match, where a 412 conflict is explained and retried only when the user says so.
 */
export class DialogActions {
  constructor(
    private readonly services: ExtensionServices,
    private readonly provider: InboxTreeProvider,
    private readonly payloads: PayloadDebugging,
  ) {}

  /** Opens the dialog panel (`altinnInbox.openDialog`); afterwards the row shows the dialog as read. */
  async open(target: DialogTarget): Promise<void> {
    const args = target instanceof DialogNode ? target.openArgs() : target;
    if (!isOpenDialogArgs(args)) throw new Error(vscode.l10n.t('Open a dialog from the Inbox view.'));
    await vscode.commands.executeCommand(OPEN_DIALOG_COMMAND, args);
    const node = target instanceof DialogNode ? target : this.findNode(args);
    if (node) {
      await this.refreshRow(node);
      // The panel may still be fetching; look once more shortly after.
      setTimeout(() => void this.refreshRow(node).catch(() => undefined), 2_000);
    }
  }

  /**
   * Fetches the details (GET /dialogs/{id}) into the tree: attachments, linked correspondence, a dialog token for
   * downloads. Dialogporten records this as the user having seen the dialog, so it is said once per session and
   * asked first on Production.
   */
  async loadDetails(node: DialogNode): Promise<void> {
    const profile = resolveProfile(this.services, node.owner.profileId);
    const environment = await this.services.connections.environmentFor(profile);
    const details = dialogDetails(this.services);
    await details.confirmMarkSeen(environment, dialogTitle(node.item), 'details');
    const fetched = await details.fetch(profile, node.dialogId, {
      inProgress: (task) => vscode.window.withProgress({ location: { viewId: 'altinnInbox.inbox' } }, task),
    });
    node.details = fetched;
    node.invalidate();
    await this.refreshRow(node);
  }

  /** A fresh dialog token (see isDialogTokenFresh) from details fetched here, fetching the details if needed. */
  async dialogToken(node: DialogNode): Promise<string> {
    return dialogDetails(this.services).freshToken(node.details?.dialog.dialogToken, async () => {
      await this.loadDetails(node);
      return node.details?.dialog.dialogToken;
    });
  }

  async changeLabels(target: DialogTarget, action: LabelAction): Promise<LabelOutcome> {
    const node = target instanceof DialogNode ? target : this.findNode(target);
    const args = node ? node.openArgs() : (target as OpenDialogArgs);
    const profile = resolveProfile(this.services, args.profileId);
    const environment = await this.services.connections.environmentFor(profile);
    const verb = verbOf(action);
    const title = node ? dialogTitle(node.item) : (args.title ?? args.dialogId);
    if (environment.isProduction) {
      await this.services
        .prompts()
        .confirm(
          vscode.l10n.t('{0}: "{1}" in Production?', verb, title),
          vscode.l10n.t(
            'System labels are shared: the change shows in the Altinn inbox for everyone who acts for this party.',
          ),
          verb,
        );
    }
    const clients = await createApiClients(this.services, profile, { record: this.payloads.record });
    const item = node?.item;
    let change = labelChange(action, item ? effectiveSystemLabels(item) : []);
    let revision =
      item?.endUserContext?.revision ??
      (target instanceof DialogNode ? undefined : (target as { revision?: string }).revision);
    let conflicts = 0;
    for (;;) {
      try {
        await clients.dialogporten.setSystemLabels(args.dialogId, change, { ifMatch: revision });
        break;
      } catch (error) {
        if (!(error instanceof DialogRevisionConflictError)) throw error;
        conflicts++;
        const current = item ? await refetchListItem(clients.dialogporten, args.partyUrn, undefined, item) : undefined;
        const labels = current ? effectiveSystemLabels(current).join(', ') : vscode.l10n.t('unknown');
        this.services.log.info(
          `[inbox] 412 on labels of ${args.dialogId}: revision ${revision ?? '(none)'} is stale; now ${current?.endUserContext?.revision ?? '?'} (${labels})`,
        );
        if (node && current) {
          node.update(current);
          this.provider.changed(node);
        }
        await this.services
          .prompts()
          .confirm(
            vscode.l10n.t('"{0}" was changed elsewhere since the Inbox loaded it', title),
            vscode.l10n.t(
              'Dialogporten refused "{0}" with 412 Precondition Failed: the labels were changed (in the Altinn inbox or by another system) after revision {1} was read, so nothing was overwritten. Its labels are now: {2}. Retry applies "{0}" to the current version.',
              verb,
              revision ?? '—',
              labels,
            ),
            vscode.l10n.t('Retry'),
          );
        if (!current)
          throw new Error(
            vscode.l10n.t(
              'The dialog could not be read again (it may be deleted or no longer visible); refresh the Inbox.',
            ),
            { cause: error },
          );
        revision = current.endUserContext?.revision;
        change = labelChange(action, effectiveSystemLabels(current));
      }
    }
    let labels: readonly string[] = [];
    if (node && item) {
      const list = listOf(node);
      const filter = list ? this.provider.filterFor(list.partyUrn, profile.id) : undefined;
      const fresh = await refetchListItem(clients.dialogporten, args.partyUrn, filter, item);
      const unfiltered = fresh ?? (await refetchListItem(clients.dialogporten, args.partyUrn, undefined, item));
      labels = unfiltered ? effectiveSystemLabels(unfiltered) : [];
      if (list) list.replaceDialog(node, fresh);
      if (!fresh)
        void vscode.window.setStatusBarMessage(
          vscode.l10n.t(
            '"{0}" no longer matches the filter of {1} and was removed from the list.',
            title,
            list instanceof PartyNode ? list.party.name : vscode.l10n.t('All parties'),
          ),
          5000,
        );
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}: "{1}"', verb, title), 4000);
    return { action, dialogId: args.dialogId, labels, conflicts };
  }

  /** Reads the row again without opening the dialog, and shows it (or drops it when it left the filter). */
  private async refreshRow(node: DialogNode): Promise<void> {
    const party = listOf(node);
    const profile = resolveProfile(this.services, node.owner.profileId);
    const clients = await createApiClients(this.services, profile);
    const filter = party ? this.provider.filterFor(party.partyUrn, profile.id) : undefined;
    const fresh = await refetchListItem(clients.dialogporten, node.partyUrn, filter, node.item);
    if (party) party.replaceDialog(node, fresh);
    else if (fresh) {
      node.update(fresh);
      this.provider.changed(node);
    }
  }

  private findNode(args: { dialogId: string; partyUrn?: string }): DialogNode | undefined {
    const lists = [...(this.provider.rootNode?.allParties() ?? []), this.provider.rootNode?.allPartiesNode];
    for (const party of lists.filter((l) => l !== undefined)) {
      const found = party.dialogNodes.find((d) => d.dialogId.toLowerCase() === args.dialogId.toLowerCase());
      if (found) return found;
    }
    return undefined;
  }
}

/** The list a dialog row is in: its party, or All parties. */
function listOf(node: DialogNode): PartyNode | AllPartiesNode | undefined {
  return node.owner instanceof PartyNode || node.owner instanceof AllPartiesNode ? node.owner : undefined;
}
