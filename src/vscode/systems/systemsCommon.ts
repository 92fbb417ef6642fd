import * as vscode from 'vscode';
import type { VendorSystemSummary } from '../../platform/systemUsers';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { resolveProfile } from '../shared/profileArgs';
import { canActAsVendor, vendorClientsFor, type VendorClients } from '../shared/vendorClients';
import type { SystemsNode } from './systemNodes';

/** What the Systems commands accept: a view row, `{ systemId, … }` from other commands and tests, or nothing. */
export interface SystemsArg {
  readonly profileId?: string;
  readonly systemId?: string;
  readonly systemUserId?: string;
  readonly organisation?: string;
  readonly externalRef?: string;
  readonly requestId?: string;
  readonly confirmUrl?: string;
  readonly resources?: readonly string[];
  readonly addClientId?: string;
  readonly systemUser?: SystemsNode['systemUser'];
  readonly request?: SystemsNode['request'];
  readonly changeRequest?: SystemsNode['changeRequest'];
}

export function asSystemsArg(arg: unknown): SystemsArg {
  return arg && typeof arg === 'object' ? (arg as SystemsArg) : {};
}

/** The vendor profile (the row's, else the active one when it can act as a vendor, else asked) and its clients. */
export async function vendorFor(
  services: ExtensionServices,
  arg: SystemsArg,
  title: string,
): Promise<{ profile: ConnectionProfile; clients: VendorClients }> {
  const profile = await resolveProfile(services, arg.profileId ? { profileId: arg.profileId } : undefined, {
    title,
    preferActive: true,
    filter: canActAsVendor,
  });
  if (!canActAsVendor(profile))
    throw new Error(
      vscode.l10n.t('"{0}" cannot manage systems: use a Maskinporten client profile or the sandbox.', profile.label),
    );
  return { profile, clients: await vendorClientsFor(services, profile) };
}

/** The system a command works on: the argument's, else picked among the vendor's systems. */
export async function pickSystem(
  services: ExtensionServices,
  clients: VendorClients,
  arg: SystemsArg,
  title: string,
): Promise<string> {
  if (arg.systemId) return arg.systemId;
  const systems: VendorSystemSummary[] = await clients.register.list();
  if (systems.length === 0)
    throw new Error(vscode.l10n.t('This vendor has no system yet: run "Register System…" first.'));
  const picked = await services.prompts().pick(
    systems.map((s) => ({ id: s.systemId, label: s.name.nb ?? s.name.en ?? s.systemId, description: s.systemId })),
    { title, placeHolder: vscode.l10n.t('System') },
  );
  return picked.id;
}

/** Production asks before every call that changes something; elsewhere this does nothing. */
export async function confirmInProduction(
  services: ExtensionServices,
  clients: VendorClients,
  what: string,
): Promise<void> {
  if (!clients.environment.isProduction) return;
  await services
    .prompts()
    .confirm(
      vscode.l10n.t('Production: {0}?', what),
      vscode.l10n.t('This changes Altinn production for the vendor of "{0}".', clients.profile.label),
      vscode.l10n.t('Continue in Production'),
    );
}

/** Untitled JSON document with what is about to be sent, so the user sees it before confirming. */
export async function showJsonPreview(value: unknown): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({
    language: 'json',
    content: JSON.stringify(value, null, 2),
  });
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
  return document;
}
