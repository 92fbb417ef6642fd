import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { filterTargetFor, type FilterTarget } from './filterCommands';
import { describeFilter, type InboxFilter } from './inboxFilter';
import type { InboxNode } from './inboxNode';
import type { InboxTreeProvider } from './inboxTreeProvider';
import { ALL_PARTIES_SCOPE, SavedSearchStore, type SavedSearch } from './savedSearchStore';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

/**
 * Saved searches: name the filter of a list (a party, or All parties with its parties), reopen it from the Inbox
 * title bar, rename and delete. Kept per connection profile in globalState (SavedSearchStore).
 */
export function registerSavedSearches(
  command: Register,
  services: ExtensionServices,
  provider: InboxTreeProvider,
  treeView: vscode.TreeView<InboxNode>,
): SavedSearchStore {
  const store = new SavedSearchStore(services.context.globalState, vscode.l10n);
  const profileId = (): string => {
    const id = services.connections.activeProfile?.id;
    if (!id) throw new Error(vscode.l10n.t('No connection is active. Pick one in the Connections view first.'));
    return id;
  };
  const scopeName = (scope: string): string =>
    scope === ALL_PARTIES_SCOPE
      ? vscode.l10n.t('All parties')
      : (provider.rootNode?.allParties().find((p) => p.partyUrn === scope)?.party.name ?? scope);
  const pickSaved = async (name: unknown, title: string): Promise<SavedSearch> => {
    const saved = store.list(profileId());
    if (typeof name === 'string') {
      const found = store.find(profileId(), name);
      if (!found) throw new Error(vscode.l10n.t('No saved search is called "{0}".', name));
      return found;
    }
    if (saved.length === 0)
      throw new Error(
        vscode.l10n.t('No saved searches for this connection yet: filter a list, then use "Save Search…".'),
      );
    const picked = await services.prompts().pick(
      saved.map((s) => ({
        label: s.name,
        description: `${scopeName(s.scope)} · ${describeFilter(s.filter, vscode.l10n)}`,
        id: s.name,
        search: s,
      })),
      { title, placeHolder: vscode.l10n.t('Saved searches of "{0}"', services.connections.activeProfile?.label ?? '') },
    );
    return picked.search;
  };

  command('altinnInbox.saveSearch', async (arg?: FilterTarget) => {
    const id = profileId();
    let scope: string;
    let filter: InboxFilter | undefined;
    if (arg && 'partyUrn' in arg) {
      scope = arg.partyUrn;
      filter = provider.filterFor(scope, id);
    } else {
      const filtered = provider.filtersOf(id);
      if (filtered.length === 0)
        throw new Error(vscode.l10n.t('Nothing is filtered: set a filter with "Filter Dialogs…" first, then save it.'));
      const chosen =
        filtered.length === 1
          ? filtered[0]
          : (
              await services.prompts().pick(
                filtered.map(([urn, f]) => ({
                  label: scopeName(urn),
                  description: describeFilter(f, vscode.l10n),
                  id: urn,
                  entry: [urn, f] as [string, InboxFilter],
                })),
                { title: vscode.l10n.t('Save Search'), placeHolder: vscode.l10n.t('Which filter?') },
              )
            ).entry;
      [scope, filter] = chosen;
    }
    if (!filter) throw new Error(vscode.l10n.t('This list has no filter to save; use "Filter Dialogs…" first.'));
    const name = await services.prompts().input({
      title: vscode.l10n.t('Save Search'),
      prompt: vscode.l10n.t('A name for "{0}" on {1}', describeFilter(filter, vscode.l10n), scopeName(scope)),
      value: describeFilter(filter, vscode.l10n).slice(0, 80),
      validateInput: (value) => {
        const problem = store.nameProblem(value);
        if (problem) return problem;
        const existing = store.find(id, value);
        return existing
          ? {
              message: vscode.l10n.t('Replaces the saved search "{0}"', existing.name),
              severity: vscode.InputBoxValidationSeverity.Warning,
            }
          : undefined;
      },
    });
    const saved = await store.save(id, { name, scope, filter });
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(bookmark) Saved search "{0}"', saved.name), 4000);
    return saved;
  });

  command('altinnInbox.openSavedSearch', async (name?: unknown) => {
    const search = await pickSaved(name, vscode.l10n.t('Open Saved Search'));
    let target: FilterTarget;
    try {
      target = await filterTargetFor(provider, services, { partyUrn: search.scope });
    } catch (error) {
      // The party may be hidden by the party quick filter: show every party and look again.
      if (!provider.partyQuery()) throw error;
      provider.setPartyQuery('');
      target = await filterTargetFor(provider, services, { partyUrn: search.scope });
    }
    provider.setFilter(target, search.filter);
    await treeView.reveal(target, { expand: true, focus: true, select: true }).then(undefined, () => undefined);
    return search;
  });

  command('altinnInbox.renameSavedSearch', async (name?: unknown) => {
    const search = await pickSaved(name, vscode.l10n.t('Rename Saved Search'));
    const to = await services.prompts().input({
      title: vscode.l10n.t('Rename "{0}"', search.name),
      value: search.name,
      validateInput: (value) => store.nameProblem(value),
    });
    return store.rename(profileId(), search.name, to);
  });

  command('altinnInbox.deleteSavedSearch', async (name?: unknown) => {
    const search = await pickSaved(name, vscode.l10n.t('Delete Saved Search'));
    await services
      .prompts()
      .confirm(
        vscode.l10n.t('Delete the saved search "{0}"?', search.name),
        vscode.l10n.t(
          '{0} on {1}. The filter now applied in the Inbox stays.',
          describeFilter(search.filter, vscode.l10n),
          scopeName(search.scope),
        ),
        vscode.l10n.t('Delete'),
      );
    return store.remove(profileId(), search.name);
  });
  return store;
}
