// The vendor's view of system users, after Altinn/altinn-authentication
// src/Authentication/Controllers/SystemUserController.cs (vendor/bysystem, vendor/byquery).
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { Router } from '../core/router';
import { pageOf, readToken } from './paging';
import { sendAuthProblem, sendPlain } from './problems';
import { systemUserJson } from './render';
import { linkTo } from './requestRoutes';
import { systemRegisterOf } from './store';
import { authenticateVendor, REGISTER_WRITE, REQUEST_WRITE } from './vendorCaller';

const BASE = '/authentication/api/v1/systemuser/vendor';

export function registerSystemUserRoutes(router: Router, context: SandboxContext): void {
  const store = systemRegisterOf(context);

  // Listing needs the register scope, not a request scope.
  router.get(`${BASE}/bysystem/:systemId`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
    const system = store.system(request.params.systemId);
    if (!system || system.vendorOrganisationNumber !== caller.vendorOrgNo) return sendAuthProblem(request.res, '00011');
    const from = readToken(request);
    if (from === undefined) return;
    if (from !== null && typeof from !== 'number') return sendPlain(request.res, 400, 'Invalid continuation token.');
    const users = context.world.systemUsers
      .filter((u) => u.systemId === system.id)
      .map((u) => ({ user: u, sequence: store.record(u).sequence }))
      .sort((a, b) => a.sequence - b.sequence);
    // The token is the sequence number of the next page's first system user (inclusive: nothing is skipped).
    const page = pageOf(
      users,
      (u) => u.sequence,
      from,
      store.pageSize,
      (token) => linkTo(context, request, token),
    );
    sendJson(request.res, 200, { links: page.links, data: page.data.map((u) => systemUserJson(store, u.user)) });
  });

  // A GET that needs the request *write* scope; none (or another vendor's) is an empty 404.
  router.get(`${BASE}/byquery`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_WRITE);
    if (!caller) return;
    const systemId = request.query.get('system-id') ?? '';
    const orgNo = request.query.get('orgno') ?? '';
    const externalRef = request.query.get('external-ref') || orgNo;
    const user = store.activeSystemUser(systemId, orgNo, externalRef);
    const system = user && store.system(user.systemId);
    if (!user || !system || system.vendorOrganisationNumber !== caller.vendorOrgNo) return sendPlain(request.res, 404);
    sendJson(request.res, 200, systemUserJson(store, user));
  });
}
