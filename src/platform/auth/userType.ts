import { validateNationalIdentityNumber } from '../identifiers';
import { systemUserFromClaims } from './authorizationDetails';

/**
 * Who a token is to Dialogporten, decided in the service's order (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.Application/Common/Extensions/ClaimsPrincipalExtensions.cs, GetUserType): a valid `pid`
 * is a person (a service owner acting for one with the service-provider scope); a system-user entry in
 * `authorization_details` (array or object) is a system user; `email` with `amr` ["Selfregistered-email"] is a
 * self-identified ID-porten user; anything else (a plain Maskinporten or organisation token, a service owner) is not an
 * end user.
 */
export type TokenUserType = 'person' | 'systemUser' | 'selfIdentified' | 'serviceOwner' | 'organisation';

const SERVICE_PROVIDER_SCOPE = 'digdir:dialogporten.serviceprovider';

export function tokenUserType(claims: Readonly<Record<string, unknown>>): TokenUserType {
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const serviceProvider = scopes.includes(SERVICE_PROVIDER_SCOPE);
  if (typeof claims.pid === 'string' && validateNationalIdentityNumber(claims.pid).ok)
    return serviceProvider ? 'serviceOwner' : 'person';
  if (systemUserFromClaims(claims)?.id) return 'systemUser';
  if (serviceProvider) return 'serviceOwner';
  const amr = Array.isArray(claims.amr) ? claims.amr : [claims.amr];
  if (typeof claims.email === 'string' && amr.length === 1 && amr[0] === 'Selfregistered-email')
    return 'selfIdentified';
  return 'organisation';
}

/**
 * Whether Dialogporten's end-user API accepts this user type: its UserTypeValidationMiddleware lets only Person,
 * SystemUser and IdportenEmailIdentifiedUser through and answers 403 to the rest (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.WebApi/Common/Authentication/UserTypeValidationMiddleware.cs).
 */
export function isEndUser(type: TokenUserType): boolean {
  return type === 'person' || type === 'systemUser' || type === 'selfIdentified';
}
