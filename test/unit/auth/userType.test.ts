import assert from 'node:assert/strict';
import { decodeJwtUnverified, inspectJwt, isEndUser, tokenUserType } from '../../../src/platform/auth';
import { identityFromClaims } from '../../../src/platform/auth/tokenIdentity';
import { buildInspectorModel, renderInspectorBody } from '../../../src/vscode/tokenInspector/tokenInspectorModel';
import { sandboxSystemUsers, sandboxToken, useSandbox } from '../helpers/sandbox';

describe('user type and system user read from real sandbox tokens (array and object authorization_details)', () => {
  const sandbox = useSandbox();

  it('a plain Maskinporten token and its exchanged Altinn token are an organisation, not an end user', async () => {
    for (const altinn of [false, true]) {
      const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], altinn });
      const { claims } = decodeJwtUnverified(token);
      assert.equal(tokenUserType(claims), 'organisation');
      assert.equal(isEndUser(tokenUserType(claims)), false);
      const model = buildInspectorModel(token, { source: 'test' });
      const inbox = model.features.find((f) => f.label === 'Dialogporten inbox')!;
      assert.deepEqual(
        { satisfied: inbox.satisfied, needsEndUser: inbox.needsEndUser, missing: inbox.missing },
        { satisfied: false, needsEndUser: true, missing: [] },
      );
      assert.match(
        renderInspectorBody(model),
        /Dialogporten inbox <span class="muted">— needs a system user \(or a person\): this token is neither<\/span>/,
      );
    }
  });

  it("a system user is read from Maskinporten's array and from the exchange's object alike, in every consumer", async () => {
    const user = sandboxSystemUsers(sandbox()).find((u) => u.delegatedResources.length > 0)!;
    const maskinporten = await sandboxToken(sandbox(), {
      scopes: ['digdir:dialogporten'],
      systemUserOrg: user.organisationNumber,
    });
    const exchanged = await sandboxToken(sandbox(), {
      scopes: ['digdir:dialogporten'],
      systemUserOrg: user.organisationNumber,
      altinn: true,
    });
    assert.ok(
      Array.isArray(decodeJwtUnverified(maskinporten).claims.authorization_details),
      'Maskinporten writes an array',
    );
    const exchangedDetails = decodeJwtUnverified(exchanged).claims.authorization_details;
    assert.ok(
      exchangedDetails && typeof exchangedDetails === 'object' && !Array.isArray(exchangedDetails),
      'the exchange writes one entry as an object',
    );
    for (const token of [maskinporten, exchanged]) {
      const { claims } = decodeJwtUnverified(token);
      assert.equal(tokenUserType(claims), 'systemUser');
      const inspection = inspectJwt(token);
      assert.equal(inspection.systemUser?.id, user.id);
      assert.equal(inspection.systemUser?.organisationNumber, user.organisationNumber);
      const identity = identityFromClaims(claims);
      assert.equal(identity.systemUserId, user.id);
      assert.equal(identity.systemUserOrganisationNumber, user.organisationNumber);
      assert.ok(identity.systemId);
      const model = buildInspectorModel(token, { source: 'test' });
      assert.equal(model.identity.systemUserId, user.id);
      assert.equal(model.features.find((f) => f.label === 'Dialogporten inbox')?.satisfied, true);
    }
  });

  it('a person token is a person; a service owner and an ID-porten email user are classified as Dialogporten does', async () => {
    const person = decodeJwtUnverified(
      await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true }),
    ).claims;
    assert.equal(tokenUserType(person), 'person');
    assert.equal(
      tokenUserType({ ...person, scope: 'digdir:dialogporten digdir:dialogporten.serviceprovider' }),
      'serviceOwner',
    );
    assert.equal(
      tokenUserType({
        scope: 'digdir:dialogporten.serviceprovider',
        consumer: { authority: 'iso6523-actorid-upis', ID: '0192:991825827' },
      }),
      'serviceOwner',
    );
    assert.equal(
      tokenUserType({ scope: 'digdir:dialogporten', email: 'a@example.com', amr: ['Selfregistered-email'] }),
      'selfIdentified',
    );
    assert.equal(
      tokenUserType({ scope: 'digdir:dialogporten', pid: '12345678901' }),
      'organisation',
      'a pid with wrong check digits is no person',
    );
    assert.ok(
      isEndUser('selfIdentified') && isEndUser('person') && isEndUser('systemUser') && !isEndUser('serviceOwner'),
    );
  });
});
