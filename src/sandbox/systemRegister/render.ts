// Output shapes after Altinn/altinn-authentication src/Core/Models (RegisteredSystemResponse, RegisteredSystemDTO,
// RequestSystemResponse, AgentRequestSystemResponse, ChangeRequestResponse, SystemUserExternalDTO): camelCase,
// `vendor.ID`, null properties left out.
import type { SandboxSystemUser } from '../world/types';
import type { SystemRegisterStore } from './store';
import type { StoredChangeRequest, StoredRequest, StoredSystem } from './types';

/** What `created` reads as when the server never set it (a 201 body: the .NET default DateTime). */
const UNSET_DATE = '0001-01-01T00:00:00';

export function systemJson(system: StoredSystem): Record<string, unknown> {
  return {
    id: system.id,
    vendor: { ID: `0192:${system.vendorOrganisationNumber}` },
    name: system.name,
    description: system.description,
    rights: system.rights,
    accessPackages: system.accessPackages,
    clientId: system.clientIds,
    isVisible: system.isVisible,
    isDeleted: system.isDeleted,
    allowedRedirectUrls: system.allowedRedirectUrls,
  };
}

/** GET systemregister/vendor lists this shorter DTO (no client ids, redirect URLs or deleted flag). */
export function systemSummaryJson(system: StoredSystem): Record<string, unknown> {
  return {
    systemId: system.id,
    systemVendorOrgNumber: system.vendorOrganisationNumber,
    systemVendorOrgName: '',
    name: system.name,
    description: system.description,
    rights: system.rights,
    accessPackages: system.accessPackages,
    isVisible: system.isVisible,
  };
}

export interface RequestRenderOptions {
  /** The confirm URL is set by the single-item endpoints only; list items leave it out. */
  readonly confirmUrl?: string;
  /** The 201 body carries no creation time. */
  readonly justCreated?: boolean;
}

export function requestJson(
  store: SystemRegisterStore,
  request: StoredRequest,
  options: RequestRenderOptions,
): Record<string, unknown> {
  return withoutUndefined({
    id: request.id,
    integrationTitle: request.integrationTitle,
    externalRef: request.externalRef,
    systemId: request.systemId,
    partyOrgNo: request.partyOrgNo,
    rights: request.kind === 'standard' ? request.rights : undefined,
    accessPackages: request.accessPackages,
    status: request.status,
    redirectUrl: request.redirectUrl,
    confirmUrl: options.confirmUrl,
    escalated: request.escalated,
    created: options.justCreated ? UNSET_DATE : new Date(request.createdMs).toISOString(),
    timedOut: options.justCreated ? false : store.isTimedOut(request.createdMs),
  });
}

export function changeRequestJson(
  store: SystemRegisterStore,
  change: StoredChangeRequest,
  options: RequestRenderOptions & { readonly withoutPackages?: boolean },
): Record<string, unknown> {
  return withoutUndefined({
    id: change.id,
    externalRef: change.externalRef,
    systemId: change.systemId,
    systemUserId: change.systemUserId,
    partyOrgNo: change.partyOrgNo,
    requiredRights: change.requiredRights,
    unwantedRights: change.unwantedRights,
    requiredAccessPackages: options.withoutPackages ? undefined : change.requiredAccessPackages,
    unwantedAccessPackages: options.withoutPackages ? undefined : change.unwantedAccessPackages,
    status: change.status,
    redirectUrl: change.redirectUrl,
    confirmUrl: options.confirmUrl,
    created: options.justCreated ? UNSET_DATE : new Date(change.createdMs).toISOString(),
    timedOut: options.justCreated ? false : store.isTimedOut(change.createdMs),
  });
}

export function systemUserJson(store: SystemRegisterStore, user: SandboxSystemUser): Record<string, unknown> {
  const record = store.record(user);
  const system = store.system(user.systemId);
  return {
    id: user.id,
    integrationTitle: record.integrationTitle,
    systemId: user.systemId,
    productName: '',
    reporteeOrgNo: user.organisationNumber,
    created: new Date(record.createdMs).toISOString(),
    isDeleted: record.isDeleted,
    supplierName: '',
    supplierOrgno: system?.vendorOrganisationNumber ?? '',
    externalRef: user.externalRef ?? user.organisationNumber,
    userType: user.userType ?? 'standard',
  };
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}
