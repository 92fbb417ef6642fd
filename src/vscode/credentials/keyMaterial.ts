// Turning key files into what a profile keeps: no `vscode` import (unit-tested in Node).
// Everything is validated by the platform importers before anything is stored, and every private key is kept
// unencrypted in SecretStorage only (PKCS#12 and encrypted PEM files are opened once; their passwords are not kept).
import { createPublicKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import {
  importPemKey,
  importPemKeyWithCertificates,
  importPkcs12,
  importPrivateJwk,
  type SigningKey,
} from '../../platform/auth';
import { inspectPemText } from '../../platform/auth/keyChecks';
import { KeyImportError } from '../../platform/errors';
import type { KeySource } from '../profiles/profile';
import type { StoredKey } from '../profiles/storedKey';

/** A validated key, ready to be stored with a profile. Only `stored` holds private material. */
export interface PreparedKey {
  readonly stored: StoredKey;
  readonly keySource: KeySource;
  readonly kid?: string;
  /** Public half (JWK) for kid-based keys: safe to show and export. */
  readonly publicJwk?: Record<string, unknown>;
  readonly certificateSubject?: string;
  readonly certificateValidTo?: string;
  readonly modulusLength: number;
}

/** The public members of an RSA key as a JWK for Digdir self-service (kid, alg RS256, use sig). */
export function publicJwkOf(privateKey: KeyObject, kid: string): Record<string, unknown> {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, unknown>;
  return { kty: jwk.kty, kid, use: 'sig', alg: 'RS256', n: jwk.n, e: jwk.e };
}

function pkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function certificatesPemFromX5c(x5c: readonly string[]): string {
  return x5c
    .map((der) => `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`)
    .join('');
}

function kidOf(key: SigningKey): string | undefined {
  return 'kid' in key.identification ? key.identification.kid : undefined;
}

/** A private RSA JWK (or a JWKS with one key), with the kid it is registered under. */
export function prepareJwk(text: string): PreparedKey {
  const key = importPrivateJwk(text);
  let value = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  if (Array.isArray(value.keys)) value = value.keys[0] as Record<string, unknown>;
  const kid = kidOf(key)!;
  return {
    stored: { format: 'jwk', jwk: value },
    keySource: 'jwk',
    kid,
    publicJwk: publicJwkOf(key.privateKey, kid),
    modulusLength: key.modulusLength,
  };
}

/** What a PEM file holds, without reading the key (to decide what to ask next). */
export function describePem(text: string): { hasPrivateKey: boolean; hasCertificate: boolean; encrypted: boolean } {
  const { hasPrivateKey, hasCertificate, encrypted } = inspectPemText(
    text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'),
  );
  return { hasPrivateKey, hasCertificate, encrypted };
}

/** A PEM private key registered by kid; an encrypted key needs its password (not kept). */
export function preparePem(pem: string, kid: string, passphrase?: string): PreparedKey {
  const key = importPemKey(pem, { kid, passphrase });
  const trimmedKid = kidOf(key)!;
  return {
    stored: { format: 'pem', pem: pkcs8Pem(key.privateKey), kid: trimmedKid },
    keySource: 'pem',
    kid: trimmedKid,
    publicJwk: publicJwkOf(key.privateKey, trimmedKid),
    modulusLength: key.modulusLength,
  };
}

function certificateKey(key: SigningKey, keySource: KeySource): PreparedKey {
  const x5c = 'x5c' in key.identification ? key.identification.x5c : [];
  return {
    stored: { format: 'pem-chain', pem: pkcs8Pem(key.privateKey), certificatesPem: certificatesPemFromX5c(x5c) },
    keySource,
    certificateSubject: key.certificate?.subject,
    certificateValidTo: key.certificate?.validTo,
    modulusLength: key.modulusLength,
  };
}

/** A business certificate as PKCS#12 (.p12/.pfx); the password opens it once and is not kept. */
export function preparePkcs12(data: Uint8Array, password: string): PreparedKey {
  return certificateKey(importPkcs12(data, password), 'pkcs12');
}

/** A PEM private key and its certificate chain (two files, or one file holding both). */
export function preparePemChain(keyPem: string, certificatesPem: string, passphrase?: string): PreparedKey {
  if (!/-----BEGIN CERTIFICATE-----/.test(certificatesPem)) {
    throw new KeyImportError('unreadable', 'No "-----BEGIN CERTIFICATE-----" block found in the certificate file.');
  }
  return certificateKey(importPemKeyWithCertificates(keyPem, certificatesPem, { passphrase }), 'pem-chain');
}

/** A kid for a generated key: recognisable, dated and unique, e.g. "altinn-inbox-20250301-9f2c1a". */
export function newKid(now: Date = new Date()): string {
  return `altinn-inbox-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** A fresh RSA-2048 key pair: the private JWK to store, the public JWK to upload in self-service. */
export function generateRsaKey(
  now: Date = new Date(),
): PreparedKey & { readonly publicJwk: Record<string, unknown>; readonly kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = newKid(now);
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, alg: 'RS256', use: 'sig' };
  const checked = importPrivateJwk(jwk as never);
  return {
    stored: { format: 'jwk', jwk },
    keySource: 'generated',
    kid,
    publicJwk: publicJwkOf(privateKey, kid),
    modulusLength: checked.modulusLength,
  };
}

export type PublicExport =
  | { readonly format: 'jwk'; readonly text: string; readonly extension: 'json' }
  | { readonly format: 'pem'; readonly text: string; readonly extension: 'pem' };

/** The public part of a stored key: the public JWK, or the certificate chain as PEM. Never the private key. */
export function publicPartOf(storedSecret: string): PublicExport {
  const stored = JSON.parse(storedSecret) as StoredKey;
  switch (stored.format) {
    case 'jwk': {
      const key = importPrivateJwk(stored.jwk as never);
      return {
        format: 'jwk',
        text: `${JSON.stringify(publicJwkOf(key.privateKey, kidOf(key)!), null, 2)}\n`,
        extension: 'json',
      };
    }
    case 'pem': {
      const key = importPemKey(stored.pem, { kid: stored.kid });
      return {
        format: 'jwk',
        text: `${JSON.stringify(publicJwkOf(key.privateKey, stored.kid), null, 2)}\n`,
        extension: 'json',
      };
    }
    case 'pem-chain': {
      const certificates = (
        stored.certificatesPem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
      ).map((pem) => new X509Certificate(pem));
      return { format: 'pem', text: certificates.map((c) => c.toString()).join(''), extension: 'pem' };
    }
  }
}

/** Client ids in Digdir self-service are UUIDs. */
export function clientIdProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter the client id from Digdir self-service.';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)) {
    return `"${trimmed.slice(0, 60)}" is not a client id: Digdir self-service shows it as a UUID, e.g. 2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11.`;
  }
  return undefined;
}

/** Scope names look like "prefix:name" (e.g. digdir:dialogporten, altinn:authentication/systemregister.write). */
export function scopeProblem(scope: string): string | undefined {
  return /^[a-z0-9][\w.-]*:[\w./-]+$/i.test(scope)
    ? undefined
    : `"${scope.slice(0, 80)}" is not a scope name (expected prefix:name, e.g. altinn:correspondence.read).`;
}

/** Guesses an environment from a pasted token's issuer. */
export function environmentFromIssuer(iss: unknown): 'sandbox' | 'tt02' | 'at23' | 'yt01' | 'production' | undefined {
  if (typeof iss !== 'string') return undefined;
  if (/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(iss)) return 'sandbox';
  if (/at23/.test(iss)) return 'at23';
  if (/yt01/.test(iss)) return 'yt01';
  if (/tt02|test\.maskinporten\.no|test\.idporten/.test(iss)) return 'tt02';
  if (/^https:\/\/(maskinporten\.no|platform\.altinn\.no|idporten\.no)\//.test(iss)) return 'production';
  return undefined;
}
