import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { TestCertificate } from './certificates';

/** The raw pieces a hand-made x5c grant needs: the leaf's private key and the chain as base64 DER. */
export function certificateKeyForTest(certificate: TestCertificate): { privateKey: KeyObject; x5c: string[] } {
  const pems =
    `${certificate.certPem}${certificate.chainPem}`.match(
      /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g,
    ) ?? [];
  return {
    privateKey: createPrivateKey(certificate.keyPem),
    x5c: pems.map((pem) => new X509Certificate(pem).raw.toString('base64')),
  };
}
