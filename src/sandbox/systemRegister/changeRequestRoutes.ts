// Change requests, after Altinn/altinn-authentication src/Authentication/Controllers/ChangeRequestSystemUserController.cs
// and src/Authentication/Services/ChangeRequestSystemUserService.cs (CreateChangeRequest, ValidateChangeRequest).
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { Router } from '../core/router';
import { packageKind } from './catalogue';
import { pageOf, readToken } from './paging';
import { sendAuthProblem, sendPlain, type AuthProblemCode } from './problems';
import { changeRequestJson } from './render';
import { checkRedirect, rightsWithinSystem } from './requestRules';
import { linkTo } from './requestRoutes';
import { systemRegisterOf } from './store';
import { readPackages, readRights } from './systemValidation';
import type { StoredChangeRequest, StoredSystem } from './types';
import {
  asObject,
  asString,
  authenticateVendor,
  guidParam,
  readJsonBody,
  REQUEST_READ,
  REQUEST_WRITE,
} from './vendorCaller';

const BASE = '/authentication/api/v1/systemuser/changerequest';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function changeConfirmUrl(context: SandboxContext, id: string): string {
  return `${context.urls().baseUrl}/accessmanagement/ui/systemuser/changerequest?id=${id}&DONTCHOOSEREPORTEE=true`;
}

export function registerChangeRequestRoutes(router: Router, context: SandboxContext): void {
  const store = systemRegisterOf(context);

  router.post(`${BASE}/vendor`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_WRITE);
    if (!caller) return;
    const correlationId = (request.query.get('correlation-id') ?? '').toLowerCase();
    if (!GUID.test(correlationId) || /^0{8}-/.test(correlationId))
      return sendPlain(
        request.res,
        400,
        'Missing or invalid QueryParameter: correlation-id. Generate a unique UUID (RFC 4122) for this Change Request, and add as a Query Parameter.',
      );
    const body = await readJsonBody(request);
    if (body === undefined) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
    const systemUserId = (request.query.get('system-user-id') ?? '').toLowerCase();
    const user = context.world.systemUsers.find((u) => u.id === systemUserId);
    if (!user) return sendAuthProblem(request.res, '00015');
    if (correlationId === user.id)
      return sendPlain(
        request.res,
        400,
        'The correlation-id should not be the same as the system-user-id. Generate a unique id.',
      );
    const system = store.system(user.systemId);
    if (system?.vendorOrganisationNumber !== caller.vendorOrgNo) return sendPlain(request.res, 401);

    const o = asObject(body);
    const change = {
      requiredRights: readRights(o.requiredrights),
      unwantedRights: readRights(o.unwantedrights),
      requiredAccessPackages: readPackages(o.requiredaccesspackages),
      unwantedAccessPackages: readPackages(o.unwantedaccesspackages),
      redirectUrl: asString(o.redirecturl) || undefined,
    };
    const base = {
      id: correlationId,
      systemUserId: user.id,
      systemId: user.systemId,
      partyOrgNo: user.organisationNumber,
      externalRef: user.externalRef ?? user.organisationNumber,
    };
    const nothing =
      !change.requiredRights.length &&
      !change.unwantedRights.length &&
      !change.requiredAccessPackages.length &&
      !change.unwantedAccessPackages.length;
    if (nothing) {
      // Nothing is stored; the answer says so.
      const empty: StoredChangeRequest = {
        ...base,
        ...change,
        createdMs: store.nowMs(),
        status: 'NoChangeNeeded',
        isDeleted: false,
      };
      return sendJson(request.res, 200, { ...changeRequestJson(store, empty, { justCreated: true }), confirmUrl: '' });
    }
    const known = store.changeRequests.get(correlationId);
    if (known && !known.isDeleted)
      return sendJson(
        request.res,
        200,
        changeRequestJson(store, known, { confirmUrl: changeConfirmUrl(context, known.id) }),
      );
    if (user.userType === 'agent') return sendAuthProblem(request.res, '00015');
    const problem = validateChange(system, change);
    if (problem) return sendAuthProblem(request.res, problem);
    const stored: StoredChangeRequest = {
      ...base,
      ...change,
      createdMs: store.nowMs(),
      status: 'New',
      isDeleted: false,
    };
    store.changeRequests.set(stored.id, stored);
    sendJson(
      request.res,
      201,
      changeRequestJson(store, stored, { confirmUrl: changeConfirmUrl(context, stored.id), justCreated: true }),
      {
        location: `${context.urls().platformBase}/authentication/api/v1/systemuser/changerequest/${stored.id}`,
      },
    );
  });

  router.get(`${BASE}/vendor/:id`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_READ);
    if (!caller) return;
    const id = guidParam(request, 'id');
    if (!id) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
    const found = store.changeRequests.get(id);
    if (!found || found.isDeleted) return sendAuthProblem(request.res, '00010');
    if (store.system(found.systemId)?.vendorOrganisationNumber !== caller.vendorOrgNo)
      return sendAuthProblem(request.res, '00011');
    sendJson(request.res, 200, changeRequestJson(store, found, { confirmUrl: changeConfirmUrl(context, found.id) }));
  });

  router.get(`${BASE}/vendor/byexternalref/:systemId/:orgNo/:externalRef`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_READ);
    if (!caller) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
    const { systemId, orgNo, externalRef } = request.params;
    const system = store.system(systemId);
    if (!system || system.vendorOrganisationNumber !== caller.vendorOrgNo) return sendAuthProblem(request.res, '00011');
    const found = [...store.changeRequests.values()].find(
      (c) => !c.isDeleted && c.systemId === systemId && c.partyOrgNo === orgNo && c.externalRef === externalRef,
    );
    if (!found) return sendAuthProblem(request.res, '00010');
    // This answer is built without the package lists (they read as empty).
    sendJson(
      request.res,
      200,
      changeRequestJson(store, found, { confirmUrl: changeConfirmUrl(context, found.id), withoutPackages: true }),
    );
  });

  router.get(`${BASE}/vendor/bysystem/:systemId`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_READ);
    if (!caller) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
    const system = store.system(request.params.systemId);
    if (!system || system.vendorOrganisationNumber !== caller.vendorOrgNo) return sendAuthProblem(request.res, '00011');
    // The token is read (a malformed one is still a 400) but not used: Altinn's service pages the whole list from its
    // start every time (Altinn/altinn-authentication src/Authentication/Services/ChangeRequestSystemUserService.cs,
    // GetAllChangeRequestsForVendor, never passes `continueRequest` on), so every call answers the first page and,
    // with more than a page, the same `next` link. The repository's query has no ORDER BY; the sandbox keeps id order.
    if (readToken(request) === undefined) return;
    const items = [...store.changeRequests.values()]
      .filter((c) => !c.isDeleted && c.systemId === system.id)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = pageOf(
      items,
      (c) => c.id,
      null,
      store.pageSize,
      (token) => linkTo(context, request, token),
    );
    sendJson(request.res, 200, { links: page.links, data: page.data.map((c) => changeRequestJson(store, c, {})) });
  });

  router.delete(`${BASE}/vendor/:id`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_WRITE);
    if (!caller) return;
    const id = guidParam(request, 'id');
    if (!id) return;
    const found = store.changeRequests.get(id);
    if (!found || found.isDeleted) return sendAuthProblem(request.res, '00010');
    found.isDeleted = true;
    request.res.writeHead(202, { 'content-length': '0' });
    request.res.end();
  });
}

function validateChange(
  system: StoredSystem,
  change: Pick<StoredChangeRequest, 'requiredRights' | 'requiredAccessPackages' | 'redirectUrl'>,
): AuthProblemCode | undefined {
  if (change.redirectUrl) {
    const problem = checkRedirect(system, change.redirectUrl);
    if (problem) return problem;
  }
  if (change.requiredRights.length && !rightsWithinSystem(system, change.requiredRights)) return '00001';
  const packages = change.requiredAccessPackages;
  if (packages.some((p) => !system.accessPackages.some((s) => s.urn.toLowerCase() === p.urn.toLowerCase())))
    return '00063';
  if (packages.some((p) => packageKind(p.urn) !== 'assignable')) return '00064';
  return undefined;
}
