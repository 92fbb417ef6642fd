import * as vscode from 'vscode';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';

/** A right or access package offered in a picker, with a line saying what it is. */
export interface CatalogueEntry {
  readonly id: string;
  readonly detail: string;
}

/**
 * Access packages a system for reading an organisation's messages commonly asks for. The codes are Altinn's
 * (Altinn/altinn-authorization-tmp, AccessMgmt.PersistenceEF/Constants); the lines are ours.
 */
function knownAccessPackages(): CatalogueEntry[] {
  const t = vscode.l10n.t;
  return [
    ['ordinaer-post-til-virksomheten', t('Ordinary mail to the business (Correspondence)')],
    ['skatt-naering', t('Tax for the business')],
    ['merverdiavgift', t('VAT (merverdiavgift)')],
    ['a-ordning', t('The a-ordning (employment reporting)')],
    ['sykefravaer', t('Sickness absence')],
    ['ansettelsesforhold', t('Employment relationships')],
    ['regnskap-okonomi-rapport', t('Accounts and financial reporting')],
  ].map(([code, detail]) => ({ id: `urn:altinn:accesspackage:${code}`, detail }));
}

/**
 * The resources and packages a system may list. The sandbox knows its service owners' resources; elsewhere the
 * resource registry is not asked (yet), so the list is what the system already has and the Correspondence resources
 * configured, plus "another resource id" typed in.
 */
export async function rightsCatalogue(
  services: ExtensionServices,
  profile: ConnectionProfile,
  existing: { resources: readonly string[]; accessPackages: readonly string[] },
): Promise<{ resources: CatalogueEntry[]; accessPackages: CatalogueEntry[] }> {
  const resources = new Map<string, string>();
  if (profile.environment === 'sandbox') {
    const handle = await services.sandbox.ensureStarted();
    for (const owner of handle.context.world.serviceOwners)
      for (const resource of owner.resources)
        resources.set(resource.replace(/^urn:altinn:resource:/, ''), vscode.l10n.t('from {0}', owner.name.en));
  }
  const configured = vscode.workspace.getConfiguration('altinnInbox.correspondence').get<unknown>('resources');
  if (Array.isArray(configured))
    for (const resource of configured)
      if (typeof resource === 'string' && !resources.has(resource))
        resources.set(resource, vscode.l10n.t('a Correspondence resource in your settings'));
  for (const resource of existing.resources)
    if (!resources.has(resource)) resources.set(resource, vscode.l10n.t('already on the system'));
  const packages = knownAccessPackages();
  for (const urn of existing.accessPackages)
    if (!packages.some((p) => p.id === urn)) packages.push({ id: urn, detail: vscode.l10n.t('already on the system') });
  return { resources: [...resources].map(([id, detail]) => ({ id, detail })), accessPackages: packages };
}
