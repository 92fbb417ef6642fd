import type { KeyObject } from 'node:crypto';
import { KeyImportError } from '../errors';
import { MIN_RSA_BITS } from './signingKey';

/** Maskinporten accepts only RSA keys of at least 2048 bits (RS256/384/512); refuse anything else before a grant is sent. */
export function assertMaskinportenKey(key: KeyObject): number {
  if (key.type !== 'private') {
    throw new KeyImportError(
      'not-a-private-key',
      'This is a public key; a Maskinporten grant must be signed with the private key that belongs to the public key registered on the client.',
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new KeyImportError(
      'unsupported-key-type',
      `This is a${key.asymmetricKeyType === 'ec' ? 'n EC' : ` ${key.asymmetricKeyType ?? 'unknown'}`} key; Maskinporten only accepts RSA keys (RS256, RS384 or RS512). Create an RSA key of at least ${MIN_RSA_BITS} bits.`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new KeyImportError(
      'key-too-small',
      `This RSA key has ${bits} bits; Maskinporten requires at least ${MIN_RSA_BITS}. Create a new key (e.g. 2048 or 4096 bits) and register it on the client.`,
    );
  }
  return bits;
}

/** Checks the text of a PEM file before handing it to OpenSSL, whose own messages ("DECODER routines::unsupported") help nobody. */
export function inspectPemText(text: string): {
  hasPrivateKey: boolean;
  hasCertificate: boolean;
  encrypted: boolean;
  label?: string;
} {
  const begins = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]);
  const ends = new Set([...text.matchAll(/-----END ([A-Z0-9 ]+)-----/g)].map((m) => m[1]));
  if (begins.length === 0) {
    throw new KeyImportError(
      'unreadable',
      'No PEM block found (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----"). Is this the right file?',
    );
  }
  for (const label of begins) {
    if (!ends.has(label)) {
      throw new KeyImportError(
        'truncated',
        `The PEM block "${label}" has no matching END line: the file or the pasted text is truncated. Copy the whole file, including "-----END ${label}-----".`,
      );
    }
  }
  const keyLabel = begins.find((l) => l.endsWith('PRIVATE KEY'));
  return {
    hasPrivateKey: keyLabel !== undefined,
    hasCertificate: begins.includes('CERTIFICATE'),
    encrypted: keyLabel === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(text),
    label: keyLabel,
  };
}
