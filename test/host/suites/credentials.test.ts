import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MaskinportenProfile } from '../../../src/vscode/profiles/profile';
import { makeBusinessCertificate, makePkcs12 } from '../../unit/helpers/certificates';
import {
  closeEditors,
  file,
  logText,
  NO_SYSTEM_USER,
  pemBody,
  rememberSecret,
  setup,
  upToKey,
  CLIENT_ID,
  type Env,
} from './credentialHelpers';

// Host tests of credential management: every command runs for real with scripted answers (testHooks.usePrompts).
// Refused keys, tokens and other bad input are in badInput.test.ts.
// Every key, password and token used here and in connections.test.ts is registered on globalThis, so the secret scan
// at the end of this file looks for each of them in global state, settings and the log.

const PROFILES_KEY = 'altinnInbox.profiles';
const SECRET_KINDS = ['key', 'token', 'certificate-password'] as const;

describe('credentials: keys and tokens in SecretStorage', function () {
  this.timeout(60_000);
  let env: Env;

  before(async () => {
    env = await setup();
  });

  after(() => {
    env.hooks.usePrompts(undefined);
  });

  it('imports a private JWK, a PEM key with a kid, a PKCS#12 certificate and a PEM chain + key, each kept only in SecretStorage', async () => {
    const { profiles } = env.hooks.services;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'imported-jwk' };
    rememberSecret(jwk.d as string);
    rememberSecret(jwk.p as string);
    env.prompts.enqueue(...upToKey(), 'jwk', file(env, 'key.json', JSON.stringify(jwk)), ...NO_SYSTEM_USER);
    const fromJwk = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(fromJwk.profile.keySource, 'jwk');
    assert.equal(fromJwk.profile.kid, 'imported-jwk');
    assert.equal(fromJwk.profile.clientId, CLIENT_ID);
    assert.equal(fromJwk.profile.publicJwk?.d, undefined, 'metadata has only the public half');
    assert.equal(
      JSON.parse((await profiles.getSecret(fromJwk.profile.id, 'key'))!).jwk.d,
      jwk.d,
      'the private JWK is in SecretStorage',
    );
    assert.equal(profiles.active()?.id, fromJwk.profile.id, 'the new profile is active');

    const encrypted = generateKeyPairSync('rsa', { modulusLength: 3072 })
      .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pem-password-1' })
      .toString();
    rememberSecret('pem-password-1');
    env.prompts.enqueue(
      ...upToKey(),
      'pem',
      file(env, 'key.pem', encrypted),
      'pem-kid',
      'pem-password-1',
      ...NO_SYSTEM_USER,
    );
    const fromPem = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(fromPem.profile.kid, 'pem-kid');
    const storedPem = JSON.parse((await profiles.getSecret(fromPem.profile.id, 'key'))!);
    assert.equal(storedPem.format, 'pem');
    assert.doesNotMatch(storedPem.pem, /ENCRYPTED/, 'kept decrypted, so no password is kept');
    rememberSecret(pemBody(storedPem.pem));
    const asked = env.prompts.asked.filter((question) => question.kind === 'input');
    assert.ok(!JSON.stringify(asked).includes('pem-password-1'), 'the password prompt records no value');

    const certificate = makeBusinessCertificate({ organisationNumber: '310000001' });
    rememberSecret(pemBody(certificate.keyPem));
    rememberSecret('p12-password-1');
    env.prompts.enqueue(
      ...upToKey(),
      'pkcs12',
      file(env, 'cert.p12', makePkcs12(certificate, 'p12-password-1')),
      'p12-password-1',
      ...NO_SYSTEM_USER,
    );
    const fromP12 = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(fromP12.profile.keySource, 'pkcs12');
    assert.equal(fromP12.profile.kid, undefined, 'certificate keys are named by x5c, not kid');
    assert.match(fromP12.profile.certificateSubject ?? '', /SANDBOX TEST AS/);
    assert.equal(JSON.parse((await profiles.getSecret(fromP12.profile.id, 'key'))!).format, 'pem-chain');

    const other = makeBusinessCertificate({ organisationNumber: '310000001' });
    rememberSecret(pemBody(other.keyPem));
    env.prompts.enqueue(
      ...upToKey(),
      'pem-chain',
      file(env, 'chain.pem', other.certPem),
      file(env, 'chain.key', other.keyPem),
      ...NO_SYSTEM_USER,
    );
    const fromChain = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(fromChain.profile.keySource, 'pem-chain');

    for (const profile of [fromJwk, fromPem, fromP12, fromChain].map((p) => p.profile)) {
      assert.ok(!JSON.stringify(profiles.get(profile.id)).includes('PRIVATE KEY'));
    }
  });

  it('generates an RSA key pair: the public JWK opens in an editor, the private half is only in SecretStorage', async () => {
    const { profiles, context } = env.hooks.services;
    env.prompts.enqueue(...upToKey('tt02'), ...NO_SYSTEM_USER);
    const result = await vscode.commands.executeCommand<{
      profile: MaskinportenProfile;
      publicJwk: Record<string, unknown>;
    }>('altinnInbox.generateKeyPair');
    assert.equal(result.profile.keySource, 'generated');
    assert.match(String(result.publicJwk.kid), /^altinn-inbox-\d{8}-[0-9a-f]{6}$/);
    assert.equal(result.publicJwk.d, undefined);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor shows the public key');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'json');
    const shown = JSON.parse(editor.document.getText());
    assert.deepEqual(shown, result.publicJwk, 'the editor holds the public JWK');
    assert.deepEqual(Object.keys(shown).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const stored = JSON.parse((await profiles.getSecret(result.profile.id, 'key'))!);
    assert.equal(stored.jwk.kid, result.publicJwk.kid);
    assert.equal(typeof stored.jwk.d, 'string', 'the private half is in SecretStorage');
    assert.equal(stored.jwk.n, shown.n, 'they are the two halves of one key');
    rememberSecret(stored.jwk.d);
    rememberSecret(stored.jwk.q);
    const state = JSON.stringify(context.globalState.get(PROFILES_KEY));
    assert.ok(
      state.includes(String(result.publicJwk.kid)) && !state.includes(stored.jwk.d),
      'global state has the kid, not the private key',
    );
    await closeEditors();
  });

  it('exports only the public part: the public JWK of a kid key, the certificate chain of a certificate key', async () => {
    const { profiles } = env.hooks.services;
    const kidProfile = profiles.list().find((p) => p.kind === 'maskinporten' && p.keySource === 'generated')!;
    env.prompts.enqueue(join(env.dir, 'exported.jwk.json'));
    const exported = await vscode.commands.executeCommand<{ uri: string; format: string }>(
      'altinnInbox.exportPublicKey',
      { profileId: kidProfile.id },
    );
    assert.equal(exported.format, 'jwk');
    const jwk = JSON.parse(readFileSync(join(env.dir, 'exported.jwk.json'), 'utf8'));
    assert.equal(jwk.kid, (kidProfile as MaskinportenProfile).kid);
    assert.equal(jwk.d, undefined);

    const certificateProfile = profiles.list().find((p) => p.kind === 'maskinporten' && p.keySource === 'pkcs12')!;
    env.prompts.enqueue(join(env.dir, 'exported.pem'));
    await vscode.commands.executeCommand('altinnInbox.exportPublicKey', { profileId: certificateProfile.id });
    const pem = readFileSync(join(env.dir, 'exported.pem'), 'utf8');
    assert.match(pem, /^-----BEGIN CERTIFICATE-----/);
    assert.doesNotMatch(pem, /PRIVATE KEY/);
  });

  it('renames, duplicates (with its secrets) and deletes a profile, whose secrets are then gone', async () => {
    const { profiles } = env.hooks.services;
    const original = profiles.list().find((p) => p.kind === 'maskinporten' && p.keySource === 'jwk')!;
    env.prompts.enqueue('Renamed client');
    await vscode.commands.executeCommand('altinnInbox.renameProfile', { profileId: original.id });
    assert.equal(profiles.get(original.id)?.label, 'Renamed client');

    env.prompts.enqueue('Copy of the client');
    const copy = await vscode.commands.executeCommand<MaskinportenProfile>('altinnInbox.duplicateProfile', {
      profileId: original.id,
    });
    assert.notEqual(copy.id, original.id);
    assert.equal(copy.label, 'Copy of the client');
    assert.equal(copy.clientId, (original as MaskinportenProfile).clientId);
    assert.equal(
      await profiles.getSecret(copy.id, 'key'),
      await profiles.getSecret(original.id, 'key'),
      'the key was copied',
    );

    env.prompts.enqueue(undefined);
    await vscode.commands.executeCommand('altinnInbox.deleteProfile', { profileId: copy.id });
    assert.ok(profiles.get(copy.id), 'dismissing the confirmation keeps the profile');

    env.prompts.enqueue('Delete');
    assert.equal(await vscode.commands.executeCommand('altinnInbox.deleteProfile', { profileId: copy.id }), true);
    assert.equal(profiles.get(copy.id), undefined, 'the profile is gone');
    for (const kind of SECRET_KINDS)
      assert.equal(
        await env.hooks.secrets.get(`altinnInbox.profile.${copy.id}.${kind}`),
        undefined,
        `its ${kind} secret is gone`,
      );
    assert.ok(await profiles.getSecret(original.id, 'key'), 'the original keeps its key');
  });

  it('pastes a token (kept in SecretStorage without the Bearer prefix) and copies it only after a warning', async () => {
    const { profiles, connections, sandbox } = env.hooks.services;
    await sandbox.ensureStarted();
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const person = connections.activeProfile!;
    const token = await (await connections.tokenProvider(person, 'maskinporten')).getToken();
    rememberSecret(token);

    env.prompts.enqueue(`Bearer ${token}`, 'sandbox', 'My pasted token');
    const pasted = await vscode.commands.executeCommand<{ id: string; kind: string }>('altinnInbox.pasteToken');
    assert.equal(pasted.kind, 'token');
    assert.equal(await profiles.getSecret(pasted.id, 'token'), token, 'stored without the Bearer prefix');
    assert.ok(!JSON.stringify(profiles.get(pasted.id)).includes(token.split('.')[2]));
    const state = await connections.refreshToken(profiles.get(pasted.id)!);
    assert.equal(state.status, 'valid');

    // Copying asks first (a dismissed warning copies nothing); the clipboard itself cannot be read back in the
    // browser-hosted test workbench (reading needs a permission prompt), so only the flow is checked here.
    env.prompts.enqueue(undefined);
    assert.equal(
      await vscode.commands.executeCommand('altinnInbox.copyAccessToken', { profileId: pasted.id }),
      undefined,
    );
    assert.equal(env.prompts.asked.at(-1)?.kind, 'confirm');
    assert.match(env.prompts.asked.at(-1)?.title ?? '', /Copy the access token of "My pasted token"/);
    env.prompts.enqueue('Copy Token');
    assert.equal(await vscode.commands.executeCommand('altinnInbox.copyAccessToken', { profileId: pasted.id }), true);
    await vscode.env.clipboard.writeText('');
  });
});

describe('credentials: no key material or token in global state, settings or logs', function () {
  this.timeout(60_000);

  it('finds none of the keys, passwords and tokens used above in global state, settings or the log', async () => {
    const env = await setup();
    env.hooks.usePrompts(undefined);
    const secrets = [...((globalThis as { __altinnTestSecrets?: Set<string> }).__altinnTestSecrets ?? [])].filter(
      (s) => s.length >= 8,
    );
    assert.ok(secrets.length >= 8, `the flows above registered the secrets they used (${secrets.length})`);

    const { context, log } = env.hooks.services;
    const marker = `secret-scan-marker-${Date.now()}`;
    log.info(`[test] ${marker}`);
    const logs = await logText(env.hooks, marker);
    assert.ok(logs.includes(marker), "the scan reads the real log file of the extension's LogOutputChannel");
    assert.match(logs, /\[credentials\] added "/, 'the credential flows were logged (what, not the secrets)');

    const globalState = JSON.stringify(context.globalState.keys().map((key) => [key, context.globalState.get(key)]));
    assert.match(globalState, /altinnInbox\.profiles/, 'profiles are in global state');
    const configuration = vscode.workspace.getConfiguration('altinnInbox');
    const settings = JSON.stringify(['defaultEnvironment', 'customBaseUrls'].map((key) => configuration.inspect(key)));
    const settingsFiles: string[] = [];
    const { existsSync } = await import('node:fs');
    for (const candidate of [
      join(context.globalStorageUri.fsPath, '..', '..', 'settings.json'),
      ...(vscode.workspace.workspaceFolders ?? []).map((f) => join(f.uri.fsPath, '.vscode', 'settings.json')),
    ]) {
      if (existsSync(candidate)) settingsFiles.push(readFileSync(candidate, 'utf8'));
    }
    const haystacks: Record<string, string> = {
      'global state': globalState,
      settings: settings + settingsFiles.join('\n'),
      log: logs,
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets)
        assert.ok(
          !text.includes(secret),
          `a secret (${secret.slice(0, 4)}…, ${secret.length} chars) leaked into ${where}`,
        );
      assert.doesNotMatch(text, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, `no PEM private key in ${where}`);
      assert.doesNotMatch(text, /"d"\s*:\s*"[\w-]{20,}"/, `no private JWK member in ${where}`);
      assert.doesNotMatch(text, /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/, `no JWT in ${where}`);
    }
  });
});
