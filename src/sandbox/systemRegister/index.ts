import type { SandboxContext } from '../context';
import type { Router } from '../core/router';
import { registerApprovalPages } from './approvalPage';
import { registerChangeRequestRoutes } from './changeRequestRoutes';
import { registerSystemRegisterRoutes } from './registerRoutes';
import { registerRequestRoutes } from './requestRoutes';
import { seedRegisteredSystems } from './seed';
import { registerSystemUserRoutes } from './systemUserRoutes';

export { systemRegisterOf, DEFAULT_REQUEST_TIMEOUT_SECONDS, DEFAULT_PAGE_SIZE } from './store';
export type { SystemRegisterStore } from './store';
export { findSystemUserForGrant } from './grantLookup';
export { SEEDED_REDIRECT_URL } from './seed';

/**
 * Altinn Authentication's system register, system-user requests, change requests and the vendor's system-user
 * lookups, plus the customer's approval pages at the confirm URLs. Registered after Maskinporten, whose default
 * client's seeded system users get their registered system here.
 */
export function registerSystemRegister(router: Router, context: SandboxContext): void {
  seedRegisteredSystems(context);
  registerSystemRegisterRoutes(router, context);
  registerRequestRoutes(router, context);
  registerChangeRequestRoutes(router, context);
  registerSystemUserRoutes(router, context);
  registerApprovalPages(router, context);
}
