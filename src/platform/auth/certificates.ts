import { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from './signingKey';

/**
 * Organisation number of a Norwegian business certificate (virksomhetssertifikat / e-seal):
 * `organizationIdentifier=NTRNO-<orgno>` in newer ones, `serialNumber=<orgno>` in older ones.
 */
export function certificateOrganisationNumber(certificate: X509Certificate): string | undefined {
  const lines = certificate.subject.split('\n');
  for (const line of lines) {
    const [name, ...rest] = line.split('=');
    const value = rest.join('=').trim();
    if (/^(organizationIdentifier|2\.5\.4\.97)$/i.test(name.trim())) {
      const match = /^NTRNO-(\d{9})$/i.exec(value);
      if (match) return match[1];
    }
  }
  for (const line of lines) {
    const [name, ...rest] = line.split('=');
    const value = rest.join('=').trim();
    if (/^serialNumber$/i.test(name.trim()) && /^\d{9}$/.test(value)) return value;
  }
  return undefined;
}

export function summariseCertificate(certificate: X509Certificate): CertificateSummary {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    organisationNumber: certificateOrganisationNumber(certificate),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprint256: certificate.fingerprint256,
  };
}

/** Orders certificates leaf first, each followed by its issuer when present; certificates that do not link stay at the end. */
export function orderChain(leaf: X509Certificate, others: readonly X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  const remaining = others.filter((c) => c.fingerprint256 !== leaf.fingerprint256);
  for (;;) {
    const current = chain[chain.length - 1];
    if (current.subject === current.issuer) break;
    const index = remaining.findIndex((c) => current.checkIssued(c));
    if (index < 0) break;
    chain.push(remaining.splice(index, 1)[0]);
  }
  return [...chain, ...remaining];
}

export function parsePemCertificates(text: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}
