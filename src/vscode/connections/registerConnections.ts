import * as vscode from 'vscode';
import { withCancellableProgress } from '../cancellableProgress';
import { registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import { CONNECTIONS_VIEW_ID, ConnectionsTreeProvider } from './connectionsTree';
import type { NodeSpec } from './nodeSpec';
import { profileIdOf, profileItems, resolveProfile } from '../shared/profileArgs';
import type { TokenState } from '../tokenState';

export const DRAFT_SCOPE_REQUEST_COMMAND = 'altinnInbox.draftScopeRequest';

/** The Connections view and its commands (credential management and the token inspector register beside it). */
export function registerConnections(services: ExtensionServices): void {
  const { context, log, profiles, connections } = services;
  const provider = new ConnectionsTreeProvider(services);
  const view = vscode.window.createTreeView(CONNECTIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  context.subscriptions.push(provider, view);

  registerCommand(context, { log }, 'altinnInbox.refreshConnections', () =>
    vscode.window.withProgress({ location: { viewId: CONNECTIONS_VIEW_ID } }, () => provider.refreshAll()),
  );

  // Palette and status bar: pick a profile (or add one); with a profile argument, activate it.
  registerCommand(context, { log }, 'altinnInbox.switchProfile', async (arg?: unknown) => {
    if (profileIdOf(arg)) return activate(services, arg);
    const add = [
      {
        id: '$add',
        label: vscode.l10n.t('$(add) Add a Maskinporten client…'),
        command: 'altinnInbox.addMaskinportenClient',
      },
      { id: '$paste', label: vscode.l10n.t('$(clippy) Paste an access token…'), command: 'altinnInbox.pasteToken' },
      { id: '$sandbox', label: vscode.l10n.t('$(beaker) Use the sandbox'), command: 'altinnInbox.useSandbox' },
    ];
    const items = [
      ...profileItems(profiles.list(), profiles.active()?.id),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...add,
    ];
    const picked = await services
      .prompts()
      .pick<vscode.QuickPickItem & { id?: string; command?: string; profile?: unknown }>(items, {
        title: vscode.l10n.t('Switch the Altinn connection'),
        placeHolder: vscode.l10n.t('Profile to use for the inbox and API calls'),
        matchOnDescription: true,
      });
    if (picked.command) return vscode.commands.executeCommand(picked.command);
    return activate(services, picked.id);
  });
  registerCommand(context, { log }, 'altinnInbox.activateProfile', (arg?: unknown) => activate(services, arg));

  registerCommand(context, { log }, 'altinnInbox.refreshToken', async (arg?: unknown): Promise<TokenState> => {
    const profile = await resolveProfile(services, arg, {
      title: vscode.l10n.t('Refresh a token'),
      preferActive: true,
    });
    const state = await withCancellableProgress(
      vscode.l10n.t('Getting a new token for "{0}"…', profile.label),
      (signal) => connections.refreshToken(profile, { force: true, signal }),
    );
    if (state.status === 'error') {
      const show = vscode.l10n.t('Show in Connections');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('No token for "{0}": {1}', profile.label, state.message), show)
        .then((choice) => {
          if (choice === show) void vscode.commands.executeCommand(`${CONNECTIONS_VIEW_ID}.focus`);
        });
    }
    return state;
  });

  // A missing feature row: hand its scopes to the onboarding feature's e-mail draft.
  registerCommand(
    context,
    { log },
    'altinnInbox.requestMissingScopes',
    async (arg?: NodeSpec | { scopes?: string[] }) => {
      const scopes = [
        ...((arg as NodeSpec | undefined)?.missingScopes ?? (arg as { scopes?: string[] } | undefined)?.scopes ?? []),
      ];
      return vscode.commands.executeCommand(DRAFT_SCOPE_REQUEST_COMMAND, { scopes });
    },
  );

  // Keep the view's message in step with the active profile.
  const describeActive = (): void => {
    const active = profiles.active();
    view.description = active ? active.label : undefined;
  };
  describeActive();
  context.subscriptions.push(profiles.onDidChange(describeActive));
}

async function activate(services: ExtensionServices, arg: unknown): Promise<string> {
  const profile = await resolveProfile(services, arg, { title: vscode.l10n.t('Switch the Altinn connection') });
  await services.profiles.setActive(profile.id);
  services.log.info(`[connections] active profile: "${profile.label}" (${profile.environment})`);
  return profile.id;
}
