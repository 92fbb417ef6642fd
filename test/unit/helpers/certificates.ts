import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TestCertificate {
  readonly keyPem: string;
  readonly certPem: string;
  /** Issuer chain (PEM), empty for a self-signed certificate. */
  readonly chainPem: string;
  readonly certificate: forge.pki.Certificate;
  readonly forgeKey: forge.pki.rsa.PrivateKey;
}

/**
 * A test "business certificate" with the organisation number in the subject (serialNumber, as older Norwegian
 * virksomhetssertifikater; or organizationIdentifier NTRNO-…), self-signed or issued by `issuer`.
 */
export function makeBusinessCertificate(options: {
  organisationNumber: string;
  attribute?: 'serialNumber' | 'organizationIdentifier';
  issuer?: TestCertificate;
  notBefore?: Date;
  notAfter?: Date;
  isCa?: boolean;
  commonName?: string;
}): TestCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  // A positive serial in minimal DER (first byte 0x01–0x7f): a leading zero byte, which the random bytes gave about
  // once in 300 certificates, is refused by Node's X509Certificate and made this helper flaky.
  const random = forge.random.getBytesSync(8);
  cert.serialNumber = forge.util.bytesToHex(
    String.fromCharCode((random.charCodeAt(0) & 0x7f) | 0x01) + random.slice(1),
  );
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600_000);
  const orgAttribute =
    options.attribute === 'organizationIdentifier'
      ? {
          type: '2.5.4.97',
          value: `NTRNO-${options.organisationNumber}`,
          valueTagClass: forge.asn1.Type.UTF8 as unknown as number,
        }
      : { type: '2.5.4.5', value: options.organisationNumber };
  const subject = [
    { name: 'countryName', value: 'NO' },
    { name: 'organizationName', value: 'SANDBOX TEST AS' },
    orgAttribute,
    { name: 'commonName', value: options.commonName ?? 'SANDBOX TEST AS' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.certificate.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.isCa === true },
    { name: 'keyUsage', digitalSignature: true, keyCertSign: options.isCa === true },
  ]);
  cert.sign(options.issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  const chainPem = options.issuer ? `${options.issuer.certPem}${options.issuer.chainPem}` : '';
  return { keyPem, certPem: forge.pki.certificateToPem(cert), chainPem, certificate: cert, forgeKey };
}

/** A PKCS#12 (.p12) file as a Buffer; pass `withKey: false` for a certificate-only file. */
export function makePkcs12(
  certificate: TestCertificate,
  password: string,
  options: { withKey?: boolean } = {},
): Buffer {
  const chain = [certificate.certificate, ...forgeChain(certificate.chainPem)];
  const asn1 = forge.pkcs12.toPkcs12Asn1(options.withKey === false ? null : certificate.forgeKey, chain, password, {
    algorithm: '3des',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function forgeChain(pem: string): forge.pki.Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((block) =>
    forge.pki.certificateFromPem(block),
  );
}
