import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type * as Forge from 'node-forge';
import { KeyImportError } from '../errors';
import { assertMaskinportenKey } from './keyChecks';
import { certificateKey } from './certificateKey';
import type { SigningKey } from './signingKey';

/** A business certificate as PKCS#12 (.p12/.pfx) with its password: the private key signs, the chain goes in `x5c`. */
export function importPkcs12(data: Uint8Array | string, password: string): SigningKey {
  const forge = loadForge();
  const der = typeof data === 'string' ? Buffer.from(data.replace(/\s+/g, ''), 'base64') : Buffer.from(data);
  let asn1: Forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  } catch {
    throw new KeyImportError('unreadable', 'This is not a PKCS#12 (.p12/.pfx) file, or it is truncated.');
  }
  let p12: Forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw new KeyImportError(
        'wrong-password',
        'The PKCS#12 password is wrong (the file could not be opened with it).',
      );
    }
    if (/not RSA|Unknown OID|Cannot read/i.test(message)) {
      throw new KeyImportError(
        'unsupported-key-type',
        'The PKCS#12 file holds a non-RSA key or certificate; Maskinporten only accepts RSA keys (RS256, RS384 or RS512).',
      );
    }
    throw new KeyImportError(
      'unreadable',
      'The PKCS#12 file could not be read (damaged or an unsupported encryption).',
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const certificates = certBags
    .filter((bag) => bag.cert)
    .map(
      (bag) =>
        new X509Certificate(
          Buffer.from(
            forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert as Forge.pki.Certificate)).getBytes(),
            'binary',
          ),
        ),
    );
  if (keyBags.length === 0) {
    throw new KeyImportError(
      'certificate-without-key',
      `The PKCS#12 file holds ${certificates.length} certificate(s) but no private key. Export it again with the private key included.`,
    );
  }
  const bag = keyBags[0];
  if (!bag.key) {
    throw new KeyImportError(
      'unsupported-key-type',
      'The private key in the PKCS#12 file is not an RSA key; Maskinporten only accepts RSA keys (RS256, RS384 or RS512).',
    );
  }
  if (certificates.length === 0) {
    throw new KeyImportError(
      'unreadable',
      'The PKCS#12 file holds a private key but no certificate; a certificate grant (x5c) needs the certificate.',
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(forge.pki.privateKeyToPem(bag.key as Forge.pki.rsa.PrivateKey));
  } catch {
    throw new KeyImportError('unreadable', 'The private key in the PKCS#12 file could not be read.');
  }
  const modulusLength = assertMaskinportenKey(privateKey);
  return certificateKey(privateKey, modulusLength, certificates, 'pkcs12');
}

/** node-forge is large and only needed for PKCS#12 files: loaded on first use (a separate chunk in the bundle). */
function loadForge(): typeof Forge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node-forge') as typeof Forge;
}
