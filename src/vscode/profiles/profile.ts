import type { EnvironmentId } from '../../platform/environments';

export type KeySource = 'jwk' | 'pem' | 'pkcs12' | 'pem-chain' | 'generated';

/** Metadata of a connection profile: kept in global state, never secret. */
export type ConnectionProfile = MaskinportenProfile | PastedTokenProfile | SandboxProfile;

interface ProfileBase {
  readonly id: string;
  readonly label: string;
  readonly environment: EnvironmentId;
  readonly createdAt: string;
}

export interface MaskinportenProfile extends ProfileBase {
  readonly kind: 'maskinporten';
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly keySource: KeySource;
  /** kid sent in the grant header; absent for certificate (x5c) keys. */
  readonly kid?: string;
  /** Subject of the business certificate, for display. */
  readonly certificateSubject?: string;
  /** The public half, safe to show and export (JWK). */
  readonly publicJwk?: Record<string, unknown>;
  /** System-user customer: its organisation number, and externalRef when the request used a non-default one. */
  readonly systemUserOrg?: string;
  readonly externalRef?: string;
  /** Exchange the Maskinporten token for an Altinn token before calling Altinn APIs. */
  readonly exchangeToAltinn: boolean;
  readonly resource?: string;
}

export interface PastedTokenProfile extends ProfileBase {
  readonly kind: 'token';
}

/** The built-in sandbox's ready-made identities; credentials come from the running sandbox. */
export interface SandboxProfile extends ProfileBase {
  readonly kind: 'sandbox';
  readonly environment: 'sandbox';
  readonly identity:
    | { readonly type: 'person'; readonly nationalIdentityNumber?: string }
    | { readonly type: 'systemUser'; readonly organisationNumber?: string; readonly externalRef?: string };
}

export function describeIdentity(profile: ConnectionProfile): string {
  switch (profile.kind) {
    case 'maskinporten':
      return profile.systemUserOrg ? `system user for ${profile.systemUserOrg}` : `client ${profile.clientId}`;
    case 'token':
      return 'pasted token';
    case 'sandbox':
      return profile.identity.type === 'person' ? 'sandbox person' : 'sandbox system user';
  }
}
