import assert from 'node:assert/strict';
import { importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { createMaskinportenGrant } from '../../../src/platform/auth/maskinportenGrant';
import { requestMaskinportenToken } from '../../../src/platform/auth/maskinportenTokenClient';
import { importPkcs12 } from '../../../src/platform/auth/pkcs12Import';
import { AltinnTokenProvider, MaskinportenTokenProvider } from '../../../src/platform/auth/tokenProviders';
import { withTokenRetry } from '../../../src/platform/auth/tokenRetry';
import { resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient, toCurl, type HttpExchange, type RequestLogEntry } from '../../../src/platform/http';
import { makeBusinessCertificate, makePkcs12 } from '../helpers/certificates';
import { sandboxSystemUsers, useSandbox } from '../helpers/sandbox';

describe('no token or key material in the request log or in error messages', () => {
  const sandbox = useSandbox();

  it('runs the token flows, successes and failures, and finds no secret in what was logged or thrown', async () => {
    const entries: RequestLogEntry[] = [];
    const messages: string[] = [];
    const secrets: string[] = [];
    const http = new HttpClient({ onRequest: (e) => entries.push(e), retry: { maxRetries: 1, baseDelayMs: 10 } });
    const exchanges: HttpExchange[] = [];
    http.onExchange((exchange) => exchanges.push(exchange));
    const environment = resolveEnvironment('sandbox', sandbox().urls);
    const jwk = sandbox().defaultClient.privateJwk;
    secrets.push(...(['d', 'p', 'q', 'dp', 'dq', 'qi'] as const).map((k) => String(jwk[k])));
    const key = importPrivateJwk(jwk);
    const capture = async (work: () => Promise<unknown>): Promise<void> => {
      try {
        await work();
      } catch (error) {
        messages.push(String(error), JSON.stringify(error));
      }
    };

    const assertion = await createMaskinportenGrant({
      clientId: sandbox().defaultClient.clientId,
      audience: environment.maskinporten.audience,
      scopes: ['digdir:dialogporten'],
      key,
    });
    secrets.push(assertion);
    const token = await requestMaskinportenToken(http, {
      tokenEndpoint: environment.maskinporten.tokenEndpoint,
      assertion,
    });
    secrets.push(token.accessToken);
    await capture(() =>
      requestMaskinportenToken(http, { tokenEndpoint: environment.maskinporten.tokenEndpoint, assertion }),
    );

    const systemUser = new MaskinportenTokenProvider({
      http,
      environment,
      clientId: sandbox().defaultClient.clientId,
      key,
      scopes: ['digdir:dialogporten'],
      systemUser: { organisationNumber: sandboxSystemUsers(sandbox())[0].organisationNumber },
    });
    const altinn = new AltinnTokenProvider({ http, environment, source: systemUser });
    secrets.push(await systemUser.getToken(), await altinn.getToken());
    sandbox().context.faults.inject({ kind: 'expire-token', pathPrefix: '/authentication/api/v1/exchange', times: 2 });
    await capture(() =>
      withTokenRetry(systemUser, (t) =>
        http.request({
          method: 'GET',
          url: `${environment.authenticationBase}/exchange/maskinporten?access_token=${t}`,
          headers: { authorization: `Bearer ${t}` },
        }),
      ),
    );
    secrets.push(await systemUser.getToken());
    await capture(() =>
      http.request({
        method: 'GET',
        url: `${environment.authenticationBase}/exchange/maskinporten`,
        headers: { authorization: `Bearer ${token.accessToken.slice(0, -4)}AAAA` },
      }),
    );
    secrets.push(token.accessToken.slice(0, -4));

    const cert = makeBusinessCertificate({
      organisationNumber: sandbox().context.world.clients[0].ownerOrganisationNumber,
    });
    secrets.push(cert.keyPem.split('\n')[3], 'Pkcs12-Hemmelig');
    await capture(async () => importPkcs12(makePkcs12(cert, 'Pkcs12-Hemmelig'), 'Pkcs12-Feil'));
    const certKey = importPkcs12(makePkcs12(cert, 'Pkcs12-Hemmelig'), 'Pkcs12-Hemmelig');
    await capture(async () => {
      const grant = await createMaskinportenGrant({
        clientId: sandbox().defaultClient.clientId,
        audience: environment.maskinporten.audience,
        scopes: ['altinn:serviceowner'],
        key: certKey,
      });
      secrets.push(grant);
      return requestMaskinportenToken(http, {
        tokenEndpoint: environment.maskinporten.tokenEndpoint,
        assertion: grant,
      });
    });
    const last = exchanges.at(-1)!;
    const curl = toCurl({
      method: last.method,
      url: last.sentUrl,
      headers: last.requestHeaders,
      body: last.requestBody,
    });
    const observed = JSON.stringify(
      exchanges.map((e) => ({ ...e, requestBody: undefined, responseBody: undefined, sentUrl: undefined })),
    );
    await http.close();

    assert.ok(entries.length >= 8, `logged ${entries.length} requests`);
    assert.ok(messages.length >= 8, 'the failures were captured');
    const logged = JSON.stringify(entries);
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}/.test(logged), 'nothing JWT-shaped in the log');
    for (const secret of secrets) {
      assert.ok(secret.length >= 8);
      assert.ok(!logged.includes(secret), 'a secret reached the request log');
      for (const message of messages)
        assert.ok(!message.includes(secret), `a secret reached an error: ${message.slice(0, 200)}`);
      assert.ok(!curl.includes(secret), 'a secret reached copy-as-curl');
      assert.ok(!observed.includes(secret), "a secret reached an observed exchange's headers or URL");
    }
    assert.ok(entries.some((e) => e.requestHeaders.authorization === 'Bearer <redacted>'));
    assert.ok(entries.some((e) => e.url.includes('access_token=<redacted>')));
  });
});
