import * as vscode from 'vscode';
import { SYSTEM_REGISTER_WRITE } from '../../platform/scopes/systemUserCalls';
import {
  packageInputs,
  resourceRight,
  rightInputs,
  type RegisteredSystem,
  type SystemDefinition,
} from '../../platform/systemUsers';
import type { VendorClients } from '../shared/vendorClients';
import { systemBody } from '../../platform/systemUsers/inputs';
import type { ExtensionServices } from '../services';
import { rightsCatalogue } from './rightsCatalogue';
import { rightResources } from '../shared/vendorSnapshot';
import { asSystemsArg, confirmInProduction, pickSystem, showJsonPreview, vendorFor } from './systemsCommon';

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const OTHER_RESOURCE = '$other';

/**
 * Register System… (no system) and Edit System… (an existing one): every identifier checked before anything is sent,
 * the JSON shown, then sent. The system id is `<vendor orgno>_<name>`, the vendor being the token's consumer
 * (Altinn/altinn-authentication, src/Authentication/Controllers/SystemRegisterController.cs and the AUTH.VLD-00001/13
 * checks); PUT replaces the whole system, client ids included, so Edit starts from what is stored.
 */
export async function runSystemWizard(
  services: ExtensionServices,
  mode: 'register' | 'edit',
  rawArg: unknown,
): Promise<SystemDefinition> {
  const arg = asSystemsArg(rawArg);
  const prompts = services.prompts();
  const title = mode === 'register' ? vscode.l10n.t('Register a system') : vscode.l10n.t('Edit a system');
  const { profile, clients } = await vendorFor(services, arg, title);
  const vendor = await clients.vendorOrganisationNumber(SYSTEM_REGISTER_WRITE);
  let stored: RegisteredSystem | undefined;
  let id: string;
  if (mode === 'edit') {
    id = await pickSystem(services, clients, arg, title);
    stored = await clients.register.get(id);
  } else {
    const taken = new Set((await clients.register.list()).map((s) => s.systemId));
    const name = await prompts.input({
      title,
      prompt: vscode.l10n.t('System name: the system id becomes {0}_<name> (your organisation number first)', vendor),
      placeHolder: 'inbox_reader',
      validateInput: (value) => {
        const trimmed = value.trim();
        if (!NAME_PATTERN.test(trimmed))
          return vscode.l10n.t('Letters, digits, "-" and "_" only, no spaces (Altinn refuses spaces: AUTH.VLD-00013).');
        if (taken.has(`${vendor}_${trimmed}`))
          return vscode.l10n.t('{0}_{1} is already registered (ids stay taken even after a delete).', vendor, trimmed);
        return undefined;
      },
    });
    id = `${vendor}_${name.trim()}`;
  }
  const required = (label: string) => (value: string) =>
    value.trim() ? undefined : vscode.l10n.t('{0} is required.', label);
  const nameNb = await prompts.input({
    title,
    prompt: vscode.l10n.t('Name shown to customers, in Norwegian bokmål (required; approval fails without it)'),
    value: stored?.name.nb,
    validateInput: required(vscode.l10n.t('The bokmål name')),
  });
  const nameEn = await prompts.input({
    title,
    prompt: vscode.l10n.t('Name in English (empty: the bokmål name)'),
    value: stored?.name.en,
  });
  const descriptionNb = await prompts.input({
    title,
    prompt: vscode.l10n.t('Description shown to customers, in bokmål (required)'),
    value: stored?.description.nb,
    validateInput: required(vscode.l10n.t('The description')),
  });
  const existingResources = rightResources(stored?.rights ?? []);
  const existingPackages = (stored?.accessPackages ?? []).map((p) => p.urn);
  const catalogue = await rightsCatalogue(services, profile, {
    resources: existingResources,
    accessPackages: existingPackages,
  });
  const pickedResources = await prompts.pickMany(
    [
      ...catalogue.resources.map((r) => ({
        id: r.id,
        label: r.id,
        detail: r.detail,
        picked: existingResources.includes(r.id),
      })),
      { id: OTHER_RESOURCE, label: vscode.l10n.t('Another resource id…'), detail: vscode.l10n.t('type its id') },
    ],
    { title, placeHolder: vscode.l10n.t('Rights: the services whose messages the system reads') },
  );
  const resources = pickedResources.filter((r) => r.id !== OTHER_RESOURCE).map((r) => r.id);
  if (pickedResources.some((r) => r.id === OTHER_RESOURCE)) {
    const typed = await prompts.input({
      title,
      prompt: vscode.l10n.t('Resource ids from the resource registry, separated by commas'),
      validateInput: (value) =>
        value
          .split(',')
          .map((v) => v.trim())
          .every((v) => /^[a-z0-9][a-z0-9_-]*$/i.test(v.replace(/^urn:altinn:resource:/, '')))
          ? undefined
          : vscode.l10n.t('A resource id is letters, digits, "-" and "_" (for example ttd-correspondence-test).'),
    });
    for (const value of typed.split(',')) resources.push(value.trim().replace(/^urn:altinn:resource:/, ''));
  }
  const packages = await prompts.pickMany(
    catalogue.accessPackages.map((p) => ({
      id: p.id,
      label: p.id.replace('urn:altinn:accesspackage:', ''),
      description: p.id,
      detail: p.detail,
      picked: existingPackages.includes(p.id),
    })),
    { title, placeHolder: vscode.l10n.t('Access packages (optional)') },
  );
  if (resources.length === 0 && packages.length === 0)
    throw new Error(
      vscode.l10n.t('Pick at least one right or access package: a system user without rights sees nothing.'),
    );
  const { clientIds, moves } = await pickClientIds(services, clients, id, stored, arg.addClientId, title);
  const redirects = await prompts.input({
    title,
    prompt: vscode.l10n.t('Allowed redirect URLs after approval (https, separated by commas; may be empty)'),
    value: stored?.allowedRedirectUrls.join(', '),
    validateInput: (value) => {
      const bad = splitList(value).find((url) => !isHttpsUrl(url));
      return bad ? vscode.l10n.t('{0} is not an absolute https URL (AUTH.VLD-00005).', bad) : undefined;
    },
  });
  const definition: SystemDefinition = {
    id,
    vendorOrganisationNumber: vendor,
    name: { nb: nameNb.trim(), en: nameEn.trim() || nameNb.trim() },
    description: { nb: descriptionNb.trim(), en: descriptionNb.trim() },
    rights: [...new Set(resources)].map(resourceRight),
    accessPackages: packages.map((p) => ({ urn: p.id })),
    clientIds,
    isVisible: stored?.isVisible ?? true,
    allowedRedirectUrls: splitList(redirects),
  };
  await showJsonPreview(systemBody(definition));
  await prompts.confirm(
    mode === 'register' ? vscode.l10n.t('Register {0}?', id) : vscode.l10n.t('Replace {0}?', id),
    [
      clients.environment.isProduction ? vscode.l10n.t('This is Altinn production.') : clients.environment.label,
      vscode.l10n.t('The JSON beside is what will be sent.'),
      mode === 'edit' ? vscode.l10n.t('PUT replaces the whole system, client ids included.') : '',
      ...moves.map((m) => vscode.l10n.t('A client id belongs to one system only: it is taken off {0} first.', m.id)),
    ]
      .filter(Boolean)
      .join(' '),
    mode === 'register' ? vscode.l10n.t('Register') : vscode.l10n.t('Replace'),
  );
  await confirmInProduction(
    services,
    clients,
    mode === 'register' ? vscode.l10n.t('register {0}', id) : vscode.l10n.t('replace {0}', id),
  );
  for (const move of moves) await clients.register.update(move);
  if (mode === 'register') await clients.register.create(definition);
  else await clients.register.update(definition);
  services.log.info(`[systems] ${mode === 'register' ? 'registered' : 'replaced'} ${id}`);
  void vscode.window.showInformationMessage(
    mode === 'register' ? vscode.l10n.t('Registered {0}.', id) : vscode.l10n.t('Updated {0}.', id),
  );
  return definition;
}

/**
 * The client ids the system lists: the stored ones, the profile's own and one a Fix asked for, picked. A client id may
 * belong to only one system (AUTH.VLD-00004), so one listed elsewhere is offered with that said, and picking it moves
 * it: the other system is replaced without it first.
 */
async function pickClientIds(
  services: ExtensionServices,
  clients: VendorClients,
  id: string,
  stored: RegisteredSystem | undefined,
  addClientId: string | undefined,
  title: string,
): Promise<{ clientIds: string[]; moves: SystemDefinition[] }> {
  const others = await Promise.all(
    (await clients.register.list()).filter((s) => s.systemId !== id).map((s) => clients.register.get(s.systemId)),
  );
  const ownerOf = (clientId: string) => others.find((s) => !s.isDeleted && s.clientId.includes(clientId));
  const candidates = [
    ...new Set([...(stored?.clientId ?? []), clients.clientId, ...(addClientId ? [addClientId] : [])]),
  ];
  const picked = await services.prompts().pickMany(
    candidates.map((clientId) => {
      const owner = ownerOf(clientId);
      return {
        id: clientId,
        label: clientId,
        description: clientId === clients.clientId ? vscode.l10n.t('this profile’s client') : undefined,
        detail: owner
          ? vscode.l10n.t('listed on {0}; picking it moves it here (one system per client id)', owner.id)
          : undefined,
        picked: !owner || stored?.clientId.includes(clientId) === true,
      };
    }),
    { title, placeHolder: vscode.l10n.t('Maskinporten client ids whose tokens may act as this system’s users') },
  );
  const clientIds = picked.map((p) => p.id);
  const moves = others
    .filter((other) => !other.isDeleted && other.clientId.some((c) => clientIds.includes(c)))
    .map((other) => ({
      id: other.id,
      vendorOrganisationNumber: other.vendor.ID.replace(/^0192:/, ''),
      name: other.name,
      description: other.description,
      rights: rightInputs(other.rights),
      accessPackages: packageInputs(other.accessPackages),
      clientIds: other.clientId.filter((c) => !clientIds.includes(c)),
      isVisible: other.isVisible,
      allowedRedirectUrls: other.allowedRedirectUrls,
    }));
  return { clientIds, moves };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
