import assert from 'node:assert/strict';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { importPkcs12 } from '../../../src/platform/auth/pkcs12Import';
import { importPemKeyWithCertificates, importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { createMaskinportenGrant } from '../../../src/platform/auth/maskinportenGrant';
import { requestMaskinportenToken } from '../../../src/platform/auth/maskinportenTokenClient';
import type { SigningKey } from '../../../src/platform/auth/signingKey';
import { resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { maskinportenStats } from '../../../src/sandbox/maskinporten';
import { makeBusinessCertificate, makePkcs12 } from '../helpers/certificates';
import { sandboxSystemUsers, useSandbox } from '../helpers/sandbox';

describe('sandbox Maskinporten: accepted grants and the access tokens they give', () => {
  const sandbox = useSandbox();
  let http: HttpClient;
  before(() => {
    http = new HttpClient();
  });
  after(() => http.close());

  async function tokenFor(
    key: SigningKey,
    options: {
      scopes?: string[];
      systemUser?: { organisationNumber: string; externalRef?: string };
      algorithm?: 'RS256' | 'RS384' | 'RS512';
      resource?: string[];
    } = {},
  ) {
    const environment = resolveEnvironment('sandbox', sandbox().urls);
    const assertion = await createMaskinportenGrant({
      clientId: sandbox().defaultClient.clientId,
      audience: environment.maskinporten.audience,
      key,
      scopes: options.scopes ?? ['digdir:dialogporten', 'altinn:correspondence.read'],
      systemUser: options.systemUser,
      algorithm: options.algorithm,
      resource: options.resource,
    });
    const token = await requestMaskinportenToken(http, {
      tokenEndpoint: environment.maskinporten.tokenEndpoint,
      assertion,
    });
    const jwks = await http.getJson<{ keys: Record<string, unknown>[] }>(`${environment.maskinporten.audience}jwk`, {
      payload: 'JWKS',
    });
    const { payload } = await jwtVerify(token.accessToken, createLocalJWKSet(jwks as never), {
      issuer: environment.maskinporten.audience,
    });
    return { token, claims: payload as Record<string, unknown> };
  }

  it('issues a 120 s Bearer token for a kid grant with the documented claims, signed by the published key', async () => {
    const owner = sandbox().context.world.clients[0].ownerOrganisationNumber;
    const { token, claims } = await tokenFor(importPrivateJwk(sandbox().defaultClient.privateJwk));
    assert.equal(token.expiresInSeconds, 120);
    assert.deepEqual(token.scopes, ['digdir:dialogporten', 'altinn:correspondence.read']);
    assert.equal(claims.client_id, sandbox().defaultClient.clientId);
    assert.equal(claims.client_amr, 'private_key_jwt');
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${owner}` });
    assert.equal(claims.token_type, 'Bearer');
    assert.equal(claims.aud, 'unspecified');
    assert.equal((claims.exp as number) - (claims.iat as number), 120);
    assert.equal(typeof claims.jti, 'string');
    assert.equal(claims.authorization_details, undefined);
    assert.equal(decodeProtectedHeader(token.accessToken).kid, sandbox().context.keys.maskinporten.kid);
  });

  it('accepts RS384 and RS512 grants and carries a resource as the token audience', async () => {
    const key = importPrivateJwk({ ...sandbox().defaultClient.privateJwk, alg: undefined });
    for (const algorithm of ['RS384', 'RS512'] as const) {
      const { claims } = await tokenFor(key, { algorithm, resource: ['https://api.sandbox.example/'] });
      assert.equal(claims.aud, 'https://api.sandbox.example/');
    }
  });

  it('issues system-user tokens with systemuser_id, systemuser_org and system_id, with and without externalRef', async () => {
    const key = importPrivateJwk(sandbox().defaultClient.privateJwk);
    const users = sandboxSystemUsers(sandbox());
    assert.ok(
      users.some((u) => u.externalRef) &&
        users.some((u) => !u.externalRef) &&
        users.some((u) => u.delegatedResources.length === 0),
    );
    for (const user of users) {
      const { claims } = await tokenFor(key, {
        scopes: ['digdir:dialogporten'],
        systemUser: { organisationNumber: user.organisationNumber, externalRef: user.externalRef },
      });
      const [detail] = claims.authorization_details as Record<string, unknown>[];
      assert.equal(detail.type, 'urn:altinn:systemuser');
      assert.deepEqual(detail.systemuser_id, [user.id]);
      assert.deepEqual(detail.systemuser_org, {
        authority: 'iso6523-actorid-upis',
        ID: `0192:${user.organisationNumber}`,
      });
      assert.match(String(detail.system_id), /^\d{9}_/);
    }
  });

  it('accepts an x5c grant from a PKCS#12 business certificate made with node-forge (leaf + issuer chain)', async () => {
    const owner = sandbox().context.world.clients[0].ownerOrganisationNumber;
    const ca = makeBusinessCertificate({ organisationNumber: '991825827', isCa: true, commonName: 'SANDBOX TEST CA' });
    const leaf = makeBusinessCertificate({
      organisationNumber: owner,
      attribute: 'organizationIdentifier',
      issuer: ca,
    });
    const key = importPkcs12(makePkcs12(leaf, 'correct horse'), 'correct horse');
    assert.ok('x5c' in key.identification);
    assert.equal(key.identification.x5c.length, 2, 'leaf and issuer');
    assert.equal(key.certificate?.organisationNumber, owner);
    const { claims } = await tokenFor(key);
    assert.equal(claims.client_amr, 'virksomhetssertifikat');
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${owner}` });
  });

  it('accepts an x5c grant from a PEM key plus a self-signed PEM certificate (serialNumber = orgno)', async () => {
    const owner = sandbox().context.world.clients[0].ownerOrganisationNumber;
    const cert = makeBusinessCertificate({ organisationNumber: owner });
    const { claims } = await tokenFor(importPemKeyWithCertificates(cert.keyPem, cert.certPem));
    assert.equal(claims.client_amr, 'virksomhetssertifikat');
  });

  it('publishes RFC 8414 metadata pointing at the token endpoint and JWKS', async () => {
    const environment = resolveEnvironment('sandbox', sandbox().urls);
    const metadata = await http.getJson<Record<string, unknown>>(environment.maskinporten.metadataUrl, {
      payload: 'metadata',
    });
    assert.equal(metadata.issuer, environment.maskinporten.audience);
    assert.equal(metadata.token_endpoint, environment.maskinporten.tokenEndpoint);
    const jwks = await http.getJson<{ keys: { kid: string; d?: string }[] }>(String(metadata.jwks_uri), {
      payload: 'JWKS',
    });
    assert.deepEqual(
      jwks.keys.map((k) => k.kid),
      [sandbox().context.keys.maskinporten.kid],
    );
    assert.equal(jwks.keys[0].d, undefined, 'no private part published');
  });

  it('counts token requests on the server side', async () => {
    const stats = maskinportenStats(sandbox().context);
    const before = stats.tokenRequests;
    await tokenFor(importPrivateJwk(sandbox().defaultClient.privateJwk));
    assert.equal(stats.tokenRequests, before + 1);
  });
});
