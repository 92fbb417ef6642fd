import assert from 'node:assert/strict';
import {
  ENVIRONMENT_IDS,
  EnvironmentConfigError,
  environmentBadge,
  resolveEnvironment,
} from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { useSandbox } from '../helpers/sandbox';

describe('environments', () => {
  it('names each environment from one table: the label says what it is, and Production stands out where it must', () => {
    assert.deepEqual(
      ENVIRONMENT_IDS.filter((id) => id !== 'sandbox').map((id) => resolveEnvironment(id).label),
      ['tt02 (Altinn test)', 'at23 (Altinn internal test)', 'yt01 (performance test)', 'Production'],
    );
    assert.equal(resolveEnvironment('sandbox', { baseUrl: 'http://127.0.0.1:1' }).label, 'Sandbox (local emulator)');
    assert.deepEqual(ENVIRONMENT_IDS.map(environmentBadge), ['Sandbox', 'tt02', 'at23', 'yt01', 'PRODUCTION']);
  });

  it('knows the tt02 hosts from the reference notes', () => {
    const tt02 = resolveEnvironment('tt02');
    assert.equal(tt02.maskinporten.tokenEndpoint, 'https://test.maskinporten.no/token');
    assert.equal(tt02.maskinporten.audience, 'https://test.maskinporten.no/');
    assert.equal(tt02.altinnPlatformBase, 'https://platform.tt02.altinn.no');
    assert.equal(tt02.dialogportenBase, 'https://platform.tt02.altinn.no/dialogporten');
    assert.equal(tt02.correspondenceBase, 'https://platform.tt02.altinn.no/correspondence/api/v1');
    assert.equal(tt02.accessManagementBase, 'https://platform.tt02.altinn.no/accessmanagement/api/v1');
    assert.equal(tt02.altinnTokenIssuer, 'https://platform.tt02.altinn.no/authentication/api/v1/openid/');
    assert.equal(tt02.inboxUrl, 'https://af.tt02.altinn.no');
    assert.equal(tt02.selfServiceUrl, 'https://sjolvbetjening.test.samarbeid.digdir.no/');
    assert.equal(tt02.isProduction, false);
    assert.deepEqual(tt02.assumed, []);
  });

  it("knows production, at23 and yt01 as Dialogporten's appsettings and the frontend's parameters name them", () => {
    const production = resolveEnvironment('production');
    assert.equal(production.maskinporten.audience, 'https://maskinporten.no/');
    assert.equal(production.inboxUrl, 'https://af.altinn.no');
    assert.equal(production.selfServiceUrl, 'https://sjolvbetjening.samarbeid.digdir.no/');
    assert.equal(production.isProduction, true);
    for (const id of ['at23', 'yt01'] as const) {
      const environment = resolveEnvironment(id);
      assert.match(
        environment.dialogportenBase,
        new RegExp(`^https://platform\\.${id}\\.altinn\\.cloud/dialogporten$`),
      );
      assert.equal(environment.maskinporten.audience, 'https://test.maskinporten.no/');
      assert.equal(environment.inboxUrl, `https://af.${id}.altinn.cloud`);
      assert.deepEqual(environment.assumed, []);
    }
    assert.deepEqual(ENVIRONMENT_IDS, ['sandbox', 'tt02', 'at23', 'yt01', 'production']);
  });

  it('streams live updates from where Arbeidsflate does: the API-management host in tt02 and production', () => {
    // dialogporten-frontend, .azure/applications/frontend/{staging,test,yt01,prod}.bicepparam: dialogportenStreamUrl.
    assert.equal(
      resolveEnvironment('tt02').dialogportenStreamUrl,
      'https://altinn-tt02-api.azure-api.net/dialogporten/graphql/stream',
    );
    assert.equal(
      resolveEnvironment('production').dialogportenStreamUrl,
      'https://altinn-prod-api.azure-api.net/dialogporten/graphql/stream',
    );
    assert.equal(
      resolveEnvironment('at23').dialogportenStreamUrl,
      'https://platform.at23.altinn.cloud/dialogporten/graphql/stream',
    );
    assert.equal(
      resolveEnvironment('yt01').dialogportenStreamUrl,
      'https://platform.yt01.altinn.cloud/dialogporten/graphql/stream',
    );
    assert.equal(
      resolveEnvironment('tt02', { dialogportenStreamUrl: 'https://sse.example/stream/' }).dialogportenStreamUrl,
      'https://sse.example/stream',
      'a setting replaces it',
    );
    assert.equal(
      resolveEnvironment('tt02', { platformBase: 'https://proxy.example' }).dialogportenStreamUrl,
      'https://proxy.example/dialogporten/graphql/stream',
      'a proxy takes the stream too',
    );
    assert.equal(
      resolveEnvironment('production', { dialogportenBase: 'https://dp.example/dialogporten' }).dialogportenStreamUrl,
      'https://dp.example/dialogporten/graphql/stream',
    );
    assert.equal(
      resolveEnvironment('tt02', { inboxUrl: 'https://af.example' }).dialogportenStreamUrl,
      'https://altinn-tt02-api.azure-api.net/dialogporten/graphql/stream',
      'other overrides leave it',
    );
  });

  it('needs a base URL for the sandbox, and lets a proxy replace single hosts', () => {
    assert.throws(() => resolveEnvironment('sandbox'), EnvironmentConfigError);
    const proxied = resolveEnvironment('tt02', { platformBase: 'http://localhost:8080/' });
    assert.equal(proxied.correspondenceBase, 'http://localhost:8080/correspondence/api/v1');
    assert.equal(proxied.dialogportenBase, 'http://localhost:8080/dialogporten');
    assert.equal(proxied.maskinporten.audience, 'https://test.maskinporten.no/', 'Maskinporten untouched');
  });

  describe('the sandbox environment', () => {
    const sandbox = useSandbox();

    it('resolves to URLs the running sandbox actually serves', async () => {
      const environment = resolveEnvironment('sandbox', sandbox().urls);
      assert.equal(environment.maskinporten.tokenEndpoint, sandbox().urls.tokenEndpoint);
      assert.equal(environment.altinnTokenIssuer, sandbox().urls.altinnIssuer);
      assert.equal(environment.dialogportenStreamUrl, `${sandbox().urls.dialogportenBase}/graphql/stream`);
      assert.deepEqual(resolveEnvironment('sandbox', { baseUrl: sandbox().urls.baseUrl }), environment);
      const http = new HttpClient();
      const metadata = await http.getJson<{ issuer: string }>(environment.maskinporten.metadataUrl, {
        payload: 'metadata',
      });
      assert.equal(metadata.issuer, environment.maskinporten.audience);
      const openid = await http.getJson<{ issuer: string }>(
        `${environment.altinnTokenIssuer}.well-known/openid-configuration`,
        { payload: 'openid' },
      );
      assert.equal(openid.issuer, environment.altinnTokenIssuer);
      await http.close();
    });
  });
});
