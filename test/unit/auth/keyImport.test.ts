import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { importPemKey, importPemKeyWithCertificates, importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { importPkcs12 } from '../../../src/platform/auth/pkcs12Import';
import { KeyImportError } from '../../../src/platform/errors';
import { makeBusinessCertificate, makePkcs12 } from '../helpers/certificates';

function rejectsWith(fn: () => unknown, reason: KeyImportError['reason'], message?: RegExp, secret?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof KeyImportError, `expected KeyImportError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    if (message) assert.match(error.message, message);
    if (secret) assert.ok(!error.message.includes(secret), 'the message must not echo the secret');
    return true;
  });
}

describe('key import: what Maskinporten would accept, refused before anything is sent', () => {
  const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = makeBusinessCertificate({ organisationNumber: '991825827' });

  it('imports a private RSA JWK with kid (also inside a one-key JWKS)', () => {
    const jwk = { ...rsa2048.privateKey.export({ format: 'jwk' }), kid: 'my-key-2025' };
    const key = importPrivateJwk(JSON.stringify(jwk));
    assert.deepEqual(key.identification, { kid: 'my-key-2025' });
    assert.equal(key.modulusLength, 2048);
    assert.deepEqual(importPrivateJwk({ keys: [jwk] } as never).identification, { kid: 'my-key-2025' });
  });

  it('refuses a JWK without kid, a public JWK, an EC JWK and a non-RS alg', () => {
    const jwk = rsa2048.privateKey.export({ format: 'jwk' });
    rejectsWith(() => importPrivateJwk(jwk as never), 'missing-kid', /kid/);
    rejectsWith(
      () => importPrivateJwk({ ...rsa2048.publicKey.export({ format: 'jwk' }), kid: 'k' } as never),
      'not-a-private-key',
      /public key/,
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    rejectsWith(() => importPrivateJwk({ ...ec, kid: 'k' } as never), 'unsupported-key-type', /RSA/);
    rejectsWith(() => importPrivateJwk({ ...jwk, kid: 'k', alg: 'PS256' } as never), 'unsupported-algorithm');
    rejectsWith(() => importPrivateJwk('{"kty":'), 'unreadable');
  });

  it('imports PKCS#1 and PKCS#8 PEM, and encrypted PKCS#8 with its password, under a chosen kid', () => {
    const pkcs1 = rsa2048.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const pkcs8 = rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const encrypted = rsa2048.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hemmelig-passord' })
      .toString();
    for (const pem of [pkcs1, pkcs8]) assert.deepEqual(importPemKey(pem, { kid: 'k1' }).identification, { kid: 'k1' });
    assert.equal(importPemKey(encrypted, { kid: 'k1', passphrase: 'hemmelig-passord' }).modulusLength, 2048);
    const encryptedPkcs1 = rsa2048.privateKey
      .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'hemmelig-passord' })
      .toString();
    assert.match(encryptedPkcs1, /Proc-Type: 4,ENCRYPTED/);
    assert.equal(importPemKey(encryptedPkcs1, { kid: 'k1', passphrase: 'hemmelig-passord' }).modulusLength, 2048);
    rejectsWith(() => importPemKey(pkcs8, { kid: ' ' }), 'missing-kid');
  });

  it('refuses a wrong or missing PEM password without echoing it', () => {
    const encrypted = rsa2048.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right-one' })
      .toString();
    rejectsWith(
      () => importPemKey(encrypted, { kid: 'k', passphrase: 'wrong-guess-123' }),
      'wrong-password',
      /password is wrong/,
      'wrong-guess-123',
    );
    rejectsWith(() => importPemKey(encrypted, { kid: 'k' }), 'password-required');
  });

  it('refuses RSA 1024 and EC keys', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    rejectsWith(() => importPemKey(small, { kid: 'k' }), 'key-too-small', /1024 bits.*at least 2048/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    rejectsWith(
      () => importPemKey(ec.export({ type: 'pkcs8', format: 'pem' }).toString(), { kid: 'k' }),
      'unsupported-key-type',
      /EC key/,
    );
    rejectsWith(
      () => importPemKey(ec.export({ type: 'sec1', format: 'pem' }).toString(), { kid: 'k' }),
      'unsupported-key-type',
    );
  });

  it('refuses a truncated PEM (missing END line, or damaged base64)', () => {
    const pem = rsa2048.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    rejectsWith(() => importPemKey(pem.slice(0, pem.length / 2), { kid: 'k' }), 'truncated', /truncated/);
    const lines = pem.trim().split('\n');
    const cut = [...lines.slice(0, 6), lines.at(-1)].join('\n');
    rejectsWith(() => importPemKey(cut, { kid: 'k' }), 'truncated');
  });

  it('says what a PEM without a private key holds instead: a public key (SPKI or PKCS#1), a certificate request, or which blocks', () => {
    for (const type of ['spki', 'pkcs1'] as const) {
      rejectsWith(
        () => importPemKey(rsa2048.publicKey.export({ type, format: 'pem' }).toString(), { kid: 'k' }),
        'not-a-private-key',
        /^This PEM file holds a public key, not the private key\./,
      );
    }
    rejectsWith(
      () =>
        importPemKey('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n', { kid: 'k' }),
      'not-a-private-key',
      /holds a certificate request, not a private key/,
    );
    rejectsWith(
      () => importPemKey('-----BEGIN DH PARAMETERS-----\nMIIB\n-----END DH PARAMETERS-----\n', { kid: 'k' }),
      'not-a-private-key',
      /holds no private key \(its blocks: DH PARAMETERS\)/,
    );
  });

  it('refuses a certificate without its private key (PEM and PKCS#12)', () => {
    rejectsWith(() => importPemKey(cert.certPem, { kid: 'k' }), 'certificate-without-key', /only a certificate/);
    rejectsWith(
      () => importPkcs12(makePkcs12(cert, 'pw', { withKey: false }), 'pw'),
      'certificate-without-key',
      /no private key/,
    );
  });

  it('refuses a key that does not match the certificate', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    rejectsWith(() => importPemKeyWithCertificates(other, cert.certPem), 'key-certificate-mismatch', /does not belong/);
  });

  it('opens PKCS#12 with the right password and refuses a wrong one without echoing it', () => {
    const p12 = makePkcs12(cert, 'Riktig-Passord1');
    const key = importPkcs12(p12, 'Riktig-Passord1');
    assert.ok('x5c' in key.identification && key.identification.x5c.length === 1);
    assert.equal(key.certificate?.organisationNumber, '991825827');
    assert.equal(importPkcs12(p12.toString('base64'), 'Riktig-Passord1').source, 'pkcs12');
    rejectsWith(() => importPkcs12(p12, 'Feil-Passord9'), 'wrong-password', /password is wrong/, 'Feil-Passord9');
    rejectsWith(() => importPkcs12(Buffer.from('not a p12 file'), 'x'), 'unreadable');
  });
});
