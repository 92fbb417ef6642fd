import assert from 'node:assert/strict';
import { decodeJwtUnverified } from '../../../src/platform/auth/jwtDecode';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';

describe('test helper: sandboxToken', () => {
  const sandbox = useSandbox();

  it('gets a Maskinporten token for the default client that the sandbox verifier accepts', async () => {
    const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'] });
    const { claims } = decodeJwtUnverified(token);
    assert.equal(claims.iss, sandbox().urls.maskinportenIssuer);
    assert.equal(claims.client_id, sandbox().defaultClient.clientId);
    assert.equal(claims.scope, 'digdir:dialogporten');
  });

  it('gets a system-user token (with the externalRef the system user needs) and an exchanged Altinn token', async () => {
    for (const user of sandboxSystemUsers(sandbox())) {
      const token = await sandboxToken(sandbox(), {
        scopes: ['digdir:dialogporten'],
        systemUserOrg: user.organisationNumber,
        altinn: true,
      });
      const { claims } = decodeJwtUnverified(token);
      assert.equal(claims.iss, sandbox().urls.altinnIssuer);
      // The exchange writes Maskinporten's one-entry array back as an object, as Altinn's does.
      const details = claims.authorization_details as { systemuser_id: string[] };
      assert.deepEqual(details.systemuser_id, [user.id]);
    }
  });

  it('gets a person token with pid of the default person', async () => {
    const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true });
    assert.equal(decodeJwtUnverified(token).claims.pid, sandbox().context.world.defaultPerson.nationalIdentityNumber);
  });
});
