import * as vscode from 'vscode';
import { decodeJwtUnverified, isJwt, JwtDecodeError } from '../../platform/auth';
import { resolveEnvironment, type EnvironmentId } from '../../platform/environments';
import { registerCommand } from '../commands';
import { profileIdOf, resolveProfile } from '../shared/profileArgs';
import type { ConnectionProfile, MaskinportenProfile, PastedTokenProfile } from '../profiles/profile';
import type { SecretKind } from '../profiles/profileStore';
import { serializeStoredKey } from '../profiles/storedKey';
import type { ExtensionServices } from '../services';
import {
  askClientId,
  askEnvironment,
  askKey,
  askScopes,
  askSystemUser,
  askTokenExchange,
  type Item,
  type KeyChoice,
} from './credentialsWizard';
import { environmentFromIssuer, publicPartOf, type PreparedKey } from './keyMaterial';
import { fetchProfileToken } from '../shared/fetchProfileToken';

/** What the add/generate commands return (metadata only: never key material). */
export interface AddedProfile {
  readonly profile: ConnectionProfile;
  /** The public JWK shown for upload, when a key was generated. */
  readonly publicJwk?: Record<string, unknown>;
}

const DEFAULT_SCOPES = [
  'digdir:dialogporten',
  'altinn:correspondence.read',
  'altinn:accessmanagement/authorizedparties',
];

function keyMetadata(
  key: PreparedKey,
): Pick<MaskinportenProfile, 'keySource' | 'kid' | 'publicJwk' | 'certificateSubject'> {
  return {
    keySource: key.keySource,
    kid: key.kid,
    publicJwk: key.publicJwk,
    certificateSubject: key.certificateSubject,
  };
}

function describeKey(key: PreparedKey): string {
  return key.kid
    ? `RSA ${key.modulusLength}-bit key, kid "${key.kid}" (${key.keySource})`
    : `RSA ${key.modulusLength}-bit key with certificate ${key.certificateSubject?.replace(/\n/g, ', ') ?? ''} (${key.keySource})`;
}

function defaultLabel(
  environment: EnvironmentId,
  clientId: string,
  systemUserOrg: string | undefined,
  existing: readonly ConnectionProfile[],
): string {
  const base = systemUserOrg
    ? vscode.l10n.t('System user for {0}', systemUserOrg)
    : vscode.l10n.t('Client {0}', clientId.slice(0, 8));
  let candidate = base;
  for (let n = 2; existing.some((p) => p.label === candidate && p.environment === environment); n++)
    candidate = `${base} (${n})`;
  return candidate;
}

/** Opens the public JWK for upload in Digdir self-service; offers to copy it and to open self-service. */
async function showPublicJwk(
  services: ExtensionServices,
  publicJwk: Record<string, unknown>,
  environment: EnvironmentId,
): Promise<void> {
  const text = `${JSON.stringify(publicJwk, null, 2)}\n`;
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  const copy = vscode.l10n.t('Copy Public Key');
  const open = vscode.l10n.t('Open Self-Service');
  const selfService = resolveEnvironment(environment === 'sandbox' ? 'tt02' : environment).selfServiceUrl;
  void vscode.window
    .showInformationMessage(
      environment === 'sandbox'
        ? vscode.l10n.t(
            'Generated key "{0}". This is the public half; the private half is in SecretStorage. The sandbox does not know this key, so its Maskinporten refuses it (MP-120) — use it in tt02.',
            String(publicJwk.kid),
          )
        : vscode.l10n.t(
            'Generated key "{0}". Upload this public JWK to the client in Digdir self-service; the private half stays in SecretStorage.',
            String(publicJwk.kid),
          ),
      copy,
      open,
    )
    .then(async (choice) => {
      if (choice === copy) await vscode.env.clipboard.writeText(text);
      if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(selfService));
    });
  services.log.info(`[credentials] generated key ${String(publicJwk.kid)}; public JWK opened for upload`);
}

async function addMaskinportenClient(services: ExtensionServices, keyChoice?: KeyChoice): Promise<AddedProfile> {
  const prompts = services.prompts();
  const title =
    keyChoice === 'generate'
      ? vscode.l10n.t('Generate a key pair for a Maskinporten client')
      : vscode.l10n.t('Add a Maskinporten client');
  const environment = await askEnvironment(prompts, { title });
  const clientId = await askClientId(prompts, { title });
  const scopes = await askScopes(prompts, { title, selected: DEFAULT_SCOPES });
  const key = await askKey(prompts, { title, choice: keyChoice });
  const systemUser = await askSystemUser(prompts, { title });
  const exchangeToAltinn = await askTokenExchange(prompts, { title });
  // Everything was asked and validated: only now is anything saved (secrets first; the store rolls back on failure).
  const profile = await services.profiles.add(
    {
      kind: 'maskinporten',
      environment,
      label: defaultLabel(environment, clientId, systemUser.organisationNumber, services.profiles.list()),
      clientId,
      scopes,
      ...keyMetadata(key),
      systemUserOrg: systemUser.organisationNumber,
      externalRef: systemUser.externalRef,
      exchangeToAltinn,
    },
    { key: serializeStoredKey(key.stored) },
  );
  await services.profiles.setActive(profile.id);
  services.log.info(
    `[credentials] added "${profile.label}" (${environment}, client ${clientId}, ${describeKey(key)}, ${scopes.length} scopes${systemUser.organisationNumber ? `, system user for ${systemUser.organisationNumber}` : ''})`,
  );
  if (key.keySource === 'generated' && key.publicJwk) await showPublicJwk(services, key.publicJwk, environment);
  return { profile, publicJwk: key.keySource === 'generated' ? key.publicJwk : undefined };
}

function tokenProblem(text: string): string | undefined {
  const token = text
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/^"(.*)"$/s, '$1');
  if (token === '') return vscode.l10n.t('Paste an access token (a JWT: three base64url parts separated by dots).');
  try {
    const { claims } = decodeJwtUnverified(token);
    if (!isJwt(token)) return vscode.l10n.t('This is not a JWT (three base64url parts separated by dots).');
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      return vscode.l10n.t(
        'This token expired at {0}; get a fresh one (a pasted token cannot be renewed).',
        new Date(claims.exp * 1000).toLocaleString(),
      );
    }
  } catch (error) {
    return error instanceof JwtDecodeError ? vscode.l10n.t(error.message) : vscode.l10n.t('This is not a JWT.');
  }
  return undefined;
}

async function pasteToken(services: ExtensionServices, arg: unknown): Promise<PastedTokenProfile> {
  const prompts = services.prompts();
  const replacing = profileIdOf(arg)
    ? await resolveProfile(services, arg, { title: vscode.l10n.t('Paste a new token') })
    : undefined;
  if (replacing && replacing.kind !== 'token')
    throw new Error(
      vscode.l10n.t(
        '"{0}" gets its tokens from Maskinporten; only pasted-token profiles take a pasted token.',
        replacing.label,
      ),
    );
  const title = replacing
    ? vscode.l10n.t('Paste a new token for "{0}"', replacing.label)
    : vscode.l10n.t('Paste an access token');
  const text = await prompts.input({
    title,
    prompt: vscode.l10n.t(
      "An access token (JWT), e.g. from Altinn's test token generator. It is kept in SecretStorage only.",
    ),
    placeHolder: 'eyJhbGciOi…',
    password: true,
    validateInput: tokenProblem,
  });
  const problem = tokenProblem(text);
  if (problem) throw new Error(problem);
  const token = text
    .trim()
    .replace(/^Bearer\s+/i, '')
    .replace(/^"(.*)"$/s, '$1');
  if (replacing) {
    await services.profiles.storeSecret(replacing.id, 'token', token);
    services.log.info(`[credentials] replaced the token of "${replacing.label}"`);
    return replacing as PastedTokenProfile;
  }
  const { claims } = decodeJwtUnverified(token);
  const environment = await askEnvironment(prompts, { title, preferred: environmentFromIssuer(claims.iss) });
  const consumer = (claims.consumer as { ID?: unknown } | undefined)?.ID;
  const who =
    typeof claims.pid === 'string'
      ? vscode.l10n.t('person {0}', claims.pid)
      : typeof consumer === 'string'
        ? vscode.l10n.t('organisation {0}', consumer.replace(/^0192:/, ''))
        : typeof claims.client_id === 'string'
          ? vscode.l10n.t('client {0}', claims.client_id.slice(0, 8))
          : vscode.l10n.t('token');
  const label = (
    await prompts.input({
      title,
      prompt: vscode.l10n.t('A name for this connection'),
      value: vscode.l10n.t('Pasted token ({0})', who),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Give the connection a name.') : undefined),
    })
  ).trim();
  const profile = (await services.profiles.add({ kind: 'token', environment, label }, { token })) as PastedTokenProfile;
  await services.profiles.setActive(profile.id);
  services.log.info(`[credentials] added pasted-token profile "${label}" (${environment})`);
  return profile;
}

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
