import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  missingScopeForSystemUserCall,
  SYSTEM_REGISTER_WRITE,
  SYSTEM_USER_CALL_SCOPES,
  SYSTEM_USER_REQUEST_READ,
  SYSTEM_USER_REQUEST_WRITE,
  type SystemUserCall,
} from '../../../src/platform/scopes';
import { SystemUserApiError } from '../../../src/platform/systemUsers';
import { useSandbox } from '../helpers/sandbox';
import { testHttp, vendorClients, vendorOf, type VendorClients } from './setup';

const ALL = [SYSTEM_REGISTER_WRITE, SYSTEM_USER_REQUEST_WRITE, SYSTEM_USER_REQUEST_READ];

/** The scope catalogue and the sandbox agree: each call passes with its scope alone and is refused with the other two. */
describe('system-user scope catalogue against the sandbox', () => {
  const sandbox = useSandbox({ dialogs: 10 });
  const http = testHttp();

  const calls: [SystemUserCall, (c: VendorClients, systemId: string, orgNo: string) => Promise<unknown>][] = [
    ['systemRegister.list', (c) => c.register.list()],
    ['systemRegister.get', (c, systemId) => c.register.get(systemId)],
    ['systemUsers.bySystem', (c, systemId) => c.systemUsers.listBySystemPage(systemId)],
    [
      'systemUsers.byQuery',
      (c, systemId, orgNo) => c.systemUsers.byQuery({ systemId, customerOrganisationNumber: orgNo }),
    ],
    ['requests.bySystem', (c, systemId) => c.requests.listBySystemPage('standard', systemId)],
    ['requests.get', (c) => c.requests.get('standard', randomUUID())],
    ['requests.delete', (c) => c.requests.delete(randomUUID())],
    ['changeRequests.bySystem', (c, systemId) => c.changes.listBySystemPage(systemId)],
    ['changeRequests.get', (c) => c.changes.get(randomUUID())],
    ['changeRequests.delete', (c) => c.changes.delete(randomUUID())],
  ];

  for (const [call, run] of calls) {
    it(`${call} needs ${SYSTEM_USER_CALL_SCOPES[call]}`, async () => {
      const { systemId, orgNo } = vendorOf(sandbox());
      const scope = SYSTEM_USER_CALL_SCOPES[call];
      const others = ALL.filter((s) => s !== scope);
      assert.equal(missingScopeForSystemUserCall(call, others), scope);
      assert.equal(missingScopeForSystemUserCall(call, [scope]), undefined);

      await assert.rejects(run(vendorClients(sandbox(), http(), others), systemId, orgNo), (error: unknown) => {
        assert.ok(error instanceof SystemUserApiError);
        assert.equal(error.status, 403);
        assert.equal(error.requiredScope, scope);
        return true;
      });
      // With the scope alone the sandbox lets the call through (a missing item is then a 404, not a 403).
      await run(vendorClients(sandbox(), http(), [scope]), systemId, orgNo).catch((error: unknown) => {
        assert.ok(error instanceof SystemUserApiError && error.status === 404, String(error));
      });
    });
  }
});
