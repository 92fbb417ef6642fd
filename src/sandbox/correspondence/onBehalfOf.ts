// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.API/ValidationAttributes/OnBehalfOfAttribute.cs
import { organizationUrn, personUrn, validateNationalIdentityNumber } from '../../platform/identifiers';

export type OnBehalfOfResult = { ok: true; party: string } | { ok: false; message: string };

/**
 * Reads Correspondence's `onBehalfOf` formats — `0192:<orgno>`, `urn:altinn:organization:identifier-no:<orgno>`,
 * `urn:altinn:person:identifier-no:<fnr>` or a bare 11-digit number — as a party URN, with the service's own
 * validation messages (organisation numbers are only checked for 9 digits, like the real attribute does).
 */
export function partyFromOnBehalfOf(value: string): OnBehalfOfResult {
  const org = /^(?:0192:|urn:altinn:organization:identifier-no:)(\d{9})$/.exec(value);
  if (org) return { ok: true, party: organizationUrn(org[1]) };
  const person = /^(?:urn:altinn:person:identifier-no:)?(\d{11})$/.exec(value);
  if (person) {
    return validateNationalIdentityNumber(person[1]).ok
      ? { ok: true, party: personUrn(person[1]) }
      : { ok: false, message: 'The given OnBehalfOf national identity number is not valid' };
  }
  return {
    ok: false,
    message:
      "OnBehalfOf must be either a valid organization number (format: 'urn:altinn:organization:identifier-no:organizationnumber' or '0192:organizationnumber') or a valid national identity number (format: 'urn:altinn:person:identifier-no:nationalidentitynumber' or just 'nationalidentitynumber')",
  };
}
