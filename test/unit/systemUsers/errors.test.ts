import assert from 'node:assert/strict';
import { InvalidInputError } from '../../../src/platform/errors';
import { SYSTEM_REGISTER_WRITE, SYSTEM_USER_REQUEST_READ } from '../../../src/platform/scopes';
import { explainAuthCode, resourceRight, SystemUserApiError } from '../../../src/platform/systemUsers';
import { useSandbox } from '../helpers/sandbox';
import { addForeignSystem, testHttp, vendorClients, vendorOf } from './setup';

const FOREIGN_VENDOR = '974761076';

/** The three answer shapes of Altinn Authentication, as the clients turn them into words. */
describe('system-user clients: errors in plain words', () => {
  const sandbox = useSandbox({ dialogs: 10 });
  const http = testHttp();

  const rejection = async (promise: Promise<unknown>): Promise<SystemUserApiError> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof SystemUserApiError, `expected a SystemUserApiError, got ${String(error)}`);
      return error;
    }
    assert.fail('the call succeeded');
  };

  it('a Problem with an AUTH code becomes its sentence (another vendor’s system is "not found")', async () => {
    addForeignSystem(sandbox(), FOREIGN_VENDOR, `${FOREIGN_VENDOR}_foreign_errors`);
    const { requests } = vendorClients(sandbox(), http());
    const error = await rejection(requests.listBySystemPage('standard', `${FOREIGN_VENDOR}_foreign_errors`));
    assert.equal(error.status, 404);
    assert.equal(error.reason, 'problem');
    assert.equal(error.authCode, 'AUTH-00011');
    assert.equal(error.explanation, explainAuthCode('AUTH-00011'));
    assert.match(error.message, /belongs to another vendor/);
  });

  it('a validation answer lists every AUTH.VLD code with its path and sentence', async () => {
    const { orgNo } = vendorOf(sandbox());
    const { register } = vendorClients(sandbox(), http());
    const error = await rejection(
      register.create({
        id: `${orgNo}_bad-one`,
        vendorOrganisationNumber: orgNo,
        name: { nb: 'X' },
        description: { nb: 'X' },
        rights: [resourceRight('no-such-resource')],
        allowedRedirectUrls: ['http://not-https.example/'],
      }),
    );
    assert.equal(error.status, 400);
    assert.equal(error.reason, 'validation');
    assert.equal(error.authCode, 'STD-00000');
    assert.deepEqual(
      error.validationErrors.map((e) => [e.code, e.paths[0]]),
      [
        ['AUTH.VLD-00005', '/registersystemrequest/allowedredirecturls'],
        ['AUTH.VLD-00003', '/registersystemrequest/rights/resource'],
      ],
    );
    assert.ok(error.validationErrors.every((e) => e.explanation && error.explanation.includes(e.explanation)));
  });

  it('an empty 403 names the scope the call needs', async () => {
    const { register } = vendorClients(sandbox(), http(), [SYSTEM_USER_REQUEST_READ]);
    const error = await rejection(register.list());
    assert.equal(error.status, 403);
    assert.equal(error.reason, 'missing-scope');
    assert.equal(error.requiredScope, SYSTEM_REGISTER_WRITE);
    assert.match(error.explanation, new RegExp(SYSTEM_REGISTER_WRITE));
  });

  it('a plain-text 404 (PUT of an unknown system) keeps the server’s text', async () => {
    const { orgNo } = vendorOf(sandbox());
    const { register } = vendorClients(sandbox(), http());
    const error = await rejection(
      register.update({
        id: `${orgNo}_never-registered`,
        vendorOrganisationNumber: orgNo,
        name: { nb: 'X' },
        description: { nb: 'X' },
      }),
    );
    assert.equal(error.status, 404);
    assert.equal(error.reason, 'not-found');
    assert.equal(error.authCode, undefined);
    assert.match(error.detail ?? '', /System with ID '.*_never-registered' not found/);
  });

  it('refuses input Altinn would refuse before sending anything', async () => {
    const c = vendorClients(sandbox(), http());
    const { orgNo, systemId } = vendorOf(sandbox());
    await assert.rejects(
      c.requests.create('standard', { systemId, customerOrganisationNumber: '123456789', rights: [] }),
      (error: unknown) => error instanceof InvalidInputError && /check digit/.test(error.message),
    );
    await assert.rejects(
      c.requests.create('agent', { systemId, customerOrganisationNumber: orgNo }),
      (error: unknown) => error instanceof InvalidInputError && error.field === 'accessPackages',
    );
    await assert.rejects(
      c.register.get('no underscore'),
      (error: unknown) => error instanceof InvalidInputError && /spaces/.test(error.message),
    );
    await assert.rejects(
      c.requests.get('standard', 'not-a-guid'),
      (error: unknown) => error instanceof InvalidInputError && error.field === 'requestId',
    );
    assert.deepEqual(c.scopesAsked, [], 'no token was even asked for');
  });
});
