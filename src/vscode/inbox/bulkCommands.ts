import * as vscode from 'vscode';
import type { PayloadDebugging } from '../payloads/payloadDebugging';
import type { ExtensionServices } from '../services';
import { AllPartiesNode } from './allPartiesNode';
import { BULK_REPORT_SCHEME, BulkActions, type BulkOutcome } from './bulkActions';
import { verbOf } from './dialogActions';
import { DialogNode } from './dialogNodes';
import type { InboxTreeProvider } from './inboxTreeProvider';
import type { LabelAction } from './labelChanges';
import { PartyNode } from './partyNodes';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

const ACTIONS: readonly LabelAction[] = ['archive', 'bin', 'restore', 'markUnopened'];

/** Bulk label commands: "Change All Listed…" on a list, and the same for ids given (scripts, tests). */
export function registerBulkCommands(
  command: Register,
  services: ExtensionServices,
  provider: InboxTreeProvider,
  payloads: PayloadDebugging,
): BulkActions {
  const bulk = new BulkActions(services, provider, payloads);
  services.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(BULK_REPORT_SCHEME, bulk.reportProvider),
  );
  const pickAction = async (action: unknown, count: number): Promise<LabelAction> => {
    if (typeof action === 'string' && (ACTIONS as readonly string[]).includes(action)) return action as LabelAction;
    const picked = await services.prompts().pick(
      ACTIONS.map((a) => ({ id: a, label: verbOf(a) })),
      { title: vscode.l10n.t('Change {0} dialogs', count), placeHolder: vscode.l10n.t('What should happen to them?') },
    );
    return picked.id;
  };

  command('altinnInbox.labelListedDialogs', async (list?: unknown, action?: unknown): Promise<BulkOutcome> => {
    if (!(list instanceof PartyNode || list instanceof AllPartiesNode))
      throw new Error(vscode.l10n.t('Use "Change All Listed…" on a party or on All parties in the Inbox.'));
    const targets = BulkActions.listedIn(list);
    if (targets.length === 0)
      throw new Error(vscode.l10n.t('No dialogs are listed here yet: expand the list first (and "Load more…").'));
    return bulk.run(list.profileId, targets, await pickAction(action, targets.length));
  });

  command(
    'altinnInbox.labelDialogs',
    async (args?: { dialogIds?: unknown; action?: unknown; profileId?: unknown }): Promise<BulkOutcome> => {
      const ids = Array.isArray(args?.dialogIds) ? args.dialogIds.filter((id) => typeof id === 'string') : [];
      if (ids.length === 0)
        throw new Error(
          vscode.l10n.t(
            'Give the dialogs as { dialogIds: [...], action: "archive" | "bin" | "restore" | "markUnopened" }.',
          ),
        );
      const known = new Map<string, DialogNode>();
      const lists = [...(provider.rootNode?.allParties() ?? []), provider.rootNode?.allPartiesNode];
      for (const list of lists)
        for (const node of list?.dialogNodes ?? []) known.set(node.dialogId.toLowerCase(), node);
      const targets = ids.map((dialogId) => {
        const node = known.get(dialogId.toLowerCase());
        return node ? { ...BulkActions.targetsOf([node])[0] } : { dialogId };
      });
      return bulk.run(
        typeof args?.profileId === 'string' ? args.profileId : undefined,
        targets,
        await pickAction(args?.action, ids.length),
      );
    },
  );
  return bulk;
}
