/** The system user a token acts as, read from its `urn:altinn:systemuser` authorization detail. */
export interface SystemUserClaim {
  readonly id?: string;
  /** The customer organisation (systemuser_org), without the `0192:` prefix. */
  readonly organisationNumber?: string;
  readonly systemId?: string;
}

const SYSTEM_USER_TYPE = 'urn:altinn:systemuser';

/**
 * The entries of `authorization_details`, whichever form it has: Maskinporten writes an array; Altinn's token exchange
 * writes a single entry as an object (.NET turns a one-element JSON array claim into one claim and writes it back as a
 * value). Dialogporten accepts both (Altinn/dialogporten,
 * src/Digdir.Domain.Dialogporten.Application/Common/Extensions/ClaimsPrincipalExtensions.cs, TryGetAuthorizationDetailsClaimValue).
 */
export function authorizationDetailEntries(value: unknown): Readonly<Record<string, unknown>>[] {
  const entries = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return entries.filter(
    (entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object' && !Array.isArray(entry),
  );
}

/** The first system-user entry of the token's `authorization_details` (array or object), as Dialogporten reads it. */
export function systemUserFromClaims(claims: Readonly<Record<string, unknown>>): SystemUserClaim | undefined {
  const detail = authorizationDetailEntries(claims.authorization_details).find((d) => d.type === SYSTEM_USER_TYPE);
  if (!detail) return undefined;
  const ids = detail.systemuser_id;
  const id = Array.isArray(ids) ? ids[0] : ids;
  const org = (detail.systemuser_org as { ID?: unknown } | undefined)?.ID;
  return {
    id: typeof id === 'string' && id !== '' ? id : undefined,
    organisationNumber: typeof org === 'string' && org !== '' ? org.replace(/^0192:/, '') : undefined,
    systemId: typeof detail.system_id === 'string' && detail.system_id !== '' ? detail.system_id : undefined,
  };
}
