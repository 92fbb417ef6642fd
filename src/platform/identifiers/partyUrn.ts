export const PERSON_URN_PREFIX = 'urn:altinn:person:identifier-no:';
export const ORGANIZATION_URN_PREFIX = 'urn:altinn:organization:identifier-no:';

export type PartyIdentifier =
  { kind: 'person'; nationalIdentityNumber: string } | { kind: 'organization'; organisationNumber: string };

export function personUrn(nationalIdentityNumber: string): string {
  return `${PERSON_URN_PREFIX}${nationalIdentityNumber}`;
}

export function organizationUrn(organisationNumber: string): string {
  return `${ORGANIZATION_URN_PREFIX}${organisationNumber}`;
}

export function parsePartyUrn(urn: string): PartyIdentifier | undefined {
  if (urn.startsWith(PERSON_URN_PREFIX))
    return { kind: 'person', nationalIdentityNumber: urn.slice(PERSON_URN_PREFIX.length) };
  if (urn.startsWith(ORGANIZATION_URN_PREFIX))
    return { kind: 'organization', organisationNumber: urn.slice(ORGANIZATION_URN_PREFIX.length) };
  return undefined;
}
