import { systemUserFromClaims } from './authorizationDetails';

export interface TokenIdentity {
  readonly consumerOrganisationNumber?: string;
  readonly systemUserId?: string;
  readonly systemUserOrganisationNumber?: string;
  readonly systemId?: string;
  readonly person?: string;
  readonly clientId?: string;
  readonly altinnUserId?: string;
  readonly partyId?: string;
}

/** Who the token speaks for, read from its claims (Maskinporten, Altinn or test-tools shapes). */
export function identityFromClaims(claims: Readonly<Record<string, unknown>>): TokenIdentity {
  const consumer = (claims.consumer as { ID?: unknown } | undefined)?.ID;
  const systemUser = systemUserFromClaims(claims);
  const str = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  return {
    consumerOrganisationNumber: str(consumer)?.replace(/^0192:/, '') ?? str(claims['urn:altinn:orgNumber']),
    systemUserId: systemUser?.id,
    systemUserOrganisationNumber: systemUser?.organisationNumber,
    systemId: systemUser?.systemId,
    person: str(claims.pid),
    clientId: str(claims.client_id),
    altinnUserId: str(claims['urn:altinn:userid']),
    partyId: str(claims['urn:altinn:partyid']),
  };
}
