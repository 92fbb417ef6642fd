// The vendor's system register, after Altinn/altinn-authentication
// src/Authentication/Controllers/SystemRegisterController.cs (routes under authentication/api/v1/systemregister).
import type { SandboxContext } from '../context';
import { sendJson } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import { sendModelBindingProblem, sendPlain, sendValidationProblem, type ValidationFailure } from './problems';
import { systemJson, systemSummaryJson } from './render';
import { systemRegisterOf } from './store';
import {
  readPackages,
  readRights,
  readSystemInput,
  storedFields,
  validateClientIds,
  validateNewSystem,
  validatePackages,
  validateRights,
  vendorOrgNoOf,
} from './systemValidation';
import { authenticateVendor, mayWrite, readJsonBody, REGISTER_WRITE } from './vendorCaller';
import { PATHS } from './problems';

const BASE = '/authentication/api/v1/systemregister/vendor';
const SUCCEEDED = { succeeded: true };

export function registerSystemRegisterRoutes(router: Router, context: SandboxContext): void {
  const store = systemRegisterOf(context);

  router.get(BASE, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    if (!caller.vendorOrgNo) return sendPlain(request.res, 403);
    const own = [...store.systems.values()].filter(
      (s) => !s.isDeleted && s.vendorOrganisationNumber === caller.vendorOrgNo,
    );
    sendJson(request.res, 200, own.map(systemSummaryJson));
  });

  router.get(`${BASE}/:systemId`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const system = store.system(request.params.systemId);
    if (!system) return sendPlain(request.res, 404);
    if (!mayWrite(caller, system.vendorOrganisationNumber)) return sendPlain(request.res, 403);
    // Deleted systems are still returned, with isDeleted: true.
    sendJson(request.res, 200, systemJson(system));
  });

  router.post(BASE, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const read = await readSystem(request);
    if (!read) return;
    const vendorOrgNo = vendorOrgNoOf(read.vendorId);
    if (!vendorOrgNo) return sendValidationProblem(request.res, [{ code: '00000', path: PATHS.vendorId }]);
    const failures = [
      ...validateNewSystem(store, read, vendorOrgNo),
      ...validateRights(context.world, read.rights),
      ...validatePackages(read.accessPackages, read.isVisible),
    ];
    // The owner check comes after collecting the errors but wins over them.
    if (!mayWrite(caller, vendorOrgNo)) return sendPlain(request.res, 403);
    if (failures.length) return sendValidationProblem(request.res, failures);
    const system = store.addSystem({ id: read.id, vendorOrganisationNumber: vendorOrgNo, ...storedFields(read) });
    sendJson(request.res, 200, system.internalId);
  });

  router.put(`${BASE}/:systemId`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const systemId = request.params.systemId;
    const read = await readSystem(request);
    if (!read) return;
    const current = store.system(systemId);
    const notFound = `System with ID '${systemId}' not found.`;
    if (!current) return sendPlain(request.res, 404, notFound);
    if (!mayWrite(caller, current.vendorOrganisationNumber)) return sendPlain(request.res, 403);
    if (vendorOrgNoOf(read.vendorId) !== current.vendorOrganisationNumber) return sendPlain(request.res, 404, notFound);
    if (read.id !== systemId) return sendValidationProblem(request.res, [{ code: '00012', path: PATHS.systemId }]);
    if (current.isDeleted) return sendPlain(request.res, 400, 'Cannot update a system marked as deleted.');
    const failures: ValidationFailure[] = [
      ...validateRights(context.world, read.rights),
      ...validatePackages(read.accessPackages, read.isVisible),
      ...validateClientIds(store, read),
    ];
    if (failures.length) return sendValidationProblem(request.res, failures);
    // PUT replaces everything (client ids included); the redirect URLs are not re-checked.
    Object.assign(current, storedFields(read));
    sendJson(request.res, 200, SUCCEEDED);
  });

  router.put(`${BASE}/:systemId/rights`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const body = await readJsonBody(request);
    if (body === undefined) return;
    const system = store.system(request.params.systemId);
    // Altinn dereferences the unknown system here and fails with 500.
    if (!system) return sendPlain(request.res, 500, 'Object reference not set to an instance of an object.');
    if (!mayWrite(caller, system.vendorOrganisationNumber)) return sendPlain(request.res, 403);
    if (system.isDeleted) return sendPlain(request.res, 400, 'Cannot update a system marked as deleted.');
    const rights = readRights(body);
    const failures = validateRights(context.world, rights);
    if (failures.length) return sendValidationProblem(request.res, failures);
    system.rights = rights;
    sendJson(request.res, 200, SUCCEEDED);
  });

  router.put(`${BASE}/:systemId/accesspackages`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const body = await readJsonBody(request);
    if (body === undefined) return;
    const system = store.system(request.params.systemId);
    if (!system) return sendPlain(request.res, 500, 'Object reference not set to an instance of an object.');
    if (!mayWrite(caller, system.vendorOrganisationNumber)) return sendPlain(request.res, 403);
    if (system.isDeleted) return sendPlain(request.res, 400, 'Cannot update a system marked as deleted.');
    const packages = readPackages(body);
    const failures = validatePackages(packages, system.isVisible);
    if (failures.length) return sendValidationProblem(request.res, failures);
    system.accessPackages = packages;
    sendJson(request.res, 200, SUCCEEDED);
  });

  router.delete(`${BASE}/:systemId`, async (request) => {
    const caller = await authenticateVendor(request, context, REGISTER_WRITE);
    if (!caller) return;
    const system = store.system(request.params.systemId);
    if (!system) return sendModelBindingProblem(request.res, 'return', 'The system was not found.');
    if (!mayWrite(caller, system.vendorOrganisationNumber)) return sendPlain(request.res, 403);
    // Soft delete: the id stays taken, the client ids are freed for another system.
    system.isDeleted = true;
    system.clientIds = [];
    sendJson(request.res, 200, SUCCEEDED);
  });
}

/** The body of POST/PUT, or undefined after answering 400 (not JSON, or a required field missing). */
async function readSystem(request: RequestContext): Promise<ReturnType<typeof readSystemInput>['input']> {
  const body = await readJsonBody(request);
  if (body === undefined) return undefined;
  const { input, missing } = readSystemInput(body);
  if (!input) sendModelBindingProblem(request.res, missing ?? '$', `The ${missing ?? 'body'} field is required.`);
  return input;
}
