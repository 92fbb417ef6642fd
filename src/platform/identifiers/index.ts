export { validateNationalIdentityNumber, syntheticNationalIdentityNumber } from './nationalIdentityNumber';
export type { NationalIdentityKind, IdentifierResult } from './nationalIdentityNumber';
export { validateOrganisationNumber, organisationNumberFromStem } from './organisationNumber';
export { personUrn, organizationUrn, parsePartyUrn, PERSON_URN_PREFIX, ORGANIZATION_URN_PREFIX } from './partyUrn';
export type { PartyIdentifier } from './partyUrn';
export { bareResourceId, RESOURCE_URN_PREFIX } from './resourceId';
