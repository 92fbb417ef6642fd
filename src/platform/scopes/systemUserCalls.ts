/**
 * Which of the three authentication scopes each vendor call of the system register and system-user APIs needs, as
 * the controllers' [Authorize] policies say (Altinn/altinn-authentication src/Authentication/Controllers/
 * {SystemRegister,RequestSystemUser,ChangeRequestSystemUser,SystemUser}Controller.cs). Two are not what one expects:
 * listing a system's system users needs the register scope, and `byquery` is a GET that needs the request *write* scope.
 */
export const SYSTEM_REGISTER_WRITE = 'altinn:authentication/systemregister.write';
export const SYSTEM_USER_REQUEST_WRITE = 'altinn:authentication/systemuser.request.write';
export const SYSTEM_USER_REQUEST_READ = 'altinn:authentication/systemuser.request.read';

export type SystemUserScope =
  typeof SYSTEM_REGISTER_WRITE | typeof SYSTEM_USER_REQUEST_WRITE | typeof SYSTEM_USER_REQUEST_READ;

export const SYSTEM_USER_CALL_SCOPES = {
  'systemRegister.list': SYSTEM_REGISTER_WRITE,
  'systemRegister.get': SYSTEM_REGISTER_WRITE,
  'systemRegister.create': SYSTEM_REGISTER_WRITE,
  'systemRegister.update': SYSTEM_REGISTER_WRITE,
  'systemRegister.updateRights': SYSTEM_REGISTER_WRITE,
  'systemRegister.updateAccessPackages': SYSTEM_REGISTER_WRITE,
  'systemRegister.delete': SYSTEM_REGISTER_WRITE,
  'systemUsers.bySystem': SYSTEM_REGISTER_WRITE,
  'systemUsers.byQuery': SYSTEM_USER_REQUEST_WRITE,
  'requests.create': SYSTEM_USER_REQUEST_WRITE,
  'requests.createAgent': SYSTEM_USER_REQUEST_WRITE,
  'requests.delete': SYSTEM_USER_REQUEST_WRITE,
  'requests.get': SYSTEM_USER_REQUEST_READ,
  'requests.getAgent': SYSTEM_USER_REQUEST_READ,
  'requests.byExternalRef': SYSTEM_USER_REQUEST_READ,
  'requests.bySystem': SYSTEM_USER_REQUEST_READ,
  'changeRequests.create': SYSTEM_USER_REQUEST_WRITE,
  'changeRequests.delete': SYSTEM_USER_REQUEST_WRITE,
  'changeRequests.get': SYSTEM_USER_REQUEST_READ,
  'changeRequests.byExternalRef': SYSTEM_USER_REQUEST_READ,
  'changeRequests.bySystem': SYSTEM_USER_REQUEST_READ,
} as const satisfies Record<string, SystemUserScope>;

export type SystemUserCall = keyof typeof SYSTEM_USER_CALL_SCOPES;

/** The scope a vendor call needs. */
export function scopeForSystemUserCall(call: SystemUserCall): SystemUserScope {
  return SYSTEM_USER_CALL_SCOPES[call];
}

/** The scope `call` needs when `grantedScopes` lacks it; undefined when the token has it. */
export function missingScopeForSystemUserCall(
  call: SystemUserCall,
  grantedScopes: readonly string[],
): SystemUserScope | undefined {
  const scope = SYSTEM_USER_CALL_SCOPES[call];
  return grantedScopes.includes(scope) ? undefined : scope;
}
