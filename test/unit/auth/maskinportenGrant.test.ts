import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { importPemKeyWithCertificates, importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { createMaskinportenGrant } from '../../../src/platform/auth/maskinportenGrant';
import { InvalidInputError } from '../../../src/platform/errors';
import { makeBusinessCertificate } from '../helpers/certificates';

describe('Maskinporten grant: exactly the documented header and claims', () => {
  const jwk = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'kid-1',
  };
  const key = importPrivateJwk(jwk as never);
  const base = {
    clientId: '2f7b1c1e-5c3d-4c21-9f0a-1b2c3d4e5f60',
    audience: 'https://test.maskinporten.no/',
    scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
    key,
  };

  it('has header {alg, kid} and claims aud, iss, scope, iat, exp (≤ 120 s), fresh jti — nothing else', async () => {
    const grant = await createMaskinportenGrant({ ...base, nowSeconds: 1_750_000_000 });
    assert.deepEqual(decodeProtectedHeader(grant), { alg: 'RS256', kid: 'kid-1' });
    const claims = decodeJwt(grant);
    assert.deepEqual(Object.keys(claims).sort(), ['aud', 'exp', 'iat', 'iss', 'jti', 'scope']);
    assert.equal(claims.aud, 'https://test.maskinporten.no/');
    assert.equal(claims.iss, base.clientId);
    assert.equal(claims.scope, 'digdir:dialogporten altinn:correspondence.read');
    assert.equal(claims.iat, 1_750_000_000);
    assert.ok((claims.exp as number) - 1_750_000_000 <= 120);
    const again = decodeJwt(await createMaskinportenGrant(base));
    assert.notEqual(again.jti, claims.jti);
  });

  it('sends x5c (and no kid) for a certificate key', async () => {
    const cert = makeBusinessCertificate({ organisationNumber: '991825827' });
    const grant = await createMaskinportenGrant({
      ...base,
      key: importPemKeyWithCertificates(cert.keyPem, cert.certPem),
      algorithm: 'RS512',
    });
    const header = decodeProtectedHeader(grant);
    assert.equal(header.alg, 'RS512');
    assert.equal(header.kid, undefined);
    assert.equal(header.x5c?.length, 1);
  });

  it('adds authorization_details for a system user (orgno validated, externalRef only when given) and resource as an array', async () => {
    const withRef = decodeJwt(
      await createMaskinportenGrant({
        ...base,
        systemUser: { organisationNumber: '991 825 827', externalRef: 'ref-1' },
        resource: 'https://api.example/',
      }),
    );
    assert.deepEqual(withRef.authorization_details, [
      {
        type: 'urn:altinn:systemuser',
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:991825827' },
        externalRef: 'ref-1',
      },
    ]);
    assert.deepEqual(withRef.resource, ['https://api.example/']);
    const plain = decodeJwt(
      await createMaskinportenGrant({ ...base, systemUser: { organisationNumber: '991825827' } }),
    );
    assert.deepEqual(plain.authorization_details, [
      { type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:991825827' } },
    ]);
    await assert.rejects(
      createMaskinportenGrant({ ...base, systemUser: { organisationNumber: '991825828' } }),
      (e: unknown) => e instanceof InvalidInputError && /check digit/.test(e.message),
    );
  });

  it('refuses what Maskinporten would refuse: lifetime over 120 s, token URL as audience, no scopes', async () => {
    await assert.rejects(createMaskinportenGrant({ ...base, lifetimeSeconds: 121 }), InvalidInputError);
    await assert.rejects(
      createMaskinportenGrant({ ...base, audience: 'https://test.maskinporten.no/token' }),
      /trailing slash/,
    );
    await assert.rejects(createMaskinportenGrant({ ...base, scopes: [' '] }), InvalidInputError);
  });
});
