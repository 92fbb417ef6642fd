import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { signingKeyFromStored, serializeStoredKey } from '../../../src/vscode/profiles/storedKey';
import {
  clientIdProblem,
  environmentFromIssuer,
  generateRsaKey,
  preparePem,
  preparePemChain,
  preparePkcs12,
  prepareJwk,
  publicPartOf,
  scopeProblem,
} from '../../../src/vscode/credentials/keyMaterial';
import { makeBusinessCertificate, makePkcs12 } from '../helpers/certificates';

function rsaPem(bits = 2048): string {
  return generateKeyPairSync('rsa', { modulusLength: bits })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

describe('credentials: key material kept with a profile', () => {
  it('generates an RSA-2048 key whose public JWK has the kid and no private members', () => {
    const key = generateRsaKey(new Date('2025-03-01T10:00:00Z'));
    assert.match(key.kid, /^altinn-inbox-20250301-[0-9a-f]{6}$/);
    assert.equal(key.modulusLength, 2048);
    assert.deepEqual(Object.keys(key.publicJwk).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(key.publicJwk.kid, key.kid);
    const signing = signingKeyFromStored(serializeStoredKey(key.stored));
    assert.deepEqual(signing.identification, { kid: key.kid }, 'the stored private half signs with the same kid');
    assert.notEqual(generateRsaKey().kid, key.kid);
  });

  it('stores an encrypted PEM decrypted (the password is not kept) and exports only the public JWK', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const encrypted = privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hemmelig' })
      .toString();
    const key = preparePem(encrypted, ' my-kid ', 'hemmelig');
    assert.equal(key.kid, 'my-kid');
    assert.ok(key.stored.format === 'pem' && !key.stored.pem.includes('ENCRYPTED'));
    assert.ok(!JSON.stringify(key.stored).includes('hemmelig'));
    const exported = publicPartOf(serializeStoredKey(key.stored));
    assert.equal(exported.format, 'jwk');
    const jwk = JSON.parse(exported.text);
    assert.equal(jwk.kid, 'my-kid');
    assert.equal(jwk.d, undefined);
    assert.doesNotMatch(exported.text, /PRIVATE/);
    assert.throws(() => preparePem(encrypted, 'my-kid', 'wrong'), /password is wrong/);
  });

  it('accepts a JWKS holding one private JWK and refuses the public one', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'k1' };
    const key = prepareJwk(JSON.stringify({ keys: [jwk] }));
    assert.equal(key.kid, 'k1');
    assert.ok(key.stored.format === 'jwk' && key.stored.jwk.kid === 'k1');
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicOnly } = jwk;
    assert.throws(() => prepareJwk(JSON.stringify(publicOnly)), /no private part/);
  });

  it('turns a PKCS#12 file and a PEM chain into key + certificate chain, exporting the chain as PEM', () => {
    const ca = makeBusinessCertificate({ organisationNumber: '310000001', isCa: true, commonName: 'TEST CA' });
    const leaf = makeBusinessCertificate({ organisationNumber: '310000001', issuer: ca });
    const fromP12 = preparePkcs12(makePkcs12(leaf, 'pw'), 'pw');
    assert.equal(fromP12.keySource, 'pkcs12');
    assert.match(fromP12.certificateSubject ?? '', /SANDBOX TEST AS/);
    const exported = publicPartOf(serializeStoredKey(fromP12.stored));
    assert.equal(exported.format, 'pem');
    assert.equal(exported.text.match(/BEGIN CERTIFICATE/g)?.length, 2, 'leaf and issuer');
    assert.doesNotMatch(exported.text, /PRIVATE KEY/);
    const signing = signingKeyFromStored(serializeStoredKey(fromP12.stored));
    assert.ok('x5c' in signing.identification && signing.identification.x5c.length === 2);
    const fromPem = preparePemChain(leaf.keyPem, `${leaf.certPem}${leaf.chainPem}`);
    assert.equal(fromPem.keySource, 'pem-chain');
    assert.throws(() => preparePkcs12(makePkcs12(leaf, 'pw'), 'nope'), /password is wrong/);
    assert.throws(() => preparePkcs12(makePkcs12(leaf, 'pw', { withKey: false }), 'pw'), /no private key/);
    assert.throws(() => preparePemChain(rsaPem(), leaf.certPem), /does not belong/);
  });

  it('refuses what Maskinporten would refuse, with a clear reason', () => {
    assert.throws(() => preparePem(rsaPem(1024), 'k'), /1024 bits; Maskinporten requires at least 2048/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'sec1', format: 'pem' })
      .toString();
    assert.throws(() => preparePem(ec, 'k'), /EC key/);
    const pem = rsaPem();
    assert.throws(() => preparePem(pem.slice(0, pem.length - 40), 'k'), /truncated/);
    const certificate = makeBusinessCertificate({ organisationNumber: '310000001' });
    assert.throws(() => preparePem(certificate.certPem, 'k'), /only a certificate/);
  });

  it('checks client ids and scope names, and guesses the environment of a pasted token', () => {
    assert.equal(clientIdProblem('2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11'), undefined);
    assert.match(clientIdProblem('my-client') ?? '', /not a client id/);
    assert.equal(scopeProblem('altinn:authentication/systemregister.write'), undefined);
    assert.match(scopeProblem('dialogporten') ?? '', /not a scope name/);
    assert.equal(environmentFromIssuer('https://test.maskinporten.no/'), 'tt02');
    assert.equal(environmentFromIssuer('https://maskinporten.no/'), 'production');
    assert.equal(environmentFromIssuer('http://127.0.0.1:4321/authentication/api/v1/openid/'), 'sandbox');
    assert.equal(environmentFromIssuer('https://platform.at23.altinn.cloud/authentication/api/v1/openid/'), 'at23');
  });
});
