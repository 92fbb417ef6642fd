import * as vscode from 'vscode';
import { validateOrganisationNumber } from '../../platform/identifiers';
import { resourceRight, type ChangeRequest, type SystemUserRequest } from '../../platform/systemUsers';
import type { ExtensionServices } from '../services';
import { rightResources } from '../shared/vendorSnapshot';
import { asSystemsArg, confirmInProduction, pickSystem, vendorFor } from './systemsCommon';

export interface RequestOutcome {
  readonly request: SystemUserRequest;
  /** False when Altinn returned an existing request for the same system, customer and external reference. */
  readonly created: boolean;
}

/**
 * Request System User… (standard: rights a subset of the system's; agent: access packages only), after
 * Altinn/altinn-authentication src/Authentication/Controllers/RequestSystemUserController.cs. The customer's
 * organisation number is checked (mod 11) before anything is sent; the redirect URL can only be one the system allows.
 */
export async function runRequestWizard(
  services: ExtensionServices,
  kind: 'standard' | 'agent',
  rawArg: unknown,
): Promise<RequestOutcome> {
  const arg = asSystemsArg(rawArg);
  const prompts = services.prompts();
  const title =
    kind === 'agent' ? vscode.l10n.t('Request an agent system user') : vscode.l10n.t('Request a system user');
  const { clients } = await vendorFor(services, arg, title);
  const systemId = await pickSystem(services, clients, arg, title);
  const system = await clients.register.get(systemId);
  const customer = await prompts.input({
    title,
    prompt:
      kind === 'agent'
        ? vscode.l10n.t(
            "The facilitator's organisation number (the accounting firm that approves and adds its clients)",
          )
        : vscode.l10n.t("The customer's organisation number (the one that approves)"),
    value: arg.organisation,
    validateInput: (value) => {
      const result = validateOrganisationNumber(value);
      return result.ok ? undefined : result.reason;
    },
  });
  const organisation = validateOrganisationNumber(customer);
  if (!organisation.ok) throw new Error(organisation.reason);
  const systemResources = rightResources(system.rights);
  const systemPackages = system.accessPackages.map((p) => p.urn);
  let resources: string[] = [];
  if (kind === 'standard' && systemResources.length) {
    const picked = await prompts.pickMany(
      systemResources.map((r) => ({ id: r, label: r, picked: arg.resources ? arg.resources.includes(r) : true })),
      { title, placeHolder: vscode.l10n.t('Rights to ask for (a subset of the system’s)') },
    );
    resources = picked.map((p) => p.id);
  }
  let packages: string[] = [];
  if (systemPackages.length) {
    const picked = await prompts.pickMany(
      systemPackages.map((p) => ({
        id: p,
        label: p.replace('urn:altinn:accesspackage:', ''),
        description: p,
        picked: kind === 'agent',
      })),
      { title, placeHolder: vscode.l10n.t('Access packages to ask for') },
    );
    packages = picked.map((p) => p.id);
  }
  if (kind === 'agent' && packages.length === 0)
    throw new Error(vscode.l10n.t('An agent request needs at least one access package on the system (AUTH-00058).'));
  if (resources.length === 0 && packages.length === 0)
    throw new Error(vscode.l10n.t('Pick at least one right or access package (AUTH-00059).'));
  const externalRef = (
    await prompts.input({
      title,
      prompt: vscode.l10n.t(
        'External reference (optional; empty means the organisation number). Give one to hold several system users per customer.',
      ),
      value: arg.externalRef,
    })
  ).trim();
  let redirectUrl: string | undefined;
  if (system.allowedRedirectUrls.length) {
    const none = vscode.l10n.t('No redirect');
    const picked = await prompts.pick(
      [{ label: none, id: '' }, ...system.allowedRedirectUrls.map((url) => ({ label: url, id: url }))],
      { title, placeHolder: vscode.l10n.t('Where the customer lands after answering') },
    );
    redirectUrl = picked.id || undefined;
  }
  await confirmInProduction(
    services,
    clients,
    vscode.l10n.t('ask {0} for a system user of {1}', organisation.value, systemId),
  );
  const outcome = await clients.requests.create(kind, {
    systemId,
    customerOrganisationNumber: organisation.value,
    externalRef: externalRef || undefined,
    rights: resources.map(resourceRight),
    accessPackages: packages.map((urn) => ({ urn })),
    redirectUrl,
  });
  services.log.info(
    `[systems] request ${outcome.request.id} for ${organisation.value} (${kind}): ${outcome.created ? 'created' : 'already existed'}`,
  );
  return outcome;
}

/**
 * Change Request… for a standard system user: more rights or packages (Altinn/altinn-authentication,
 * src/Authentication/Controllers/ChangeRequestSystemUserController.cs). Agent system users cannot be changed.
 */
export async function runChangeRequestWizard(services: ExtensionServices, rawArg: unknown): Promise<ChangeRequest> {
  const arg = asSystemsArg(rawArg);
  const prompts = services.prompts();
  const title = vscode.l10n.t('Ask for more rights (change request)');
  const { clients } = await vendorFor(services, arg, title);
  const systemUserId = arg.systemUser?.id ?? arg.systemUserId;
  if (arg.systemUser?.userType === 'agent')
    throw new Error(
      vscode.l10n.t('Agent system users cannot be changed: delete it, request it again and add the clients again.'),
    );
  const systemId = arg.systemUser?.systemId ?? (await pickSystem(services, clients, arg, title));
  let userId = systemUserId;
  if (!userId) {
    const users = (await clients.systemUsers.listBySystem(systemId)).filter((u) => u.userType !== 'agent');
    if (users.length === 0) throw new Error(vscode.l10n.t('{0} has no standard system user to change.', systemId));
    userId = (
      await prompts.pick(
        users.map((u) => ({ id: u.id, label: u.reporteeOrgNo, description: u.externalRef ?? undefined })),
        { title, placeHolder: vscode.l10n.t('System user') },
      )
    ).id;
  }
  const system = await clients.register.get(systemId);
  const resources = await prompts.pickMany(
    rightResources(system.rights).map((r) => ({ id: r, label: r, picked: arg.resources?.includes(r) ?? false })),
    { title, placeHolder: vscode.l10n.t('Rights the system user should have') },
  );
  const packages = system.accessPackages.length
    ? await prompts.pickMany(
        system.accessPackages.map((p) => ({ id: p.urn, label: p.urn.replace('urn:altinn:accesspackage:', '') })),
        { title, placeHolder: vscode.l10n.t('Access packages the system user should have') },
      )
    : [];
  await confirmInProduction(services, clients, vscode.l10n.t('ask for more rights for system user {0}', userId));
  const { changeRequest, created } = await clients.changeRequests.create({
    systemUserId: userId,
    requiredRights: resources.map((r) => resourceRight(r.id)),
    requiredAccessPackages: packages.map((p) => ({ urn: p.id })),
  });
  services.log.info(
    `[systems] change request ${changeRequest.id}: ${changeRequest.status}${created ? '' : ' (not stored)'}`,
  );
  if (changeRequest.status === 'NoChangeNeeded')
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The system user already has what was asked for: nothing to approve.'),
    );
  return changeRequest;
}
