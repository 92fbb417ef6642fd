import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MaskinportenProfile } from '../../../src/vscode/profiles/profile';
import { makeBusinessCertificate, makePkcs12 } from '../../unit/helpers/certificates';
import { closeEditors, file, logText, setup, upToKey, NO_SYSTEM_USER, type Env } from './credentialHelpers';
import { printSummary } from './hostHelpers';
import { InboxTreeDriver } from './inboxTreeDriver';

// Bad input in the real extension host: key files, identifiers, tokens, payload files and settings. Each bad
// value is refused with a message that names the problem (read back from the extension's log, where every
// refused command and every unusable setting is written) and leaves global state and SecretStorage as they
// were. Settings of the wrong type are not refused but fall back, and say so. Unit-tier cases: test/unit/settings.

interface Outcome {
  readonly name: string;
  readonly clear: boolean;
  readonly halfSaved: boolean;
  readonly fellBack?: boolean;
}

describe('bad input: refused with a clear message, nothing half-saved', function () {
  this.timeout(180_000);
  let env: Env;
  const outcomes: Outcome[] = [];

  const snapshot = (): string => {
    const state = env.hooks.services.context.globalState;
    return JSON.stringify(state.keys().map((key) => [key, state.get(key)]));
  };

  /** Log lines (each timestamped, so unique) written since `before` was read. */
  async function newLogLines(before: string): Promise<string[]> {
    const known = new Set(before.split('\n'));
    return (await logText(env.hooks)).split('\n').filter((line) => !known.has(line));
  }

  /** A new log line matching `pattern`, waiting up to 10 s for it. */
  async function loggedSince(before: string, pattern: RegExp): Promise<string | undefined> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const hit = (await newLogLines(before)).find((line) => pattern.test(line));
      if (hit || Date.now() > deadline) return hit;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Runs a command that must fail: it returns nothing, logs a message matching `message`, and saves nothing. */
  async function refused(
    name: string,
    answers: unknown[],
    run: () => Thenable<unknown>,
    message: RegExp,
  ): Promise<void> {
    const before = snapshot();
    const from = await logText(env.hooks);
    const secretWrites: string[] = [];
    const subscription = env.hooks.secrets.onDidChange((event) => secretWrites.push(event.key));
    env.prompts.enqueue(...answers);
    let result: unknown;
    try {
      result = await run();
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      subscription.dispose();
    }
    const line = await loggedSince(from, message);
    const halfSaved = snapshot() !== before || secretWrites.length > 0;
    outcomes.push({ name, clear: !!line && result === undefined, halfSaved });
    assert.equal(result, undefined, `${name}: the command failed`);
    assert.ok(
      line,
      `${name}: the log says ${message}; it has:\n${(await newLogLines(from)).filter((l) => /\[altinnInbox\.|\[settings\]/.test(l)).join('\n')}`,
    );
    assert.doesNotMatch(
      line,
      /eyJ[\w-]{8,}\.|[A-Za-z0-9+/]{40,}|"d"\s*:\s*"[\w-]{8,}/,
      `${name}: the message holds no key material or token: ${line}`,
    );
    assert.ok(!halfSaved, `${name}: global state and SecretStorage unchanged`);
    assert.equal(env.prompts.pending, 0, `${name}: every scripted answer was used (the flow got as far as expected)`);
  }

  /** A setting of the wrong type: the extension goes on with a fallback and says so in the log. */
  async function fallsBack(
    name: string,
    section: string,
    key: string,
    value: unknown,
    message: RegExp,
    check: () => Promise<void>,
  ): Promise<void> {
    const configuration = vscode.workspace.getConfiguration(section);
    const from = await logText(env.hooks);
    await configuration.update(key, value, vscode.ConfigurationTarget.Global);
    try {
      await check();
      const line = await loggedSince(from, message);
      outcomes.push({ name, clear: !!line, halfSaved: false, fellBack: true });
      assert.ok(line, `${name}: the log says ${message}`);
      assert.match(line, /\[settings\]/);
    } finally {
      await configuration.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  }

  const add = (): Thenable<unknown> => vscode.commands.executeCommand('altinnInbox.addMaskinportenClient');

  before(async () => {
    env = await setup();
  });

  after(() => env.hooks.usePrompts(undefined));

  it('key files: wrong passwords, wrong types, too small, truncated, certificate without key, key of another certificate', async () => {
    const certificate = makeBusinessCertificate({ organisationNumber: '310000001' });
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'sec1', format: 'pem' })
      .toString();
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const good = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const encrypted = pair.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right-password' })
      .toString();
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const jwk = JSON.stringify({ ...pair.privateKey.export({ format: 'jwk' }), kid: 'cut-off' });
    const cases: { name: string; answers: unknown[]; error: RegExp }[] = [
      {
        name: 'wrong PKCS#12 password',
        answers: [...upToKey(), 'pkcs12', file(env, 'bad.p12', makePkcs12(certificate, 'right')), 'wrong'],
        error: /PKCS#12 password is wrong/,
      },
      {
        name: 'wrong PEM password',
        answers: [...upToKey(), 'pem', file(env, 'encrypted.pem', encrypted), 'kid-enc', 'wrong-password'],
        error: /The private key could not be decrypted: the password is wrong/,
      },
      {
        name: 'RSA 1024 (too small)',
        answers: [...upToKey(), 'pem', file(env, 'rsa1024.pem', rsa1024), 'kid-1024'],
        error: /1024 bits; Maskinporten requires at least 2048/,
      },
      {
        name: 'EC key (wrong type)',
        answers: [...upToKey(), 'pem', file(env, 'ec.pem', ec), 'kid-ec'],
        error: /EC key; Maskinporten only accepts RSA/,
      },
      {
        name: 'public key instead of the private key (wrong type)',
        answers: [...upToKey(), 'pem', file(env, 'public.pem', publicPem)],
        error: /This PEM file holds a public key, not the private key/,
      },
      {
        name: 'a text file as PKCS#12 (wrong type)',
        answers: [...upToKey(), 'pkcs12', file(env, 'notes.p12', 'these are my notes, not a certificate\n'), 'pw'],
        error: /This is not a PKCS#12 \(\.p12\/\.pfx\) file, or it is truncated/,
      },
      {
        name: 'truncated PEM',
        answers: [...upToKey(), 'pem', file(env, 'truncated.pem', good.slice(0, good.length - 60))],
        error: /truncated/,
      },
      {
        name: 'truncated JWK',
        answers: [...upToKey(), 'jwk', file(env, 'truncated.json', jwk.slice(0, jwk.length / 2))],
        error: /JSON|truncated/i,
      },
      {
        name: 'certificate without key (PEM)',
        answers: [...upToKey(), 'pem', file(env, 'only-cert.pem', certificate.certPem)],
        error: /only a certificate; the private key that belongs to it is needed too/,
      },
      {
        name: 'certificate without key (PKCS#12)',
        answers: [
          ...upToKey(),
          'pkcs12',
          file(env, 'no-key.p12', makePkcs12(certificate, 'pw', { withKey: false })),
          'pw',
        ],
        error: /certificate\(s\) but no private key/,
      },
      {
        name: 'key that does not belong to the certificate',
        answers: [
          ...upToKey(),
          'pem-chain',
          file(env, 'mismatch.pem', certificate.certPem),
          file(env, 'mismatch.key', good),
        ],
        error: /does not belong to the certificate/,
      },
    ];
    for (const testCase of cases) await refused(testCase.name, testCase.answers, add, testCase.error);
  });

  it('a certificate chain in the wrong order is put in order (leaf first), not refused', async () => {
    const issuer = makeBusinessCertificate({ organisationNumber: '310000002' });
    const leaf = makeBusinessCertificate({ organisationNumber: '310000001', issuer });
    env.prompts.enqueue(
      ...upToKey(),
      'pem-chain',
      file(env, 'reversed-chain.pem', `${issuer.certPem}${leaf.certPem}`),
      file(env, 'leaf.key', leaf.keyPem),
      ...NO_SYSTEM_USER,
    );
    const added = (await add()) as { profile: MaskinportenProfile } | undefined;
    assert.ok(added, 'accepted');
    const stored = JSON.parse((await env.hooks.services.profiles.getSecret(added.profile.id, 'key'))!) as {
      certificatesPem: string;
    };
    const chain = stored.certificatesPem
      .match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!
      .map((pem) => new X509Certificate(pem));
    assert.equal(chain.length, 2);
    assert.equal(chain[0].fingerprint256, new X509Certificate(leaf.certPem).fingerprint256, 'the leaf comes first');
    assert.equal(chain[0].issuer, chain[1].subject, 'followed by its issuer');
    assert.ok(chain[0].verify(chain[1].publicKey), 'which signed it');
    await env.hooks.services.profiles.remove(added.profile.id);
    outcomes.push({ name: 'chain in the wrong order', clear: true, halfSaved: false, fellBack: true });
  });

  it('identifiers with wrong check digits or the wrong form', async () => {
    await refused('client id that is not a UUID', ['tt02', 'not-a-uuid'], add, /not a client id/);
    await refused(
      'organisation number with a wrong check digit',
      [...upToKey(), 'generate', 'systemUser', '310000002'],
      add,
      /wrong check digit/,
    );
    await refused(
      'organisation number with 8 digits',
      [...upToKey(), 'generate', 'systemUser', '31000000'],
      add,
      /9 digits/,
    );
  });

  it('tokens that are not JWTs: Paste Access Token and Inspect Token', async () => {
    await refused(
      'pasted text that is not a JWT',
      ['not.a.jwt'],
      () => vscode.commands.executeCommand('altinnInbox.pasteToken'),
      /not a JWT|JWT/,
    );
    await refused(
      'pasted JWT with a header that is not JSON',
      [`${Buffer.from('{"alg":').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`],
      () => vscode.commands.executeCommand('altinnInbox.pasteToken'),
      /JWT/,
    );
    await refused(
      'token inspector given text that is not a JWT',
      [],
      () =>
        vscode.commands.executeCommand('altinnInbox.inspectToken', {
          token: 'hello, this is not a token',
          source: 'test',
        }),
      /JWT/,
    );
    await closeEditors();
  });

  it('payload files: not JSON is named as such; a 20 MB file is checked or refused in bounded time', async () => {
    const notJson = file(env, 'response.json', '<!DOCTYPE html><html><body>Proxy login</body></html>');
    const result = await vscode.commands.executeCommand<{ syntaxError?: string } | undefined>(
      'altinnInbox.validatePayload',
      { uri: vscode.Uri.file(notJson), shape: 'dialogSearchPage' },
    );
    assert.ok(result?.syntaxError, 'the result says it is not JSON');
    assert.match(result.syntaxError, /Unexpected character "<"/);
    outcomes.push({ name: 'payload that is not JSON', clear: true, halfSaved: false });

    const huge = join(env.dir, 'huge.json');
    const item = JSON.stringify({ id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d', org: 'skd', padding: 'x'.repeat(1000) });
    writeFileSync(huge, `{"items":[${Array.from({ length: 20 * 1024 }, () => item).join(',')}],"hasNextPage":false}`);
    const from = await logText(env.hooks);
    const started = Date.now();
    const big = await vscode.commands.executeCommand<{ problems?: number; syntaxError?: string } | undefined>(
      'altinnInbox.validatePayload',
      { uri: vscode.Uri.file(huge), shape: 'dialogSearchPage' },
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 60_000, `answered in ${elapsed} ms`);
    const refusedLine = big === undefined ? await loggedSince(from, /\[altinnInbox\.validatePayload\]/) : undefined;
    assert.ok(
      big !== undefined ? typeof big.problems === 'number' : /large|MB/i.test(refusedLine ?? ''),
      `checked (${JSON.stringify(big)}) or refused as too large (${refusedLine})`,
    );
    outcomes.push({ name: 'payload of 20 MB', clear: true, halfSaved: false });
    await closeEditors();
  });

  it('settings of the wrong type fall back sensibly and say so in the log', async () => {
    const tree = await InboxTreeDriver.connect();
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const firstPage = async (): Promise<number> => {
      tree.internals.provider.refresh();
      return tree.dialogIds(await tree.children(await tree.personParty())).length;
    };
    await fallsBack(
      'pageSize as a string',
      'altinnInbox.inbox',
      'pageSize',
      'fifty',
      /pageSize must be a number from 1 to 1000, not "fifty"; using 100/,
      async () => {
        assert.equal(await firstPage(), 100, 'the default page size is used');
      },
    );
    await fallsBack('pageSize 0', 'altinnInbox.inbox', 'pageSize', 0, /pageSize is 0, .*using 1\./, async () => {
      assert.equal(await firstPage(), 1, 'the smallest page');
    });
    await fallsBack(
      'pageSize 5000',
      'altinnInbox.inbox',
      'pageSize',
      5000,
      /pageSize is 5000, .*using 1000\./,
      async () => {
        assert.ok((await firstPage()) > 100, 'a page of up to 1000');
      },
    );
    await fallsBack(
      'correspondence.resources not a list',
      'altinnInbox.correspondence',
      'resources',
      'skd-skattemelding',
      /resources must be a list of resource ids/,
      async () => {
        tree.internals.provider.refresh();
        const group = (await tree.children(await tree.personParty())).find((c) => tree.has(c, 'correspondenceGroup'))!;
        const resources = (await tree.children(group)).filter((c) => tree.has(c, 'correspondenceResource'));
        assert.ok(resources.length > 0, 'the resources the Inbox finds itself are listed instead');
      },
    );
    const connections = env.hooks.services.connections;
    await fallsBack(
      'customBaseUrls not an object',
      'altinnInbox',
      'customBaseUrls',
      'https://proxy.example',
      /customBaseUrls must be an object of environments/,
      async () => {
        assert.equal(
          (await connections.environmentFor({ environment: 'tt02' })).altinnPlatformBase,
          'https://platform.tt02.altinn.no',
        );
      },
    );
    await fallsBack(
      'customBaseUrls with a plain-http host',
      'altinnInbox',
      'customBaseUrls',
      { tt02: { platformBase: 'http://proxy.example', dialogportenBase: 'https://dp.proxy.example' } },
      /platformBase: http:\/\/proxy\.example is not https/,
      async () => {
        const environment = await connections.environmentFor({ environment: 'tt02' });
        assert.equal(
          environment.altinnPlatformBase,
          'https://platform.tt02.altinn.no',
          'no token goes to the plain-http host',
        );
        assert.equal(environment.dialogportenBase, 'https://dp.proxy.example', 'the valid override is kept');
      },
    );
  });

  it('prints the counts', () => {
    const refusedCases = outcomes.filter((o) => !o.fellBack);
    const rejected = refusedCases.filter((o) => o.clear).length;
    const fellBack = outcomes.filter((o) => o.fellBack && o.clear).length;
    const halfSaved = outcomes.filter((o) => o.halfSaved).length;
    printSummary(
      `[bad input] ${outcomes.length} cases, ${rejected} rejected with a clear message, ${fellBack} fell back and said so, ${halfSaved} half-saved`,
    );
    assert.ok(outcomes.length >= 25, `every case ran (${outcomes.length})`);
    assert.equal(rejected + fellBack, outcomes.length);
    assert.equal(halfSaved, 0);
  });
});
