import { systemUserFromClaims } from './authorizationDetails';
import { CLAIM_MEANINGS, DIALOG_TOKEN_CLAIM_MEANINGS } from './claimExplanations';
import { decodeJwtUnverified } from './jwtDecode';

export type TokenKind = 'maskinporten' | 'altinn' | 'altinn-test-tools' | 'dialog-token' | 'id-porten' | 'unknown';

export interface ClaimExplanation {
  readonly name: string;
  /** Display text of the value (timestamps as ISO dates). */
  readonly value: string;
  readonly meaning?: string;
}

export type ExpiryStatus =
  | { readonly state: 'valid'; readonly secondsLeft: number; readonly withinSkew: boolean; readonly text: string }
  | { readonly state: 'expired'; readonly secondsAgo: number; readonly text: string }
  | { readonly state: 'not-yet-valid'; readonly secondsUntilValid: number; readonly text: string }
  | { readonly state: 'no-expiry'; readonly text: string };

export interface TokenInspection {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly kind: TokenKind;
  readonly explanations: readonly ClaimExplanation[];
  readonly expiry: ExpiryStatus;
  readonly scopes: readonly string[];
  readonly consumerOrganisationNumber?: string;
  readonly systemUser?: { readonly id?: string; readonly organisationNumber?: string; readonly systemId?: string };
  readonly pid?: string;
}

export const DEFAULT_CLOCK_SKEW_SECONDS = 10;

/** Decodes a token without verifying it and explains it; never throws for an expired token (that is a finding). */
export function inspectJwt(
  token: string,
  options: { nowMs?: number; clockSkewSeconds?: number } = {},
): TokenInspection {
  const { header, claims } = decodeJwtUnverified(token);
  const kind = tokenKind(header, claims);
  const meanings = kind === 'dialog-token' ? { ...CLAIM_MEANINGS, ...DIALOG_TOKEN_CLAIM_MEANINGS } : CLAIM_MEANINGS;
  const explanations = Object.entries(claims).map(([name, value]) => ({
    name,
    value: displayValue(name, value),
    meaning: meanings[name],
  }));
  const consumerId = (claims.consumer as { ID?: unknown } | undefined)?.ID;
  return {
    header,
    claims,
    kind,
    explanations,
    expiry: expiryStatus(claims, options.nowMs ?? Date.now(), options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS),
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    consumerOrganisationNumber:
      typeof consumerId === 'string'
        ? consumerId.replace(/^0192:/, '')
        : typeof claims['urn:altinn:orgNumber'] === 'string'
          ? claims['urn:altinn:orgNumber']
          : undefined,
    systemUser: systemUserFromClaims(claims),
    pid: typeof claims.pid === 'string' ? claims.pid : undefined,
  };
}

/** exp/nbf against now, with a clock-skew allowance: "expires in 95 s", "expired 3 min ago", "not valid for another 20 s". */
export function expiryStatus(
  claims: Readonly<Record<string, unknown>>,
  nowMs: number,
  clockSkewSeconds: number,
): ExpiryStatus {
  const now = nowMs / 1000;
  const notBefore =
    typeof claims.nbf === 'number' ? claims.nbf : typeof claims.iat === 'number' ? claims.iat : undefined;
  if (notBefore !== undefined && notBefore > now + clockSkewSeconds) {
    const seconds = Math.ceil(notBefore - now);
    return {
      state: 'not-yet-valid',
      secondsUntilValid: seconds,
      text: `not valid for another ${duration(seconds)} (issued in the future: one of the clocks is off)`,
    };
  }
  if (typeof claims.exp !== 'number') return { state: 'no-expiry', text: 'no expiry (exp) claim' };
  if (claims.exp <= now) {
    const seconds = Math.floor(now - claims.exp);
    return { state: 'expired', secondsAgo: seconds, text: `expired ${duration(seconds)} ago` };
  }
  const secondsLeft = Math.floor(claims.exp - now);
  const withinSkew = secondsLeft <= clockSkewSeconds;
  return {
    state: 'valid',
    secondsLeft,
    withinSkew,
    text: `expires in ${duration(secondsLeft)}${withinSkew ? ' (within clock skew: a server may already refuse it)' : ''}`,
  };
}

function tokenKind(header: Readonly<Record<string, unknown>>, claims: Readonly<Record<string, unknown>>): TokenKind {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (header.alg === 'EdDSA' && /\/dialogporten\/api\/v1\/?$/.test(iss)) return 'dialog-token';
  if (header.alg === 'EdDSA' && typeof claims.i === 'string' && typeof claims.a === 'string') return 'dialog-token';
  if (claims.actual_iss === 'altinn-test-tools') return 'altinn-test-tools';
  if (/\/authentication\/api\/v1\/openid\/?$/.test(iss)) return 'altinn';
  if (/maskinporten/.test(iss) || claims.client_amr !== undefined) return 'maskinporten';
  if (/idporten/.test(iss)) return 'id-porten';
  return 'unknown';
}

function displayValue(name: string, value: unknown): string {
  if ((name === 'exp' || name === 'iat' || name === 'nbf') && typeof value === 'number')
    return `${value} (${new Date(value * 1000).toISOString()})`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
