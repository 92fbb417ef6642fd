// Follows https://docs.digdir.no/docs/Maskinporten/maskinporten_func_systembruker and Altinn/altinn-studio-docs: content/authorization/guides/system-vendor/system-user/troubleshooting/errors/mp-303-error/_index.en.md
import { validateOrganisationNumber } from '../../platform/identifiers';
import type { SandboxContext } from '../context';
import { findSystemUserForGrant } from '../systemRegister/grantLookup';
import type { SandboxMaskinportenClient, SandboxSystemUser } from '../world/types';
import { reject } from './grantRejection';

const DETAIL_FIELDS = new Set(['type', 'systemuser_org', 'externalRef']);
const ORG_FIELDS = new Set(['authority', 'ID']);

/** Validates `authorization_details` (RAR) for a system user and finds that system user (MP-301/302/303). */
export function resolveSystemUser(
  details: unknown,
  client: SandboxMaskinportenClient,
  context: SandboxContext,
): SandboxSystemUser {
  if (!Array.isArray(details) || details.length !== 1 || !isObject(details[0])) {
    throw reject.details('MP-301', 'authorization_details must be an array with exactly one object');
  }
  const detail = details[0];
  if (detail.type !== 'urn:altinn:systemuser') {
    throw reject.details('MP-301', `Unknown authorization_details type ${JSON.stringify(detail.type ?? null)}`);
  }
  const unknown = Object.keys(detail).filter((k) => !DETAIL_FIELDS.has(k));
  if (unknown.length)
    throw reject.details('MP-302', `Unknown field(s) in authorization_details: ${unknown.join(', ')}`);
  const org = detail.systemuser_org;
  if (!isObject(org))
    throw reject.details('MP-303', 'invalid_altinn_customer_configuration: systemuser_org is missing');
  const unknownOrg = Object.keys(org).filter((k) => !ORG_FIELDS.has(k));
  if (unknownOrg.length) throw reject.details('MP-302', `Unknown field(s) in systemuser_org: ${unknownOrg.join(', ')}`);
  if (org.authority !== 'iso6523-actorid-upis' || typeof org.ID !== 'string' || !org.ID.startsWith('0192:')) {
    throw reject.details(
      'MP-303',
      'invalid_altinn_customer_configuration: systemuser_org must be {"authority":"iso6523-actorid-upis","ID":"0192:<orgno>"}',
    );
  }
  const orgNo = validateOrganisationNumber(org.ID.slice(5));
  if (!orgNo.ok)
    throw reject.details('MP-303', `invalid_altinn_customer_configuration: systemuser_org ${orgNo.reason}`);
  if (detail.externalRef !== undefined && typeof detail.externalRef !== 'string') {
    throw reject.details('MP-303', 'invalid_altinn_customer_configuration: externalRef must be a string');
  }
  // The registered systems are the truth: which client ids they list, whether they or the system user were deleted.
  const found = findSystemUserForGrant(context, client.clientId, orgNo.value, detail.externalRef);
  if ('cause' in found) throw reject.details('MP-303', `invalid_altinn_customer_configuration: ${found.cause}`);
  return found.user;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
