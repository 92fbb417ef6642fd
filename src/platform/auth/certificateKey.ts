import type { KeyObject, X509Certificate } from 'node:crypto';
import { KeyImportError } from '../errors';
import { orderChain, summariseCertificate } from './certificates';
import type { SigningKey } from './signingKey';

/** Pairs a private key with its certificate chain (leaf first), refusing a key that does not belong to any of the certificates. */
export function certificateKey(
  privateKey: KeyObject,
  modulusLength: number,
  certificates: readonly X509Certificate[],
  source: SigningKey['source'],
): SigningKey {
  const leaf = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!leaf) {
    throw new KeyImportError(
      'key-certificate-mismatch',
      `The private key does not belong to ${certificates.length === 1 ? 'the certificate' : 'any of the certificates'} (${certificates.map((c) => c.subject.replace(/\n/g, ', ')).join(' | ')}). Use the key that was generated together with the certificate.`,
    );
  }
  const chain = orderChain(leaf, certificates);
  return {
    privateKey,
    identification: { x5c: chain.map((c) => c.raw.toString('base64')) },
    modulusLength,
    source,
    certificate: summariseCertificate(leaf),
  };
}
