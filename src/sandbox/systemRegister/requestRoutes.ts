// Vendor endpoints for system-user requests, after Altinn/altinn-authentication
// src/Authentication/Controllers/RequestSystemUserController.cs (routes under authentication/api/v1/systemuser/request).
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import { pageOf, readToken } from './paging';
import { sendAuthProblem, sendModelBindingProblem, sendPlain } from './problems';
import { requestJson } from './render';
import { createRequest, type RequestKind } from './requestRules';
import { systemRegisterOf, type SystemRegisterStore } from './store';
import type { StoredRequest } from './types';
import { authenticateVendor, guidParam, readJsonBody, REQUEST_READ, REQUEST_WRITE } from './vendorCaller';

const BASE = '/authentication/api/v1/systemuser/request';

/** `/accessmanagement/ui/systemuser/request?id=…&DONTCHOOSEREPORTEE=true` (agentrequest for agents) on the sandbox. */
export function confirmUrl(context: SandboxContext, request: Pick<StoredRequest, 'id' | 'kind'>): string {
  const page = request.kind === 'agent' ? 'agentrequest' : 'request';
  return `${context.urls().baseUrl}/accessmanagement/ui/systemuser/${page}?id=${request.id}&DONTCHOOSEREPORTEE=true`;
}

export function registerRequestRoutes(router: Router, context: SandboxContext): void {
  const store = systemRegisterOf(context);

  for (const kind of ['standard', 'agent'] as const) {
    const vendor = kind === 'agent' ? `${BASE}/vendor/agent` : `${BASE}/vendor`;

    router.post(vendor, async (request) => {
      const caller = await authenticateVendor(request, context, REQUEST_WRITE);
      if (!caller) return;
      const body = await readJsonBody(request);
      if (body === undefined) return;
      const outcome = createRequest(store, context.world, kind, body, caller.vendorOrgNo);
      if (outcome.kind === 'missing')
        return sendModelBindingProblem(request.res, outcome.field, `The ${outcome.field} field is required.`);
      if (outcome.kind === 'problem') return sendAuthProblem(request.res, outcome.code, outcome.extensions);
      const url = confirmUrl(context, outcome.request);
      if (outcome.kind === 'existing')
        return sendJson(request.res, 200, requestJson(store, outcome.request, { confirmUrl: url }));
      // The Location path has no `vendor/`; the 201 body carries no creation time.
      sendJson(request.res, 201, requestJson(store, outcome.request, { confirmUrl: url, justCreated: true }), {
        location: `${context.urls().platformBase}/authentication/api/v1/systemuser/request/${outcome.request.id}`,
      });
    });

    router.get(`${vendor}/:requestId`, async (request) => {
      const caller = await authenticateVendor(request, context, REQUEST_READ);
      if (!caller) return;
      const id = guidParam(request, 'requestId');
      if (!id) return;
      if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
      const found = store.requests.get(id);
      if (!found || found.isDeleted) return sendAuthProblem(request.res, kind === 'agent' ? '00030' : '00010');
      if (found.kind !== kind) return sendAuthProblem(request.res, kind === 'agent' ? '00025' : '00010');
      answer(request, store, context, found, caller.vendorOrgNo);
    });

    router.get(`${vendor}/byexternalref/:systemId/:orgNo/:externalRef`, async (request) => {
      const caller = await authenticateVendor(request, context, REQUEST_READ);
      if (!caller) return;
      if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
      const { systemId, orgNo, externalRef } = request.params;
      const found = [...store.requests.values()].find(
        (r) =>
          !r.isDeleted &&
          r.kind === kind &&
          r.systemId === systemId &&
          r.partyOrgNo === orgNo &&
          r.externalRef === externalRef,
      );
      if (!found) return sendAuthProblem(request.res, '00010');
      answer(request, store, context, found, caller.vendorOrgNo);
    });

    router.get(`${vendor}/bysystem/:systemId`, async (request) => {
      const caller = await authenticateVendor(request, context, REQUEST_READ);
      if (!caller) return;
      if (!caller.vendorOrgNo) return sendPlain(request.res, 401);
      const system = store.system(request.params.systemId);
      if (!system || system.vendorOrganisationNumber !== caller.vendorOrgNo)
        return sendAuthProblem(request.res, '00011');
      const from = readToken(request);
      if (from === undefined) return;
      const items = requestsOf(store, system.id, kind);
      const page = pageOf(
        items,
        (r) => r.id,
        from === null ? null : String(from),
        store.pageSize,
        (token) => linkTo(context, request, token),
      );
      // The list items carry no confirmUrl: the controller sets it on single answers only.
      sendJson(request.res, 200, { links: page.links, data: page.data.map((r) => requestJson(store, r, {})) });
    });
  }

  // One delete for both kinds; Altinn checks neither the kind nor the owner here.
  router.delete(`${BASE}/vendor/:requestId`, async (request) => {
    const caller = await authenticateVendor(request, context, REQUEST_WRITE);
    if (!caller) return;
    const id = guidParam(request, 'requestId');
    if (!id) return;
    const found = store.requests.get(id);
    if (!found || found.isDeleted) return sendAuthProblem(request.res, '00010');
    found.isDeleted = true;
    request.res.writeHead(202, { 'content-length': '0' });
    request.res.end();
  });
}

function answer(
  request: RequestContext,
  store: SystemRegisterStore,
  context: SandboxContext,
  found: StoredRequest,
  vendorOrgNo: string,
): void {
  if (store.system(found.systemId)?.vendorOrganisationNumber !== vendorOrgNo)
    return sendAuthProblem(request.res, '00011');
  sendJson(request.res, 200, requestJson(store, found, { confirmUrl: confirmUrl(context, found) }));
}

function requestsOf(store: SystemRegisterStore, systemId: string, kind: RequestKind): StoredRequest[] {
  return [...store.requests.values()]
    .filter((r) => !r.isDeleted && r.kind === kind && r.systemId === systemId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The next link on the sandbox's own base URL (Altinn builds it from the incoming request's host). */
export function linkTo(context: SandboxContext, request: RequestContext, token: string): string {
  return `${context.urls().baseUrl}${request.url.pathname}?token=${token}`;
}
