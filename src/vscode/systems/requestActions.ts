import * as vscode from 'vscode';
import { buildSystemUserApprovalEmail, type DraftLanguage } from '../../platform/drafts';
import type { SystemUserRequest } from '../../platform/systemUsers';
import type { ExtensionServices } from '../services';
import { rightResources } from '../shared/vendorSnapshot';
import { asSystemsArg, confirmInProduction, vendorFor, type SystemsArg } from './systemsCommon';

/** The confirm URL a command works on: the request or change request row's, or `{ confirmUrl }`. */
export function confirmUrlOf(rawArg: unknown): string {
  const arg = asSystemsArg(rawArg);
  const url = arg.request?.request.confirmUrl ?? arg.changeRequest?.confirmUrl ?? arg.confirmUrl;
  if (!url) throw new Error(vscode.l10n.t('This request has no confirm URL.'));
  return url;
}

export async function copyConfirmUrl(rawArg: unknown): Promise<string> {
  const url = confirmUrlOf(rawArg);
  await vscode.env.clipboard.writeText(url);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the confirm URL.'));
  return url;
}

export async function openConfirmUrl(rawArg: unknown): Promise<string> {
  const url = confirmUrlOf(rawArg);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}

/** Soft-deletes a request (202); the same system, customer and reference can then be requested again. */
export async function deleteRequest(services: ExtensionServices, rawArg: unknown): Promise<void> {
  const arg = asSystemsArg(rawArg);
  if (arg.changeRequest) return deleteChangeRequest(services, arg);
  const requestId = arg.request?.request.id ?? arg.requestId;
  if (!requestId) throw new Error(vscode.l10n.t('Pick a request in the Systems view.'));
  const { clients } = await vendorFor(services, arg, vscode.l10n.t('Delete a request'));
  await services
    .prompts()
    .confirm(
      vscode.l10n.t('Delete the request for {0}?', arg.request?.request.partyOrgNo ?? requestId),
      vscode.l10n.t('The customer can no longer answer it; you can ask again afterwards.'),
      vscode.l10n.t('Delete'),
    );
  await confirmInProduction(services, clients, vscode.l10n.t('delete request {0}', requestId));
  await clients.requests.delete(requestId);
}

/** Withdraws a change request (Altinn soft-deletes it); the system user keeps the rights it has. */
async function deleteChangeRequest(services: ExtensionServices, arg: SystemsArg): Promise<void> {
  const change = arg.changeRequest!;
  const { clients } = await vendorFor(services, arg, vscode.l10n.t('Delete a change request'));
  await services
    .prompts()
    .confirm(
      vscode.l10n.t('Delete the change request for {0}?', change.partyOrgNo ?? change.id),
      vscode.l10n.t('The customer can no longer approve the change; the system user keeps the rights it has now.'),
      vscode.l10n.t('Delete'),
    );
  await confirmInProduction(services, clients, vscode.l10n.t('delete change request {0}', change.id));
  await clients.changeRequests.delete(change.id);
}

/** After a request: the confirm URL with Copy and Open, and the e-mail to the customer. Not awaited by the command. */
export function showRequestResult(request: SystemUserRequest, created: boolean): void {
  const copy = vscode.l10n.t('Copy Confirm URL');
  const open = vscode.l10n.t('Open');
  const email = vscode.l10n.t('Draft E-mail to the Customer…');
  const message = created
    ? vscode.l10n.t(
        'Asked {0} for a system user. Send them the confirm URL: {1}',
        request.partyOrgNo,
        request.confirmUrl ?? '—',
      )
    : vscode.l10n.t(
        'A request for {0} with this reference already exists (status {1}); Altinn returned it unchanged. Delete it to ask again. Confirm URL: {2}',
        request.partyOrgNo,
        request.status,
        request.confirmUrl ?? '—',
      );
  void vscode.window.showInformationMessage(message, copy, open, email).then((choice) => {
    const arg = {
      confirmUrl: request.confirmUrl ?? undefined,
      requestId: request.id,
      request: { kind: 'standard', request },
    };
    if (choice === copy) void vscode.commands.executeCommand('altinnInbox.copySystemUserConfirmUrl', arg);
    if (choice === open) void vscode.commands.executeCommand('altinnInbox.openSystemUserConfirmUrl', arg);
    if (choice === email) void vscode.commands.executeCommand('altinnInbox.draftSystemUserRequestEmail', arg);
  });
}

/**
 * The e-mail to the customer's contact, in bokmål or English, as an untitled document (To and Subject first, then
 * the body) the user copies into their mail client.
 */
export async function draftRequestEmail(services: ExtensionServices, rawArg: unknown): Promise<vscode.TextDocument> {
  const arg = asSystemsArg(rawArg);
  const request = arg.request?.request;
  if (!request?.confirmUrl) throw new Error(vscode.l10n.t('Pick a request that waits for the customer.'));
  const prompts = services.prompts();
  const title = vscode.l10n.t('E-mail to the customer');
  const language = (
    await prompts.pick(
      [
        { id: 'nb' as DraftLanguage, label: vscode.l10n.t('Norwegian (bokmål)') },
        { id: 'en' as DraftLanguage, label: vscode.l10n.t('English') },
      ],
      { title, placeHolder: vscode.l10n.t('Language of the e-mail') },
    )
  ).id;
  const to = await prompts.input({
    title,
    prompt: vscode.l10n.t("The customer contact's e-mail address (may be left empty)"),
    validateInput: (value) =>
      value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
        ? undefined
        : vscode.l10n.t('That is not an e-mail address.'),
  });
  const { clients } = await vendorFor(services, arg, title);
  const system = await clients.register.get(request.systemId).catch(() => undefined);
  const draft = buildSystemUserApprovalEmail(
    {
      to,
      customerOrganisationNumber: request.partyOrgNo,
      systemName: request.integrationTitle ?? system?.name[language] ?? system?.name.nb ?? request.systemId,
      vendorName: clients.profile.label,
      confirmUrl: request.confirmUrl,
      resources: rightResources(request.rights),
      accessPackages: request.accessPackages.map((p) => p.urn),
      agent: arg.request?.kind === 'agent',
    },
    language,
  );
  const content = [`To: ${draft.to}`, `Subject: ${draft.subject}`, '', draft.body, ''].join('\n');
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
