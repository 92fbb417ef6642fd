import type { ServerResponse } from 'node:http';
import { validateNationalIdentityNumber, validateOrganisationNumber } from '../../platform/identifiers';
import type { Principal } from '../core/principal';
import { sendJson, traceId } from '../core/respond';
import { instanceOf } from './problems';

/**
 * Dialogporten's user types, determined in this order (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.Application/Common/Extensions/ClaimsPrincipalExtensions.cs, GetUserType):
 * a valid `pid` is a Person (ServiceOwnerOnBehalfOfPerson with the service-provider scope); else a
 * `urn:altinn:systemuser` entry with a `systemuser_id` in `authorization_details` (array or object) is a SystemUser;
 * else the service-provider scope with a valid `consumer` is a ServiceOwner; else Unknown. (ID-porten email users,
 * `email` + `amr` ["Selfregistered-email"], are another end-user type; the sandbox issues no such tokens.)
 */
export type DialogportenUserType =
  'Person' | 'SystemUser' | 'ServiceOwner' | 'ServiceOwnerOnBehalfOfPerson' | 'IdportenEmailIdentifiedUser' | 'Unknown';

const SERVICE_PROVIDER_SCOPE = 'digdir:dialogporten.serviceprovider';

/** The end-user policy's valid user types, in the order the service names them (UserTypeValidationMiddleware.cs). */
export const END_USER_TYPES: readonly DialogportenUserType[] = ['Person', 'SystemUser', 'IdportenEmailIdentifiedUser'];

export function dialogportenUserType(principal: Principal): DialogportenUserType {
  const serviceProvider = principal.scopes.has(SERVICE_PROVIDER_SCOPE);
  const pid = principal.claims.pid;
  if (typeof pid === 'string' && validateNationalIdentityNumber(pid).ok)
    return serviceProvider ? 'ServiceOwnerOnBehalfOfPerson' : 'Person';
  if (principal.systemUser) return 'SystemUser';
  const consumer = principal.claims.consumer as { authority?: unknown; ID?: unknown } | undefined;
  const consumerOrg =
    typeof consumer?.ID === 'string' && /^iso6523-actorid-upis$/i.test(String(consumer.authority))
      ? /^0192:(\d{9})$/.exec(consumer.ID)?.[1]
      : undefined;
  if (serviceProvider && consumerOrg && validateOrganisationNumber(consumerOrg).ok) return 'ServiceOwner';
  return 'Unknown';
}

/**
 * The 403 of Dialogporten's UserTypeValidationMiddleware (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.WebApi/Common/Authentication/UserTypeValidationMiddleware.cs): a ValidationProblemDetails
 * from ErrorResponseBuilderExtensions.cs (title "Forbidden.", the message under errors.Type), written with
 * WriteAsJsonAsync, so the content type is application/json, not problem+json.
 */
export function sendUserTypeRefusal(
  res: ServerResponse,
  pathname: string,
  validUserTypes: readonly DialogportenUserType[] = END_USER_TYPES,
): void {
  sendJson(res, 403, {
    type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3',
    title: 'Forbidden.',
    status: 403,
    instance: instanceOf(pathname),
    errors: {
      Type: [
        `The request was authenticated, but we were unable to determine valid user type in order to authorize the request. Valid user types for this endpoint are: ${validUserTypes.join(', ')}`,
      ],
    },
    traceId: traceId(),
  });
}
