/**
 * Clients for Altinn Authentication's vendor APIs: the system register, system-user requests (standard and agent),
 * change requests and the vendor's system users. Every client takes `{ platformBase, http, getToken }`, where
 * `getToken({ scope })` returns a Maskinporten token of the vendor's client with that scope (the catalogue in
 * `platform/scopes` says which call needs which). Failures are `SystemUserApiError`s with the AUTH code and a sentence.
 */
export { SystemRegisterClient } from './systemRegisterClient';
export { SystemUserRequestClient } from './systemUserRequestClient';
export type { CreatedRequest, RequestKind, SystemUserRequestInput } from './systemUserRequestClient';
export { ChangeRequestClient } from './changeRequestClient';
export type { ChangeRequestInput, CreatedChangeRequest } from './changeRequestClient';
export { VendorSystemUsersClient } from './vendorSystemUsersClient';
export type { PagedList } from './paging';
export type { CallOptions, SystemUserClientOptions, SystemUserTokenProvider } from './vendorApi';
export { resourceRight, rightInputs, packageInputs } from './inputs';
export type { AccessPackageInput, RightInput, SystemDefinition } from './inputs';
export { SystemUserApiError } from './systemUserErrors';
export type { AuthValidationError, SystemUserErrorReason } from './systemUserErrors';
export { AUTH_CODE_EXPLANATIONS, explainAuthCode } from './authCodes';
export { REQUEST_STATUSES, CHANGE_REQUEST_STATUSES } from './statuses';
export type { ChangeRequestStatus, SystemUserRequestStatus } from './statuses';
export type {
  AccessPackage,
  ChangeRequest,
  Page,
  RegisteredSystem,
  Right,
  SystemUserRequest,
  VendorSystemSummary,
  VendorSystemUser,
} from './schemas';
