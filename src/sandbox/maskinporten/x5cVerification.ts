// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_jwtgrant (x5c: full chain; no production certificates in test)
import { X509Certificate, type KeyObject } from 'node:crypto';
import { certificateOrganisationNumber } from '../../platform/auth/certificates';
import type { SandboxMaskinportenClient } from '../world/types';
import { reject } from './grantRejection';

/**
 * Checks an `x5c` grant header and returns the key that must have signed the grant. The sandbox accepts self-signed
 * test certificates whose subject organisation number is registered on the client; real tt02 accepts only test
 * business certificates (Buypass/Commfides test CAs) and rejects production certificates.
 */
export function certificateSigningKey(
  x5c: unknown,
  client: SandboxMaskinportenClient,
  nowMs: number,
): { key: KeyObject; organisationNumber: string } {
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.some((c) => typeof c !== 'string' || c.length === 0)) {
    throw reject.grant('MP-123', 'Invalid x5c: must be a JSON array of base64-encoded DER certificates, leaf first');
  }
  let chain: X509Certificate[];
  try {
    chain = (x5c as string[]).map((c) => new X509Certificate(Buffer.from(c, 'base64')));
  } catch {
    throw reject.grant('MP-123', 'Invalid x5c: a certificate could not be parsed (PEM text instead of base64 DER?)');
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!chain[i].checkIssued(chain[i + 1]) || !chain[i].verify(chain[i + 1].publicKey)) {
      throw reject.grant(
        'MP-123',
        `Invalid x5c: certificate ${i + 1} is not issued by certificate ${i + 2} (put the leaf first, then its issuers)`,
      );
    }
  }
  const leaf = chain[0];
  if (Date.parse(leaf.validFrom) > nowMs || Date.parse(leaf.validTo) < nowMs) {
    throw reject.grant(
      'MP-120',
      `Signed with invalid certificate: not valid now (valid ${leaf.validFrom} – ${leaf.validTo})`,
    );
  }
  const organisationNumber = certificateOrganisationNumber(leaf);
  if (!organisationNumber) {
    throw reject.grant(
      'MP-120',
      'Signed with invalid certificate: no organisation number (serialNumber or organizationIdentifier) in the subject',
    );
  }
  if (!client.certificateOrganisationNumbers.includes(organisationNumber)) {
    throw reject.grant(
      'MP-122',
      `The certificate's organisation number ${organisationNumber} does not match the client's owner`,
    );
  }
  return { key: leaf.publicKey, organisationNumber };
}
