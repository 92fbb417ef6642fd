import type { KeyObject } from 'node:crypto';

/** The only signing algorithms Maskinporten documents for the JWT grant. */
export const MASKINPORTEN_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type MaskinportenAlgorithm = (typeof MASKINPORTEN_ALGORITHMS)[number];

export const MIN_RSA_BITS = 2048;

/** A key ready to sign grants: identified either by a registered `kid` or by its certificate chain (`x5c`), never both. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly identification: { readonly kid: string } | { readonly x5c: readonly string[] };
  readonly modulusLength: number;
  readonly source: 'jwk' | 'pem' | 'pkcs12' | 'pem-with-certificate';
  /** Present for certificate-based keys. */
  readonly certificate?: CertificateSummary;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  /** From serialNumber or organizationIdentifier (NTRNO-…) in the subject, as in Norwegian business certificates. */
  readonly organisationNumber?: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly fingerprint256: string;
}

/** Safe one-line description (no key material). */
export function describeSigningKey(key: SigningKey): string {
  const id =
    'kid' in key.identification
      ? `kid "${key.identification.kid}"`
      : `certificate ${key.certificate?.subject.replace(/\n/g, ', ') ?? ''}`;
  return `RSA ${key.modulusLength}-bit key from ${key.source}, ${id}`;
}
