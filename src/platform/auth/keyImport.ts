import { createPrivateKey, type JsonWebKey, type KeyObject, type X509Certificate } from 'node:crypto';
import type { JWK } from 'jose';
import { KeyImportError } from '../errors';
import { certificateKey } from './certificateKey';
import { parsePemCertificates } from './certificates';
import { assertMaskinportenKey, inspectPemText } from './keyChecks';
import { MASKINPORTEN_ALGORITHMS, type SigningKey } from './signingKey';

/** A private RSA JWK (or a JWKS holding exactly one) with the `kid` it is registered under in Digdir's self-service. */
export function importPrivateJwk(input: string | JWK | { keys: JWK[] }): SigningKey {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new KeyImportError(
        'unreadable',
        'The key is not valid JSON; a JWK looks like {"kty":"RSA","kid":"…","n":"…","e":"AQAB","d":"…",…}.',
      );
    }
  }
  if (value && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)) {
    const keys = (value as { keys: JWK[] }).keys;
    if (keys.length !== 1)
      throw new KeyImportError(
        'unreadable',
        `This JWKS holds ${keys.length} keys; import the single private key you registered.`,
      );
    value = keys[0];
  }
  const jwk = value as JWK;
  if (!jwk || typeof jwk !== 'object' || typeof jwk.kty !== 'string') {
    throw new KeyImportError('unreadable', 'This is not a JWK (no "kty" member).');
  }
  if (jwk.kty !== 'RSA') {
    throw new KeyImportError(
      'unsupported-key-type',
      `This is a ${jwk.kty} key; Maskinporten only accepts RSA keys (RS256, RS384 or RS512).`,
    );
  }
  if (typeof jwk.d !== 'string') {
    throw new KeyImportError(
      'not-a-private-key',
      'This JWK has no private part ("d"); it is the public key you upload to self-service. Import the private JWK instead.',
    );
  }
  if (typeof jwk.kid !== 'string' || jwk.kid.trim() === '') {
    throw new KeyImportError(
      'missing-kid',
      'This JWK has no "kid"; Maskinporten finds the registered public key by kid. Add the kid the key was registered with.',
    );
  }
  if (jwk.alg !== undefined && !(MASKINPORTEN_ALGORITHMS as readonly string[]).includes(jwk.alg)) {
    throw new KeyImportError(
      'unsupported-algorithm',
      `The JWK says alg "${jwk.alg}"; Maskinporten accepts ${MASKINPORTEN_ALGORITHMS.join(', ')}.`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch {
    throw new KeyImportError(
      'unreadable',
      'The JWK could not be read as an RSA private key (a member such as n, e, d, p or q is missing or damaged).',
    );
  }
  const modulusLength = assertMaskinportenKey(privateKey);
  return { privateKey, identification: { kid: jwk.kid }, modulusLength, source: 'jwk' };
}

/** A PEM private key (PKCS#1 "RSA PRIVATE KEY" or PKCS#8, encrypted or not) with the kid chosen when it was registered. */
export function importPemKey(pem: string, options: { kid: string; passphrase?: string }): SigningKey {
  if (!options.kid || options.kid.trim() === '') {
    throw new KeyImportError(
      'missing-kid',
      'A PEM key needs the kid it was registered under in self-service (the grant header names the key by kid).',
    );
  }
  const privateKey = readPemPrivateKey(pem, options.passphrase);
  const modulusLength = assertMaskinportenKey(privateKey);
  return { privateKey, identification: { kid: options.kid.trim() }, modulusLength, source: 'pem' };
}

/** A PEM private key plus its business certificate (and intermediates); the grant carries the chain as `x5c`. */
export function importPemKeyWithCertificates(
  keyPem: string,
  certificatesPem: string,
  options: { passphrase?: string } = {},
): SigningKey {
  const privateKey = readPemPrivateKey(keyPem, options.passphrase);
  const modulusLength = assertMaskinportenKey(privateKey);
  inspectPemText(certificatesPem);
  let certificates: X509Certificate[];
  try {
    certificates = parsePemCertificates(certificatesPem);
  } catch {
    throw new KeyImportError('unreadable', 'A certificate in the chain could not be read (damaged base64?).');
  }
  if (certificates.length === 0)
    throw new KeyImportError('unreadable', 'No "-----BEGIN CERTIFICATE-----" block found in the certificate file.');
  return certificateKey(privateKey, modulusLength, certificates, 'pem-with-certificate');
}

function readPemPrivateKey(pem: string, passphrase: string | undefined): KeyObject {
  const text = pem.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const shape = inspectPemText(text);
  if (!shape.hasPrivateKey) {
    if (shape.hasCertificate) {
      throw new KeyImportError(
        'certificate-without-key',
        'This file holds only a certificate; the private key that belongs to it is needed too (a separate .key/.pem file, or a .p12/.pfx that contains both).',
      );
    }
    if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(text)) {
      throw new KeyImportError(
        'not-a-private-key',
        'This PEM file holds a public key, not the private key. A Maskinporten grant is signed with the private key that belongs to the public key registered on the client: import that one.',
      );
    }
    if (/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(text)) {
      throw new KeyImportError(
        'not-a-private-key',
        'This PEM file holds a certificate request, not a private key. Import the private key the request was made from.',
      );
    }
    throw new KeyImportError(
      'not-a-private-key',
      `This PEM file holds no private key (its blocks: ${[...new Set([...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]))].join(', ')}).`,
    );
  }
  if (shape.label === 'EC PRIVATE KEY') {
    throw new KeyImportError(
      'unsupported-key-type',
      'This is an EC key; Maskinporten only accepts RSA keys (RS256, RS384 or RS512).',
    );
  }
  if (shape.encrypted && !passphrase) {
    throw new KeyImportError('password-required', 'This private key is encrypted; give its password.');
  }
  try {
    return createPrivateKey({ key: text, format: 'pem', passphrase: shape.encrypted ? passphrase : undefined });
  } catch {
    if (shape.encrypted) {
      throw new KeyImportError(
        'wrong-password',
        'The private key could not be decrypted: the password is wrong (or the file is damaged).',
      );
    }
    throw new KeyImportError(
      'truncated',
      'The private key could not be read: the base64 between the BEGIN and END lines is damaged or incomplete. Copy the whole file again.',
    );
  }
}
