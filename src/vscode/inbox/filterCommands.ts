import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { AllPartiesNode } from './allPartiesNode';
import { promptForFilter } from './filterPrompt';
import { filterProblem, type InboxFilter } from './inboxFilter';
import { ErrorNode, InboxNode } from './inboxNode';
import type { InboxTreeProvider } from './inboxTreeProvider';
import { PartyNode } from './partyNodes';
import { ALL_PARTIES_SCOPE } from './savedSearchStore';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

/** A list a dialog filter applies to: one party, or All parties. */
export type FilterTarget = PartyNode | AllPartiesNode;

/** Filter Dialogs… and clearing filters, for a party or for All parties. */
export function registerFilterCommands(
  command: Register,
  services: ExtensionServices,
  provider: InboxTreeProvider,
  treeView: vscode.TreeView<InboxNode>,
): void {
  command(
    'altinnInbox.filterDialogs',
    async (arg?: FilterTarget | ErrorNode | { partyUrn: string; filter?: InboxFilter }) => {
      const target = await filterTargetFor(provider, services, arg);
      if (arg && !(arg instanceof InboxNode) && 'filter' in arg && arg.filter !== undefined) {
        const problem = filterProblem(arg.filter, vscode.l10n);
        if (problem) throw new Error(problem);
        provider.setFilter(target, arg.filter);
        return provider.filterFor(target.partyUrn, target.profileId);
      }
      const hints = {
        orgs: [...new Set(target.dialogNodes.map((d) => d.item.org))].sort(),
        resources: [
          ...new Set(target.dialogNodes.map((d) => d.item.serviceResource.replace(/^urn:altinn:resource:/, ''))),
        ].sort(),
        parties: target instanceof AllPartiesNode ? target.directory : undefined,
      };
      const filter = await promptForFilter(
        services.prompts(),
        target instanceof PartyNode ? target.party.name : vscode.l10n.t('All parties'),
        provider.filterFor(target.partyUrn, target.profileId),
        hints,
      );
      provider.setFilter(target, filter);
      await treeView.reveal(target, { expand: true, focus: false, select: false }).then(undefined, () => undefined);
      return provider.filterFor(target.partyUrn, target.profileId);
    },
  );
  command('altinnInbox.clearDialogFilter', async (arg?: FilterTarget | { partyUrn: string }) => {
    provider.setFilter(await filterTargetFor(provider, services, arg), undefined);
  });
}

/** The list a filter command is about: the node given, the party named (`*` for All parties), or one the user picks. */
export async function filterTargetFor(
  provider: InboxTreeProvider,
  services: ExtensionServices,
  arg: unknown,
): Promise<FilterTarget> {
  if (arg instanceof PartyNode || arg instanceof AllPartiesNode) return arg;
  if (arg instanceof ErrorNode && (arg.target instanceof PartyNode || arg.target instanceof AllPartiesNode))
    return arg.target;
  if (arg instanceof InboxNode) {
    const list = arg.closest(PartyNode) ?? arg.closest(AllPartiesNode);
    if (list) return list;
  }
  if (provider.rootNode === undefined) await provider.getChildren();
  const root = provider.rootNode;
  if (root && !root.loaded) await root.children();
  const parties = root?.allParties() ?? [];
  const all = root?.allPartiesNode;
  const wanted =
    arg && typeof arg === 'object' && 'partyUrn' in arg ? String((arg as { partyUrn: unknown }).partyUrn) : undefined;
  if (wanted) {
    const found = wanted === ALL_PARTIES_SCOPE ? all : parties.find((p) => p.partyUrn === wanted);
    if (!found) throw new Error(vscode.l10n.t('The party {0} is not in the Inbox of the active connection.', wanted));
    return found;
  }
  if (parties.length === 0)
    throw new Error(vscode.l10n.t('The Inbox has no parties to filter; open the Inbox view first.'));
  const items: { label: string; description: string; id: string; target: FilterTarget }[] = parties.map((p) => ({
    label: p.party.name,
    description: p.partyUrn,
    id: p.partyUrn,
    target: p,
  }));
  if (all)
    items.unshift({
      label: vscode.l10n.t('All parties'),
      description: vscode.l10n.t('one list across {0} parties', all.directory.urns.length),
      id: ALL_PARTIES_SCOPE,
      target: all,
    });
  const picked = await services.prompts().pick(items, {
    title: vscode.l10n.t('Filter dialogs'),
    placeHolder: vscode.l10n.t('Whose dialogs?'),
  });
  return picked.target;
}
