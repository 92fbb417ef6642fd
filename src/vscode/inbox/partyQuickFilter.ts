import * as vscode from 'vscode';
import { isUserCancelled } from '../commands';
import type { ExtensionServices } from '../services';
import type { InboxTreeProvider } from './inboxTreeProvider';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

/**
 * The party quick filter at the top of the Inbox: the tree narrows while the user types (from the parties already
 * fetched, no request per keystroke) and the input box says how many match; Escape puts the previous filter back.
 */
export function registerPartyQuickFilter(
  command: Register,
  services: ExtensionServices,
  provider: InboxTreeProvider,
): void {
  command('altinnInbox.filterParties', async (query?: unknown) => {
    if (typeof query === 'string') {
      provider.setPartyQuery(query);
      return provider.rootNode?.countMatching(query);
    }
    if (!provider.rootNode) await provider.getChildren();
    const root = provider.rootNode;
    if (root && !root.loaded) await root.children();
    const before = provider.partyQuery();
    try {
      const value = await services.prompts().input({
        title: vscode.l10n.t('Filter Parties'),
        prompt: vscode.l10n.t('A name (every word, accents ignored) or an organisation or national identity number'),
        placeHolder: vscode.l10n.t('e.g. fjord regnskap, or 310 000 001'),
        value: before,
        validateInput: (text) => {
          provider.setPartyQuery(text);
          const matches = provider.rootNode?.countMatching(text);
          if (!text.trim() || matches === undefined) return undefined;
          return {
            message:
              matches === 0
                ? vscode.l10n.t('No party matches')
                : vscode.l10n.t('{0} of {1} parties match', matches, provider.rootNode?.partyCount ?? 0),
            severity:
              matches === 0 ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info,
          };
        },
      });
      provider.setPartyQuery(value);
      return provider.rootNode?.countMatching(value);
    } catch (error) {
      if (isUserCancelled(error)) provider.setPartyQuery(before);
      throw error;
    }
  });
  command('altinnInbox.clearPartyFilter', () => provider.setPartyQuery(''));
}
