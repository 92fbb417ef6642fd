import * as vscode from 'vscode';
import { decodeJwtUnverified } from '../../platform/auth';
import { registerCommand } from '../commands';
import { resolveProfile } from '../shared/profileArgs';
import type { ConnectionProfile, MaskinportenProfile } from '../profiles/profile';
import type { SecretKind } from '../profiles/profileStore';
import { serializeStoredKey } from '../profiles/storedKey';
import type { ExtensionServices } from '../services';
import { addMaskinportenClient, describeKey, keyMetadata, pasteToken, showPublicJwk } from './addProfileCommands';
import { askClientId, askKey, askScopes, askSystemUser, askTokenExchange, type Item } from './credentialsWizard';
import { publicPartOf } from './keyMaterial';
import { fetchProfileToken } from '../shared/fetchProfileToken';

async function updateProfile(
  services: ExtensionServices,
  id: string,
  patch: Partial<MaskinportenProfile>,
): Promise<ConnectionProfile> {
  return services.profiles.update(id, patch as never);
}

type EditField = 'label' | 'clientId' | 'scopes' | 'systemUser' | 'exchange' | 'key' | 'token';

async function editProfile(services: ExtensionServices, arg: unknown): Promise<ConnectionProfile> {
  const prompts = services.prompts();
  const profile = await resolveProfile(services, arg, {
    title: vscode.l10n.t('Edit a connection profile'),
    preferActive: false,
  });
  const title = vscode.l10n.t('Edit "{0}"', profile.label);
  let field = arg && typeof arg === 'object' ? (arg as { field?: EditField }).field : undefined;
  if (!field) {
    const items: Item<EditField>[] = [{ id: 'label', label: vscode.l10n.t('Name'), description: profile.label }];
    if (profile.kind === 'maskinporten') {
      items.push(
        { id: 'scopes', label: vscode.l10n.t('Scopes'), description: profile.scopes.join(' ') },
        { id: 'clientId', label: vscode.l10n.t('Client id'), description: profile.clientId },
        {
          id: 'systemUser',
          label: vscode.l10n.t('System-user customer'),
          description: profile.systemUserOrg ?? vscode.l10n.t('none'),
        },
        {
          id: 'exchange',
          label: vscode.l10n.t('Token exchange'),
          description: profile.exchangeToAltinn ? vscode.l10n.t('Altinn tokens') : vscode.l10n.t('Maskinporten tokens'),
        },
        {
          id: 'key',
          label: vscode.l10n.t('Replace the key…'),
          description: profile.kid ? `kid ${profile.kid}` : vscode.l10n.t('certificate'),
        },
      );
    }
    if (profile.kind === 'token') items.push({ id: 'token', label: vscode.l10n.t('Paste a new token…') });
    field = (await prompts.pick(items, { title, placeHolder: vscode.l10n.t('What do you want to change?') })).id;
  }
  if (field === 'label') return renameProfile(services, profile);
  if (field === 'token') return pasteToken(services, { profileId: profile.id });
  if (profile.kind !== 'maskinporten')
    throw new Error(vscode.l10n.t('"{0}" has no {1} to change.', profile.label, field));
  switch (field) {
    case 'clientId':
      return logged(
        services,
        profile,
        'client id',
        await updateProfile(services, profile.id, {
          clientId: await askClientId(prompts, { title, value: profile.clientId }),
        }),
      );
    case 'scopes':
      return logged(
        services,
        profile,
        'scopes',
        await updateProfile(services, profile.id, {
          scopes: await askScopes(prompts, { title, selected: profile.scopes }),
        }),
      );
    case 'systemUser': {
      const answer = await askSystemUser(prompts, {
        title,
        current: { organisationNumber: profile.systemUserOrg, externalRef: profile.externalRef },
      });
      return logged(
        services,
        profile,
        'system user',
        await updateProfile(services, profile.id, {
          systemUserOrg: answer.organisationNumber,
          externalRef: answer.externalRef,
        }),
      );
    }
    case 'exchange':
      return logged(
        services,
        profile,
        'token exchange',
        await updateProfile(services, profile.id, {
          exchangeToAltinn: await askTokenExchange(prompts, { title, current: profile.exchangeToAltinn }),
        }),
      );
    case 'key': {
      const key = await askKey(prompts, { title });
      await services.profiles.storeSecret(profile.id, 'key', serializeStoredKey(key.stored));
      const updated = await updateProfile(services, profile.id, { ...keyMetadata(key) });
      services.log.info(`[credentials] replaced the key of "${profile.label}": ${describeKey(key)}`);
      if (key.keySource === 'generated' && key.publicJwk)
        await showPublicJwk(services, key.publicJwk, profile.environment);
      return updated;
    }
  }
}

function logged(
  services: ExtensionServices,
  profile: ConnectionProfile,
  what: string,
  updated: ConnectionProfile,
): ConnectionProfile {
  services.log.info(`[credentials] changed the ${what} of "${profile.label}"`);
  return updated;
}

async function renameProfile(services: ExtensionServices, arg: unknown): Promise<ConnectionProfile> {
  const profile = await resolveProfile(services, arg, { title: vscode.l10n.t('Rename a connection profile') });
  const label = (
    await services.prompts().input({
      title: vscode.l10n.t('Rename "{0}"', profile.label),
      prompt: vscode.l10n.t('New name'),
      value: profile.label,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The name cannot be empty.') : undefined),
    })
  ).trim();
  if (label === '') throw new Error(vscode.l10n.t('The name cannot be empty.'));
  const updated = await services.profiles.update(profile.id, { label });
  services.log.info(`[credentials] renamed "${profile.label}" to "${label}"`);
  return updated;
}

async function duplicateProfile(services: ExtensionServices, arg: unknown): Promise<ConnectionProfile> {
  const profile = await resolveProfile(services, arg, {
    title: vscode.l10n.t('Duplicate a connection profile'),
    filter: (p) => p.kind !== 'sandbox',
  });
  if (profile.kind === 'sandbox')
    throw new Error(vscode.l10n.t('The sandbox identities are built in; there is nothing to duplicate.'));
  const label = (
    await services.prompts().input({
      title: vscode.l10n.t('Duplicate "{0}"', profile.label),
      prompt: vscode.l10n.t('Name of the copy (its key or token is copied too)'),
      value: vscode.l10n.t('{0} (copy)', profile.label),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The name cannot be empty.') : undefined),
    })
  ).trim();
  // Read the secrets first, so the copy is saved together with them (or not at all).
  const secrets: Partial<Record<SecretKind, string>> = {};
  for (const kind of ['key', 'token', 'certificate-password'] as SecretKind[]) {
    const value = await services.profiles.getSecret(profile.id, kind);
    if (value !== undefined) secrets[kind] = value;
  }
  if (Object.keys(secrets).length === 0)
    throw new Error(
      vscode.l10n.t('The key or token of "{0}" is missing from SecretStorage; nothing to copy.', profile.label),
    );
  const { id: _id, createdAt: _createdAt, ...metadata } = profile;
  const copy = await services.profiles.add({ ...metadata, label }, secrets);
  services.log.info(`[credentials] duplicated "${profile.label}" as "${label}"`);
  return copy;
}

async function deleteProfile(services: ExtensionServices, arg: unknown): Promise<boolean> {
  const profile = await resolveProfile(services, arg, { title: vscode.l10n.t('Delete a connection profile') });
  const detail =
    profile.kind === 'maskinporten'
      ? vscode.l10n.t(
          "Its private key is removed from this computer's SecretStorage and cannot be recovered here. The client in Digdir self-service is not changed.",
        )
      : profile.kind === 'token'
        ? vscode.l10n.t('Its token is removed from SecretStorage.')
        : vscode.l10n.t('"Use the Sandbox" creates it again.');
  await services
    .prompts()
    .confirm(vscode.l10n.t('Delete the connection profile "{0}"?', profile.label), detail, vscode.l10n.t('Delete'));
  await services.profiles.remove(profile.id);
  services.log.info(`[credentials] deleted "${profile.label}" and its secrets`);
  return true;
}

async function exportPublicKey(
  services: ExtensionServices,
  arg: unknown,
): Promise<{ uri: string; format: 'jwk' | 'pem' }> {
  const profile = await resolveProfile(services, arg, {
    title: vscode.l10n.t('Export a public key'),
    preferActive: true,
    filter: (p) => p.kind === 'maskinporten',
  });
  if (profile.kind !== 'maskinporten')
    throw new Error(vscode.l10n.t('"{0}" has no key of its own: only Maskinporten client profiles do.', profile.label));
  const secret = await services.profiles.getSecret(profile.id, 'key');
  if (!secret)
    throw new Error(vscode.l10n.t('The key of "{0}" is missing from SecretStorage; import it again.', profile.label));
  const exported = publicPartOf(secret);
  const safeName = profile.label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'maskinporten';
  const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = exported.format === 'jwk' ? `${safeName}.public.jwk.json` : `${safeName}.certificate.pem`;
  const target = await services.prompts().saveFile({
    title:
      exported.format === 'jwk'
        ? vscode.l10n.t('Save the public JWK (for Digdir self-service)')
        : vscode.l10n.t('Save the certificate chain (PEM)'),
    defaultUri: defaultFolder ? vscode.Uri.joinPath(defaultFolder, fileName) : undefined,
    filters: exported.format === 'jwk' ? { 'JSON Web Key': ['json'] } : { PEM: ['pem'] },
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exported.text));
  services.log.info(
    `[credentials] exported the public ${exported.format === 'jwk' ? 'JWK' : 'certificate chain'} of "${profile.label}" to ${target.fsPath}`,
  );
  const copy = vscode.l10n.t('Copy to Clipboard');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Saved the public part of "{0}" (no private key).', profile.label), copy)
    .then(async (choice) => {
      if (choice === copy) await vscode.env.clipboard.writeText(exported.text);
    });
  return { uri: target.toString(), format: exported.format };
}

async function copyAccessToken(services: ExtensionServices, arg: unknown): Promise<boolean> {
  const profile = await resolveProfile(services, arg, {
    title: vscode.l10n.t('Copy an access token'),
    preferActive: true,
  });
  const token = await fetchProfileToken(services, profile);
  const exp = decodeJwtUnverified(token).claims.exp;
  const until = typeof exp === 'number' ? new Date(exp * 1000).toLocaleTimeString() : vscode.l10n.t('it is revoked');
  await services
    .prompts()
    .confirm(
      vscode.l10n.t('Copy the access token of "{0}" to the clipboard?', profile.label),
      vscode.l10n.t(
        'Anyone who has it can call Altinn APIs as this identity until {0}. Do not paste it into chats, tickets or e-mails; clear the clipboard when done.',
        until,
      ),
      vscode.l10n.t('Copy Token'),
    );
  await vscode.env.clipboard.writeText(token);
  services.log.info(
    `[credentials] copied the access token of "${profile.label}" to the clipboard (the token is not logged)`,
  );
  return true;
}

export function registerCredentialCommands(services: ExtensionServices): void {
  const { context, log } = services;
  registerCommand(context, { log }, 'altinnInbox.addMaskinportenClient', () => addMaskinportenClient(services));
  registerCommand(context, { log }, 'altinnInbox.generateKeyPair', () => addMaskinportenClient(services, 'generate'));
  registerCommand(context, { log }, 'altinnInbox.pasteToken', (arg?: unknown) => pasteToken(services, arg));
  registerCommand(context, { log }, 'altinnInbox.editProfile', (arg?: unknown) => editProfile(services, arg));
  registerCommand(context, { log }, 'altinnInbox.renameProfile', (arg?: unknown) => renameProfile(services, arg));
  registerCommand(context, { log }, 'altinnInbox.duplicateProfile', (arg?: unknown) => duplicateProfile(services, arg));
  registerCommand(context, { log }, 'altinnInbox.deleteProfile', (arg?: unknown) => deleteProfile(services, arg));
  registerCommand(context, { log }, 'altinnInbox.exportPublicKey', (arg?: unknown) => exportPublicKey(services, arg));
  registerCommand(context, { log }, 'altinnInbox.copyAccessToken', (arg?: unknown) => copyAccessToken(services, arg));
}
