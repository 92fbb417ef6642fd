import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';

type Register = (id: string, handler: (...args: never[]) => unknown) => void;

const MAX_CLIENTS = 20_000;

/**
 * "Use the Sandbox as an Accountant…": restarts the embedded sandbox with an accounting firm whose agent system user
 * acts for N client organisations, and makes a profile for that system user active, so the Inbox shows what an
 * accounting or payroll vendor sees.
 */
export function registerAccountantSandbox(command: Register, services: ExtensionServices): void {
  command('altinnInbox.useSandboxAccountant', async (count?: unknown) => {
    const clients =
      typeof count === 'number'
        ? count
        : Number(
            await services.prompts().input({
              title: vscode.l10n.t('Use the Sandbox as an Accountant'),
              prompt: vscode.l10n.t(
                'How many client organisations the accounting firm acts for (1–{0}; 0 goes back to the plain sandbox). The sandbox restarts.',
                MAX_CLIENTS,
              ),
              value: '5000',
              validateInput: (value) => clientsProblem(Number(value.trim())),
            }),
          );
    const problem = clientsProblem(clients);
    if (problem) throw new Error(problem);
    const label = vscode.l10n.t('Sandbox accountant');
    const existing = services.profiles
      .list()
      .find((p) => p.kind === 'sandbox' && p.identity.type === 'systemUser' && p.label === label);
    if (clients === 0) {
      await services.sandbox.restartWithClients(0);
      if (existing) await services.profiles.remove(existing.id);
      await vscode.commands.executeCommand('altinnInbox.useSandbox');
      await vscode.commands.executeCommand('altinnInbox.refreshInbox');
      return { profileId: services.connections.activeProfile?.id, clients: 0 };
    }
    const handle = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Starting the sandbox with {0} clients…', clients),
      },
      () => services.sandbox.restartWithClients(clients),
    );
    const firm = handle.context.world.accountingFirm;
    if (!firm) throw new Error(vscode.l10n.t('The sandbox started without an accounting firm; see the log.'));
    // Each restart makes a new firm (its number follows the seed and the client count): one profile, made again.
    if (existing) await services.profiles.remove(existing.id);
    const profile = await services.profiles.add({
      kind: 'sandbox',
      environment: 'sandbox',
      label,
      identity: { type: 'systemUser', organisationNumber: firm.organisationNumber },
    });
    await services.profiles.setActive(profile.id);
    await vscode.commands.executeCommand('altinnInbox.refreshInbox');
    services.log.info(
      `[sandbox] accounting firm ${firm.organisationNumber} with ${firm.clientOrganisations.length} clients`,
    );
    return { profileId: profile.id, clients: firm.clientOrganisations.length };
  });
}

function clientsProblem(clients: number): string | undefined {
  return Number.isInteger(clients) && clients >= 0 && clients <= MAX_CLIENTS
    ? undefined
    : vscode.l10n.t('A whole number from 0 to {0}.', MAX_CLIENTS);
}
