import assert from 'node:assert/strict';
import { ENVIRONMENT_IDS, EnvironmentConfigError, resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { useSandbox } from '../helpers/sandbox';

describe('environments', () => {
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

  it('knows production and marks the at23/yt01 guesses as assumed', () => {
    const production = resolveEnvironment('production');
    assert.equal(production.maskinporten.audience, 'https://maskinporten.no/');
    assert.equal(production.inboxUrl, 'https://af.altinn.no');
    assert.equal(production.isProduction, true);
    for (const id of ['at23', 'yt01'] as const) {
      assert.match(resolveEnvironment(id).dialogportenBase, new RegExp(`^https://platform\\.${id}\\.altinn\\.cloud/dialogporten$`));
      assert.ok(resolveEnvironment(id).assumed.includes('maskinporten'));
    }
    assert.deepEqual(ENVIRONMENT_IDS, ['sandbox', 'tt02', 'at23', 'yt01', 'production']);
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
      assert.deepEqual(resolveEnvironment('sandbox', { baseUrl: sandbox().urls.baseUrl }), environment);
      const http = new HttpClient();
      const metadata = await http.getJson<{ issuer: string }>(environment.maskinporten.metadataUrl, { payload: 'metadata' });
      assert.equal(metadata.issuer, environment.maskinporten.audience);
      const openid = await http.getJson<{ issuer: string }>(`${environment.altinnTokenIssuer}.well-known/openid-configuration`, { payload: 'openid' });
      assert.equal(openid.issuer, environment.altinnTokenIssuer);
      await http.close();
    });
  });
});
