import { importPemKey, importPemKeyWithCertificates, importPrivateJwk, type SigningKey } from '../../platform/auth';

/**
 * How a profile's private key is kept in SecretStorage. Imported PKCS#12 files are stored as their
 * (decrypted) PEM key and chain, so no password needs to be kept.
 */
export type StoredKey =
  | { readonly format: 'jwk'; readonly jwk: Record<string, unknown> }
  | { readonly format: 'pem'; readonly pem: string; readonly kid: string }
  | { readonly format: 'pem-chain'; readonly pem: string; readonly certificatesPem: string };

export function serializeStoredKey(key: StoredKey): string {
  return JSON.stringify(key);
}

export function signingKeyFromStored(secret: string): SigningKey {
  const stored = JSON.parse(secret) as StoredKey;
  switch (stored.format) {
    case 'jwk':
      return importPrivateJwk(stored.jwk);
    case 'pem':
      return importPemKey(stored.pem, { kid: stored.kid });
    case 'pem-chain':
      return importPemKeyWithCertificates(stored.pem, stored.certificatesPem);
  }
}
