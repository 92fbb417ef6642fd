import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeScan, needlesOf, scanForSecrets } from '../../harness/secretScan.mjs';

// The scan that runs after the host and e2e tiers: it must find a leaked secret in whatever form a log, a
// settings file or a browser's storage would hold it, and must not count what may be shown (public key parts).

const b64url = (bytes: number): string => randomBytes(bytes).toString('base64url');
const fakeJwt = (): string =>
  `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","scope":"altinn:x"}').toString('base64url')}.${b64url(256)}`;

function setupRun(secrets: { kind: string; value: string }[]): {
  dir: string;
  ledgerFile: string;
  roots: { label: string; path: string }[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'aii-scan-test-'));
  const ledgerFile = join(dir, 'ledger.jsonl');
  writeFileSync(ledgerFile, secrets.map((s) => JSON.stringify(s)).join('\n'));
  const root = join(dir, 'profile');
  mkdirSync(join(root, 'User'), { recursive: true });
  return { dir, ledgerFile, roots: [{ label: 'profile', path: root }] };
}

describe('secret scan after a test tier', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const token = fakeJwt();

  it('finds a token, a private JWK, a PEM key and a PKCS#12 blob wherever a run could have left them', () => {
    const p12 = randomBytes(1800).toString('base64');
    const otherPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const run = setupRun([
      { kind: 'maskinporten-token', value: token },
      { kind: 'stored-secret', value: JSON.stringify({ format: 'jwk', jwk }) },
      { kind: 'test-secret', value: otherPem },
      { kind: 'stored-secret', value: p12 },
    ]);
    const root = run.roots[0].path;
    writeFileSync(join(root, 'exthost.log'), `2026-12-03 [info] [http] GET /dialogs Authorization: Bearer ${token}\n`);
    writeFileSync(join(root, 'User', 'settings.json'), JSON.stringify({ key: otherPem }));
    writeFileSync(
      join(root, 'state.vscdb'),
      Buffer.concat([randomBytes(100), Buffer.from(`"d":"${jwk.d}"`, 'utf16le')]),
    );
    writeFileSync(
      join(root, 'odd.ldb'),
      Buffer.concat([Buffer.from([0]), Buffer.from(`x${p12.slice(1190, 1280)}`, 'utf16le')]),
    );
    writeFileSync(
      join(root, 'clean.txt'),
      `public parts may be shown: n=${jwk.n} e=${jwk.e} kid=sandbox-1 ${publicKey.export({ format: 'pem', type: 'spki' })}`,
    );
    const result = scanForSecrets({ ledgerFile: run.ledgerFile, roots: run.roots });
    const hits = result.hits.map((h: { file: string; kind: string }) => `${h.file}:${h.kind}`).sort();
    assert.deepEqual(hits, [
      'profile/User/settings.json:test-secret',
      'profile/exthost.log:maskinporten-token',
      'profile/odd.ldb:stored-secret',
      'profile/state.vscdb:stored-secret',
    ]);
    assert.equal(result.files, 5);
    assert.equal(result.secrets, 4);
    assert.match(
      describeScan('unit', result),
      /^\[secrets\] unit: scanned 5 files \(0\.0 MB: profile 5; among them 1 settings, 1 state databases, 1 logs and output channels\) for 4 secrets \(1 maskinporten-token, 2 stored-secret, 1 test-secret\): 4 hits$/,
    );
    assert.ok(!describeScan('unit', result).includes(token.split('.')[2]), 'the summary never holds a secret');
  });

  it('reports zero hits for a clean run and says which secrets were too short to look for', () => {
    const run = setupRun([
      { kind: 'maskinporten-token', value: token },
      { kind: 'test-secret', value: 'pw-1' },
    ]);
    writeFileSync(
      join(run.roots[0].path, 'exthost.log'),
      `[http] GET /dialogs → 200 (token ${token.split('.').slice(0, 2).join('.')}.‹redacted›)\n`,
    );
    const result = scanForSecrets({ ledgerFile: run.ledgerFile, roots: run.roots });
    assert.deepEqual(result.hits, []);
    assert.equal(result.secrets, 1);
    assert.equal(result.unscannable, 1);
  });

  it("looks for the private parts only: a JWK's d/p/q, a token's signature", () => {
    const needles = needlesOf(JSON.stringify(jwk));
    assert.ok(needles.includes(jwk.d!) && needles.includes(jwk.p!) && !needles.includes(jwk.n!));
    assert.deepEqual(needlesOf(token), [token.split('.')[2]]);
    assert.ok(needlesOf(pem).includes(jwk.d!), 'a PEM key is also looked for in its JWK form');
  });
});
