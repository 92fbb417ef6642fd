import * as vscode from 'vscode';
import { decodeJwtUnverified, isJwt, JwtDecodeError } from '../../platform/auth';
import { resolveEnvironment, type EnvironmentId } from '../../platform/environments';
import { profileIdOf, resolveProfile } from '../shared/profileArgs';
import type { ConnectionProfile, MaskinportenProfile, PastedTokenProfile } from '../profiles/profile';
import { serializeStoredKey } from '../profiles/storedKey';
import type { ExtensionServices } from '../services';
import {
  askClientId,
  askEnvironment,
  askKey,
  askScopes,
  askSystemUser,
  askTokenExchange,
  type KeyChoice,
} from './credentialsWizard';
import { environmentFromIssuer, type PreparedKey } from './keyMaterial';

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

export function keyMetadata(
  key: PreparedKey,
): Pick<MaskinportenProfile, 'keySource' | 'kid' | 'publicJwk' | 'certificateSubject'> {
  return {
    keySource: key.keySource,
    kid: key.kid,
    publicJwk: key.publicJwk,
    certificateSubject: key.certificateSubject,
  };
}

export function describeKey(key: PreparedKey): string {
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
export async function showPublicJwk(
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

export async function addMaskinportenClient(services: ExtensionServices, keyChoice?: KeyChoice): Promise<AddedProfile> {
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

export async function pasteToken(services: ExtensionServices, arg: unknown): Promise<PastedTokenProfile> {
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
