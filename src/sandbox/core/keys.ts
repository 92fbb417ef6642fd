import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { ledgerActive, noteSecret } from '../../platform/secretLedger';

export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'EdDSA';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Signing keys of the emulated issuers; fresh per sandbox process, published on their JWKS endpoints. */
export interface SandboxKeys {
  readonly maskinporten: SigningKey;
  readonly altinn: SigningKey;
  readonly dialogporten: SigningKey;
}

async function createKey(kid: string, alg: 'RS256' | 'EdDSA'): Promise<SigningKey> {
  const { privateKey, publicKey } =
    alg === 'EdDSA'
      ? await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
      : await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  if (ledgerActive()) noteSecret('sandbox-private-key', JSON.stringify(await exportJWK(privateKey)));
  return { kid, alg, privateKey, publicJwk };
}

export async function createSandboxKeys(): Promise<SandboxKeys> {
  const [maskinporten, altinn, dialogporten] = await Promise.all([
    createKey('sandbox-maskinporten-1', 'RS256'),
    createKey('sandbox-altinn-1', 'RS256'),
    createKey('sandbox-dialogporten-1', 'EdDSA'),
  ]);
  return { maskinporten, altinn, dialogporten };
}
