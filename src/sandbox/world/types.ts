export interface SandboxPerson {
  readonly nationalIdentityNumber: string;
  readonly name: string;
  readonly partyId: number;
  readonly partyUuid: string;
  readonly dateOfBirth: string;
}

export interface SandboxOrganisation {
  readonly organisationNumber: string;
  readonly name: string;
  readonly partyId: number;
  readonly partyUuid: string;
  /** Set on sub-units (BEDR); the main unit's organisation number. */
  readonly parentOrganisationNumber?: string;
  readonly unitType: 'AS' | 'ENK' | 'BEDR' | 'AAFY' | 'ORGL';
  readonly isDeleted: boolean;
}

export interface SandboxServiceOwner {
  /** Altinn org code, e.g. "skd". */
  readonly code: string;
  readonly organisationNumber: string;
  readonly name: { nb: string; nn: string; en: string };
  /** Service resources (`urn:altinn:resource:<id>`) this owner publishes. */
  readonly resources: readonly string[];
}

export interface SandboxMaskinportenClient {
  readonly clientId: string;
  readonly name: string;
  /** The organisation that owns the client (the system vendor). */
  readonly ownerOrganisationNumber: string;
  readonly scopes: readonly string[];
  /** Public JWKs registered on the client (`kid` grants). */
  readonly publicJwks: readonly Record<string, unknown>[];
  /** Organisation numbers whose business certificates are accepted for `x5c` grants. */
  readonly certificateOrganisationNumbers: readonly string[];
}

export interface SandboxSystemUser {
  readonly id: string;
  readonly systemId: string;
  readonly clientIds: readonly string[];
  /** The customer organisation the system user acts for. */
  readonly organisationNumber: string;
  /** Sent in authorization_details when the request was created with a non-default externalRef. */
  readonly externalRef?: string;
  /** Service resources delegated to the system user; empty means it sees nothing (as in tt02 before delegation). */
  readonly delegatedResources: readonly string[];
  /** Access packages delegated to the system user (urn:altinn:accesspackage:…); they reach resources through policies. */
  readonly accessPackages?: readonly string[];
  /** Standard (acts for its owner) or agent (acts for the client organisations delegated to it); absent means standard. */
  readonly userType?: 'standard' | 'agent';
  /** Agent only: the client organisations delegated to it. */
  readonly clientOrganisations?: readonly string[];
}

/**
 * What a person holds for one party. Roles and access packages reach resources through the resources' policies
 * (world/policies.ts); `resources` are direct resource delegations, the only ones Access Management lists as
 * `authorizedResources`. A grant naming none of the three is the person's own party (PRIV).
 */
export interface PartyAccess {
  readonly party: string;
  /** Altinn role codes held for the party, e.g. DAGL. */
  readonly roles?: readonly string[];
  /** Access packages delegated for the party (urn:altinn:accesspackage:…). */
  readonly accessPackages?: readonly string[];
  /** Resources delegated directly (urn:altinn:resource:…). */
  readonly resources?: readonly string[];
}

export interface SandboxWorld {
  readonly seed: number;
  readonly persons: readonly SandboxPerson[];
  readonly organisations: readonly SandboxOrganisation[];
  readonly serviceOwners: readonly SandboxServiceOwner[];
  readonly clients: SandboxMaskinportenClient[];
  readonly systemUsers: SandboxSystemUser[];
  /** The person whose inbox a person token sees by default. */
  readonly defaultPerson: SandboxPerson;
  /** Which parties each person may act for (by national identity number), and through which roles, packages or delegations. */
  readonly personAccess: ReadonlyMap<string, readonly PartyAccess[]>;
}
