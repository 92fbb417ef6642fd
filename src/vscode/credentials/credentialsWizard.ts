import * as vscode from 'vscode';
import { ENVIRONMENT_IDS, ENVIRONMENT_NAMES, type EnvironmentId } from '../../platform/environments';
import { KeyImportError } from '../../platform/errors';
import { validateOrganisationNumber } from '../../platform/identifiers';
import {
  groupScopesByProduct,
  PRODUCT_GROUP_LABELS,
  PRODUCT_GROUP_ORDER,
  SCOPE_CATALOGUE,
} from '../../platform/scopes';
import type { Prompts } from '../prompts';
import {
  clientIdProblem,
  describePem,
  generateRsaKey,
  preparePem,
  preparePemChain,
  preparePkcs12,
  prepareJwk,
  scopeProblem,
  type PreparedKey,
} from './keyMaterial';

/**
 * The questions of the "add Maskinporten client" wizard, one function per step, shared with "edit profile".
 * Every quick-pick item carries an `id`, so host tests answer with ids rather than translated labels.
 */
export type Item<T extends string = string> = vscode.QuickPickItem & { readonly id: T };

const ENVIRONMENT_DETAILS: Readonly<Record<EnvironmentId, string>> = {
  sandbox: 'Built-in local emulator: no credentials needed (the sandbox client is registered on start).',
  tt02: 'Altinn test with Maskinporten test (test.maskinporten.no): where system vendors test.',
  at23: 'Altinn internal acceptance test.',
  yt01: 'Altinn performance test.',
  production: "Real people's and companies' data (maskinporten.no).",
};

export async function askEnvironment(
  prompts: Prompts,
  options: { title: string; preferred?: EnvironmentId },
): Promise<EnvironmentId> {
  const order = options.preferred
    ? [options.preferred, ...ENVIRONMENT_IDS.filter((e) => e !== options.preferred)]
    : (['tt02', 'sandbox', 'at23', 'yt01', 'production'] as EnvironmentId[]);
  const items: Item<EnvironmentId>[] = order.map((id) => ({
    id,
    label: `${id === 'production' ? '$(warning) ' : ''}${ENVIRONMENT_NAMES[id]}`,
    description: id === options.preferred ? vscode.l10n.t("from the token's issuer") : undefined,
    detail: vscode.l10n.t(ENVIRONMENT_DETAILS[id]),
  }));
  return (
    await prompts.pick(items, { title: options.title, placeHolder: vscode.l10n.t('Which environment is this for?') })
  ).id;
}

export async function askClientId(prompts: Prompts, options: { title: string; value?: string }): Promise<string> {
  const value = await prompts.input({
    title: options.title,
    prompt: vscode.l10n.t('The client id (integration id) of your Maskinporten client, from Digdir self-service.'),
    placeHolder: '2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11',
    value: options.value,
    validateInput: (text) => {
      const problem = clientIdProblem(text);
      return problem ? vscode.l10n.t(problem) : undefined;
    },
  });
  const problem = clientIdProblem(value);
  if (problem) throw new Error(vscode.l10n.t(problem));
  return value.trim().toLowerCase();
}

const OTHER_SCOPES = '$other';

/** Scopes from the catalogue grouped by product (one line each), plus free text for scopes it does not know. */
export async function askScopes(
  prompts: Prompts,
  options: { title: string; selected: readonly string[] },
): Promise<string[]> {
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const product of PRODUCT_GROUP_ORDER) {
    const scopes = SCOPE_CATALOGUE.filter((s) => s.product === product);
    if (scopes.length === 0) continue;
    items.push({ label: PRODUCT_GROUP_LABELS[product].en, kind: vscode.QuickPickItemKind.Separator });
    for (const info of scopes) {
      items.push({
        id: info.scope,
        label: info.scope,
        description: info.forVendors ? undefined : vscode.l10n.t('not for system vendors'),
        detail: vscode.l10n.t(info.purpose.en),
        picked: options.selected.includes(info.scope),
      });
    }
  }
  const unknown = options.selected.filter((s) => !SCOPE_CATALOGUE.some((info) => info.scope === s));
  items.push({ label: vscode.l10n.t('Other'), kind: vscode.QuickPickItemKind.Separator });
  for (const scope of unknown)
    items.push({ id: scope, label: scope, description: vscode.l10n.t('not in the catalogue'), picked: true });
  items.push({
    id: OTHER_SCOPES,
    label: vscode.l10n.t('$(edit) Other scopes…'),
    detail: vscode.l10n.t('Type scopes the list does not have (space-separated).'),
  });
  const picked = await prompts.pickMany(items, {
    title: options.title,
    placeHolder: vscode.l10n.t('Scopes registered on the client (the token asks for all of them)'),
    matchOnDetail: true,
  });
  const scopes = picked.map((item) => item.id).filter((id): id is string => id !== undefined && id !== OTHER_SCOPES);
  if (picked.some((item) => item.id === OTHER_SCOPES)) {
    const text = await prompts.input({
      title: options.title,
      prompt: vscode.l10n.t('Other scopes, separated by spaces'),
      placeHolder: 'skatteetaten:example.read',
      validateInput: (value) => {
        const problem = value.split(/\s+/).filter(Boolean).map(scopeProblem).find(Boolean);
        return problem ? vscode.l10n.t(problem) : undefined;
      },
    });
    for (const scope of text.split(/\s+/).filter(Boolean)) {
      const problem = scopeProblem(scope);
      if (problem) throw new Error(vscode.l10n.t(problem));
      scopes.push(scope);
    }
  }
  const unique = [...new Set(scopes)];
  if (unique.length === 0)
    throw new Error(vscode.l10n.t('Pick at least one scope: Maskinporten issues no token without one.'));
  return groupScopesByProduct(unique).flatMap((group) => group.scopes);
}

export type KeyChoice = 'generate' | 'jwk' | 'pem' | 'pkcs12' | 'pem-chain';

/** Where the client's key comes from; validates everything before returning (nothing is stored here). */
export async function askKey(prompts: Prompts, options: { title: string; choice?: KeyChoice }): Promise<PreparedKey> {
  const choice =
    options.choice ??
    (
      await prompts.pick<Item<KeyChoice>>(
        [
          {
            id: 'generate',
            label: vscode.l10n.t('$(sparkle) Generate a new RSA-2048 key pair'),
            detail: vscode.l10n.t(
              'The private half stays in VS Code SecretStorage; the public JWK opens for upload in Digdir self-service.',
            ),
          },
          {
            id: 'jwk',
            label: vscode.l10n.t('$(json) Import a private JWK (.json)'),
            detail: vscode.l10n.t('A JSON Web Key with "d" and the kid it is registered under.'),
          },
          {
            id: 'pem',
            label: vscode.l10n.t('$(file) Import a PEM private key + kid'),
            detail: vscode.l10n.t(
              '"BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY"; you give the kid registered in self-service.',
            ),
          },
          {
            id: 'pkcs12',
            label: vscode.l10n.t('$(workspace-trusted) Import a business certificate (.p12/.pfx)'),
            detail: vscode.l10n.t(
              'Virksomhetssertifikat with its password; the password opens the file once and is not kept.',
            ),
          },
          {
            id: 'pem-chain',
            label: vscode.l10n.t('$(file-symlink-file) Import a PEM certificate chain + private key'),
            detail: vscode.l10n.t(
              'The certificate (and intermediates) as PEM, and the private key that belongs to it.',
            ),
          },
        ],
        { title: options.title, placeHolder: vscode.l10n.t('How does this client sign its Maskinporten grants?') },
      )
    ).id;
  switch (choice) {
    case 'generate':
      return generateRsaKey();
    case 'jwk': {
      const file = await prompts.openFile({
        title: vscode.l10n.t('Private JWK'),
        filters: { [vscode.l10n.t('JSON Web Key')]: ['json', 'jwk'], [vscode.l10n.t('All files')]: ['*'] },
      });
      return prepareJwk(await readText(file));
    }
    case 'pem': {
      const file = await prompts.openFile({
        title: vscode.l10n.t('PEM private key'),
        filters: { [vscode.l10n.t('PEM')]: ['pem', 'key'], [vscode.l10n.t('All files')]: ['*'] },
      });
      const pem = await readText(file);
      const shape = describePem(pem);
      if (!shape.hasPrivateKey) return preparePem(pem, 'unused'); // throws the platform's clear error (certificate without key, …)
      const kid = await prompts.input({
        title: options.title,
        prompt: vscode.l10n.t('The kid the public key was registered under in Digdir self-service'),
        validateInput: (value) =>
          value.trim() === ''
            ? vscode.l10n.t('A kid is needed: Maskinporten finds the registered key by it.')
            : undefined,
      });
      const passphrase = shape.encrypted
        ? await askPassword(prompts, vscode.l10n.t('Password of the encrypted private key'))
        : undefined;
      return preparePem(pem, kid, passphrase);
    }
    case 'pkcs12': {
      const file = await prompts.openFile({
        title: vscode.l10n.t('Business certificate (PKCS#12)'),
        filters: { [vscode.l10n.t('PKCS#12')]: ['p12', 'pfx'], [vscode.l10n.t('All files')]: ['*'] },
      });
      const data = await vscode.workspace.fs.readFile(file);
      const password = await askPassword(prompts, vscode.l10n.t('Password of the .p12/.pfx file (not kept)'));
      return preparePkcs12(data, password);
    }
    case 'pem-chain': {
      const certificateFile = await prompts.openFile({
        title: vscode.l10n.t('Certificate chain (PEM)'),
        filters: { [vscode.l10n.t('PEM')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] },
      });
      const certificates = await readText(certificateFile);
      const certificateShape = describePem(certificates);
      if (!certificateShape.hasCertificate)
        throw new KeyImportError(
          'unreadable',
          vscode.l10n.t('No "-----BEGIN CERTIFICATE-----" block found in the certificate file.'),
        );
      let keyPem = certificates;
      if (!certificateShape.hasPrivateKey) {
        const keyFile = await prompts.openFile({
          title: vscode.l10n.t('Private key of the certificate (PEM)'),
          filters: { [vscode.l10n.t('PEM')]: ['pem', 'key'], [vscode.l10n.t('All files')]: ['*'] },
        });
        keyPem = await readText(keyFile);
      }
      const keyShape = describePem(keyPem);
      const passphrase =
        keyShape.hasPrivateKey && keyShape.encrypted
          ? await askPassword(prompts, vscode.l10n.t('Password of the encrypted private key'))
          : undefined;
      return preparePemChain(keyPem, certificates, passphrase);
    }
  }
}

function askPassword(prompts: Prompts, prompt: string): Promise<string> {
  return prompts.input({ title: prompt, prompt, password: true });
}

async function readText(file: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(file);
  if (bytes.byteLength > 1_000_000)
    throw new KeyImportError(
      'unreadable',
      vscode.l10n.t('{0} is larger than 1 MB; that is not a key file.', file.path.split('/').pop() ?? ''),
    );
  return new TextDecoder('utf-8').decode(bytes);
}

export interface SystemUserAnswer {
  readonly organisationNumber?: string;
  readonly externalRef?: string;
}

/** Optional system-user customer (validated mod-11) and externalRef. */
export async function askSystemUser(
  prompts: Prompts,
  options: { title: string; current?: SystemUserAnswer },
): Promise<SystemUserAnswer> {
  const choice = await prompts.pick<Item<'none' | 'systemUser'>>(
    [
      {
        id: 'none',
        label: vscode.l10n.t('No system user'),
        detail: vscode.l10n.t('The token acts for the organisation that owns the client.'),
        picked: !options.current?.organisationNumber,
      },
      {
        id: 'systemUser',
        label: vscode.l10n.t('System user for a customer…'),
        detail: vscode.l10n.t(
          "authorization_details with the customer's organisation number: the token acts as the system user the customer approved.",
        ),
        picked: !!options.current?.organisationNumber,
      },
    ],
    { title: options.title, placeHolder: vscode.l10n.t('Does the client act as a system user for a customer?') },
  );
  if (choice.id === 'none') return {};
  const org = await prompts.input({
    title: options.title,
    prompt: vscode.l10n.t("The customer's organisation number (9 digits)"),
    value: options.current?.organisationNumber,
    validateInput: (value) => {
      const result = validateOrganisationNumber(value);
      return result.ok ? undefined : vscode.l10n.t(result.reason);
    },
  });
  const checked = validateOrganisationNumber(org);
  if (!checked.ok) throw new Error(vscode.l10n.t(checked.reason));
  const externalRef = (
    await prompts.input({
      title: options.title,
      prompt: vscode.l10n.t('externalRef of the system-user request (leave empty when the request used the default)'),
      value: options.current?.externalRef,
      validateInput: (value) =>
        /^[\w.:\-/]*$/.test(value.trim())
          ? undefined
          : vscode.l10n.t('externalRef may hold letters, digits and . : - / _ only.'),
    })
  ).trim();
  return { organisationNumber: checked.value, externalRef: externalRef || undefined };
}

export async function askTokenExchange(
  prompts: Prompts,
  options: { title: string; current?: boolean },
): Promise<boolean> {
  const choice = await prompts.pick<Item<'maskinporten' | 'altinn'>>(
    [
      {
        id: 'maskinporten',
        label: vscode.l10n.t('Use Maskinporten tokens'),
        detail: vscode.l10n.t(
          'Dialogporten accepts them; Correspondence and access management get an exchanged Altinn token when they need one.',
        ),
        picked: options.current !== true,
      },
      {
        id: 'altinn',
        label: vscode.l10n.t('Exchange every token for an Altinn token'),
        detail: vscode.l10n.t('Send Altinn tokens (authentication/api/v1/exchange/maskinporten) to every API.'),
        picked: options.current === true,
      },
    ],
    { title: options.title, placeHolder: vscode.l10n.t('Which token do the APIs get?') },
  );
  return choice.id === 'altinn';
}
