import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { exchangeMaskinportenToken } from '../../../src/platform/auth/altinnTokenExchange';
import { decodeJwtUnverified } from '../../../src/platform/auth/jwtDecode';
import { ApiError, ResponseFormatError } from '../../../src/platform/errors';
import { resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';

describe('sandbox Altinn authentication: token exchange, OpenID metadata, test tokens', () => {
  const sandbox = useSandbox();
  let http: HttpClient;
  before(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
  });
  after(() => http.close());
  const authenticationBase = (): string => resolveEnvironment('sandbox', sandbox().urls).authenticationBase;

  async function altinnKeys() {
    const metadata = await http.getJson<{ issuer: string; jwks_uri: string }>(
      `${sandbox().urls.altinnIssuer}.well-known/openid-configuration`,
      { payload: 'OpenID metadata' },
    );
    assert.equal(metadata.issuer, sandbox().urls.altinnIssuer);
    return createLocalJWKSet(await http.getJson(metadata.jwks_uri, { payload: 'JWKS' }));
  }

  it('exchanges a system-user Maskinporten token for an Altinn token carrying its claims, signed by the published Altinn key', async () => {
    const user = sandboxSystemUsers(sandbox())[0];
    const maskinporten = await sandboxToken(sandbox(), {
      scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
      systemUserOrg: user.organisationNumber,
    });
    const altinn = await exchangeMaskinportenToken(http, {
      authenticationBase: authenticationBase(),
      maskinportenToken: maskinporten,
    });
    const { payload } = await jwtVerify(altinn.accessToken, await altinnKeys(), {
      issuer: sandbox().urls.altinnIssuer,
    });
    const original = decodeJwtUnverified(maskinporten).claims;
    assert.equal(payload.scope, 'digdir:dialogporten altinn:correspondence.read');
    // Maskinporten writes an array; Altinn's exchange (.NET claims) writes the single entry back as an object.
    assert.ok(Array.isArray(original.authorization_details) && original.authorization_details.length === 1);
    assert.deepEqual(payload.authorization_details, original.authorization_details[0]);
    assert.deepEqual(payload.consumer, original.consumer);
    assert.equal(payload.client_id, original.client_id);
    assert.equal(payload['urn:altinn:orgNumber'], (original.consumer as { ID: string }).ID.slice(5));
    assert.equal(payload['urn:altinn:authenticatemethod'], 'maskinporten');
    assert.equal(payload['urn:altinn:authlevel'], 3);
    assert.equal(payload.client_amr, undefined, 'client_amr is removed');
    assert.equal((payload.exp as number) - (payload.iat as number), 30 * 60);
    assert.equal(altinn.expiresAtMs, (payload.exp as number) * 1000);
  });

  it('answers a bare JWT as text/plain and a JSON-quoted one for Accept: application/json; the client takes both', async () => {
    const maskinporten = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    const url = `${authenticationBase()}/exchange/maskinporten`;
    const bare = await http.request({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${maskinporten}`, accept: 'text/plain' },
    });
    assert.match(bare.headers['content-type'], /^text\/plain/);
    assert.match(bare.text(), /^eyJ[^"]+$/);
    const quoted = await http.request({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${maskinporten}`, accept: 'application/json' },
    });
    assert.match(quoted.text(), /^"eyJ.+"$/);
    const viaClient = await exchangeMaskinportenToken(http, {
      authenticationBase: authenticationBase(),
      maskinportenToken: maskinporten,
    });
    assert.equal(decodeJwtUnverified(viaClient.accessToken).claims.iss, sandbox().urls.altinnIssuer);
  });

  it('the exchange client also reads a bare body from a server that ignores Accept, and refuses a non-JWT body', async () => {
    const altinnToken = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], altinn: true });
    let body = altinnToken;
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/authentication/api/v1`;
    try {
      assert.equal(
        (await exchangeMaskinportenToken(http, { authenticationBase: base, maskinportenToken: 'x' })).accessToken,
        altinnToken,
      );
      body = `  ${JSON.stringify(altinnToken)}\n`;
      assert.equal(
        (await exchangeMaskinportenToken(http, { authenticationBase: base, maskinportenToken: 'x' })).accessToken,
        altinnToken,
      );
      body = '<html>login</html>';
      await assert.rejects(
        exchangeMaskinportenToken(http, { authenticationBase: base, maskinportenToken: 'x' }),
        ResponseFormatError,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a missing or foreign token (401), an unknown provider (400) and enterprise users (410)', async () => {
    await assert.rejects(
      exchangeMaskinportenToken(http, {
        authenticationBase: authenticationBase(),
        maskinportenToken: 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.',
      }),
      (e: unknown) => e instanceof ApiError && e.status === 401,
    );
    const altinnToken = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], altinn: true });
    await assert.rejects(
      exchangeMaskinportenToken(http, { authenticationBase: authenticationBase(), maskinportenToken: altinnToken }),
      (e: unknown) => e instanceof ApiError && e.status === 401,
      'an Altinn token is not a Maskinporten token',
    );
    const unknown = await http.send({
      method: 'GET',
      url: `${authenticationBase()}/exchange/facebook`,
      headers: { authorization: 'Bearer x' },
    });
    assert.equal(unknown.status, 400);
    const maskinporten = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    const enterprise = await http.send({
      method: 'GET',
      url: `${authenticationBase()}/exchange/maskinporten`,
      headers: { authorization: `Bearer ${maskinporten}`, 'x-altinn-enterpriseuser-authentication': 'x' },
    });
    assert.equal(enterprise.status, 410);
  });

  it('refuses an expired Maskinporten token (the sandbox clock moved past exp)', async () => {
    const maskinporten = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    sandbox().context.clock.shift(200_000);
    try {
      await assert.rejects(
        exchangeMaskinportenToken(http, { authenticationBase: authenticationBase(), maskinportenToken: maskinporten }),
        (e: unknown) => e instanceof ApiError && e.status === 401,
      );
    } finally {
      sandbox().context.clock.reset();
    }
  });

  it('generates person test tokens (bare JWT, pid, scopes, party claims) that verify against the Altinn JWKS', async () => {
    const person = sandbox().context.world.persons[1];
    const response = await http.request({
      method: 'GET',
      url: `${sandbox().urls.baseUrl}/testtools/token/personal?pid=${person.nationalIdentityNumber}&scopes=digdir:dialogporten%20altinn:correspondence.read`,
    });
    const { payload } = await jwtVerify(response.text(), await altinnKeys(), { issuer: sandbox().urls.altinnIssuer });
    assert.equal(payload.pid, person.nationalIdentityNumber);
    assert.equal(payload.scope, 'digdir:dialogporten altinn:correspondence.read');
    assert.equal(payload['urn:altinn:partyid'], person.partyId);
    assert.equal(payload.actual_iss, 'altinn-test-tools');
    const byDefault = decodeJwtUnverified(
      (await http.request({ method: 'GET', url: `${sandbox().urls.baseUrl}/testtools/token/personal` })).text(),
    ).claims;
    assert.equal(byDefault.pid, sandbox().context.world.defaultPerson.nationalIdentityNumber);
    assert.equal(byDefault.scope, 'altinn:enduser');
    const invalid = await http.send({
      method: 'GET',
      url: `${sandbox().urls.baseUrl}/testtools/token/personal?pid=12345678901`,
    });
    assert.equal(invalid.status, 400);
  });
});
