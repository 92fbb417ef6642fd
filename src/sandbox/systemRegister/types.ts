/** The sandbox's records behind Altinn Authentication's system register and system-user APIs. */

export interface StoredRight {
  readonly resource: readonly { readonly id: string; readonly value: string }[];
  readonly action?: string;
}

export interface StoredSystem {
  /** Altinn's internal GUID (the answer to POST systemregister/vendor). */
  readonly internalId: string;
  readonly id: string;
  readonly vendorOrganisationNumber: string;
  name: Record<string, string>;
  description: Record<string, string>;
  rights: StoredRight[];
  accessPackages: { urn: string }[];
  clientIds: string[];
  isVisible: boolean;
  allowedRedirectUrls: string[];
  isDeleted: boolean;
}

export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

export interface StoredRequest {
  readonly id: string;
  readonly kind: 'standard' | 'agent';
  readonly systemId: string;
  readonly partyOrgNo: string;
  readonly externalRef: string;
  readonly integrationTitle: string;
  readonly rights: readonly StoredRight[];
  readonly accessPackages: readonly { urn: string }[];
  readonly redirectUrl?: string;
  /** Milliseconds on the sandbox clock. */
  readonly createdMs: number;
  status: RequestStatus;
  escalated: boolean;
  isDeleted: boolean;
  /** The system user approval created. */
  systemUserId?: string;
}

export type ChangeRequestStatus = RequestStatus | 'NoChangeNeeded';

export interface StoredChangeRequest {
  readonly id: string;
  readonly systemUserId: string;
  readonly systemId: string;
  readonly partyOrgNo: string;
  readonly externalRef: string;
  readonly requiredRights: readonly StoredRight[];
  readonly unwantedRights: readonly StoredRight[];
  readonly requiredAccessPackages: readonly { urn: string }[];
  readonly unwantedAccessPackages: readonly { urn: string }[];
  readonly redirectUrl?: string;
  readonly createdMs: number;
  status: ChangeRequestStatus;
  isDeleted: boolean;
}

/** What Altinn keeps about a system user beyond what the world's `SandboxSystemUser` says. */
export interface SystemUserRecord {
  readonly id: string;
  /** Altinn pages system users by this increasing number. */
  readonly sequence: number;
  readonly createdMs: number;
  readonly integrationTitle: string;
  isDeleted: boolean;
  /** The request approval created it from; soft-deleted with it. */
  readonly requestId?: string;
}
