import * as vscode from 'vscode';
import { registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import { copyConfirmUrl, deleteRequest, draftRequestEmail, openConfirmUrl, showRequestResult } from './requestActions';
import { runChangeRequestWizard, runRequestWizard } from './requestWizard';
import { SYSTEMS_VIEW_ID, SystemsTreeProvider } from './systemsTree';
import { runSystemWizard } from './systemWizard';
import { useSystemUser } from './useSystemUser';

/** What host tests reach through TestHooks: the view's provider (its snapshot, announcements and a poll now). */
export interface SystemsTestInternals {
  readonly provider: SystemsTreeProvider;
}

/** The Systems view and its commands: register and edit systems, request system users, follow and use them. */
export function registerSystems(services: ExtensionServices): SystemsTestInternals {
  const { context, log } = services;
  const provider = new SystemsTreeProvider(services);
  const view = vscode.window.createTreeView(SYSTEMS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  context.subscriptions.push(provider, view);
  const describe = (): void => {
    view.description = provider.vendorProfile()?.label;
  };
  describe();
  context.subscriptions.push(services.profiles.onDidChange(describe));

  const deps = { log };
  const afterChange = <T>(work: Promise<T>): Promise<T> =>
    work.then((result) => {
      provider.refresh();
      return result;
    });
  registerCommand(context, deps, 'altinnInbox.refreshSystems', async () => {
    provider.refresh();
    await provider.ready();
  });
  registerCommand(context, deps, 'altinnInbox.registerSystem', (arg?: unknown) =>
    afterChange(runSystemWizard(services, 'register', arg)),
  );
  registerCommand(context, deps, 'altinnInbox.editSystem', (arg?: unknown) =>
    afterChange(runSystemWizard(services, 'edit', arg)),
  );
  const request = (kind: 'standard' | 'agent') => async (arg?: unknown) => {
    const outcome = await afterChange(runRequestWizard(services, kind, arg));
    showRequestResult(outcome.request, outcome.created);
    return outcome;
  };
  registerCommand(context, deps, 'altinnInbox.requestSystemUser', request('standard'));
  registerCommand(context, deps, 'altinnInbox.requestAgentSystemUser', request('agent'));
  registerCommand(context, deps, 'altinnInbox.changeSystemUserRequest', async (arg?: unknown) => {
    const changeRequest = await afterChange(runChangeRequestWizard(services, arg));
    if (changeRequest.confirmUrl)
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('Change request sent; the customer approves it at {0}', changeRequest.confirmUrl),
          vscode.l10n.t('Copy Confirm URL'),
        )
        .then((choice) => {
          if (choice) void vscode.env.clipboard.writeText(changeRequest.confirmUrl!);
        });
    return changeRequest;
  });
  registerCommand(context, deps, 'altinnInbox.useSystemUser', (arg?: unknown) => useSystemUser(services, arg));
  registerCommand(context, deps, 'altinnInbox.copySystemUserConfirmUrl', (arg?: unknown) => copyConfirmUrl(arg));
  registerCommand(context, deps, 'altinnInbox.openSystemUserConfirmUrl', (arg?: unknown) => openConfirmUrl(arg));
  registerCommand(context, deps, 'altinnInbox.deleteSystemUserRequest', (arg?: unknown) =>
    afterChange(deleteRequest(services, arg)),
  );
  registerCommand(context, deps, 'altinnInbox.draftSystemUserRequestEmail', (arg?: unknown) =>
    draftRequestEmail(services, arg),
  );
  return { provider };
}
