import type { FeatureId } from '../scopes';

/**
 * What Diagnose ("Why is this empty or refused?") knows when it walks the chain. The VS Code layer gathers these facts
 * (the profile, its token or token error, the vendor's systems, system users and requests, the error the user saw);
 * the chain itself (chain.ts) is pure, so each verdict is unit-tested without VS Code or a network.
 */
export interface DiagnoseFacts {
  /** The feature that came back empty or refused. */
  readonly feature: Extract<FeatureId, 'dialogportenInbox' | 'correspondence' | 'authorizedParties'>;
  readonly profile: ProfileFacts;
  readonly token: TokenFacts;
  /** The organisation (customer) whose inbox is in question, when a party was picked. */
  readonly partyOrganisation?: string;
  /** The error the user saw on an error row, if any. */
  readonly observedError?: ObservedError;
  /** Whether the list in question came back empty (no error). */
  readonly emptyResult?: boolean;
  /** The vendor's side, read with a vendor profile's register scopes; undefined when no vendor profile could be used. */
  readonly vendor?: VendorFacts;
  /** Why the vendor's side could not be read at all (no vendor profile, a missing scope…). */
  readonly vendorProblems?: readonly string[];
  /** The service resources (bare ids) whose messages are expected; default: the system's rights. */
  readonly expectedResources?: readonly string[];
  /** The Correspondence resources the Inbox lists (setting altinnInbox.correspondenceResources), bare ids. */
  readonly correspondenceResources?: readonly string[];
}

export interface ProfileFacts {
  readonly id: string;
  readonly label: string;
  readonly kind: 'maskinporten' | 'token' | 'sandbox';
  readonly environment: string;
  readonly clientId?: string;
  /** The customer organisation the profile asks Maskinporten for (systemuser_org), if any. */
  readonly systemUserOrg?: string;
  readonly externalRef?: string;
  /** The profile is meant to act as a system user (systemUserOrg set, or the sandbox's system-user identity). */
  readonly intendsSystemUser: boolean;
  /** Tokens are exchanged for Altinn tokens before use. */
  readonly exchangesToAltinn?: boolean;
}

export type TokenFacts =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>> }
  | {
      readonly ok: false;
      /** Maskinporten's MP code (MP-303 and friends), when it gave one. */
      readonly mpCode?: string;
      readonly message: string;
    };

export interface ObservedError {
  readonly message: string;
  readonly status?: number;
  /** Dialogporten's "not an end user" 403 (UserTypeValidationMiddleware). */
  readonly userTypeRefusal?: boolean;
  readonly mpCode?: string;
}

export interface VendorSystemFacts {
  readonly id: string;
  readonly clientIds: readonly string[];
  /** Bare resource ids of the system's rights. */
  readonly resources: readonly string[];
  readonly accessPackages: readonly string[];
}

export interface VendorSystemUserFacts {
  readonly id: string;
  readonly systemId: string;
  readonly customerOrganisation: string;
  readonly externalRef: string;
  readonly userType: 'standard' | 'agent';
  /** Agent system users: the client organisations delegated to it, when known. */
  readonly clientOrganisations?: readonly string[];
}

export interface VendorRequestFacts {
  readonly id: string;
  readonly systemId: string;
  readonly customerOrganisation: string;
  readonly externalRef: string;
  readonly status: string;
  readonly timedOut: boolean;
  readonly confirmUrl?: string;
  readonly created?: string;
  readonly agent: boolean;
  /** Bare resource ids and package URNs the request asked for (what an accepted request delegated). */
  readonly resources: readonly string[];
  readonly accessPackages: readonly string[];
}

export interface VendorFacts {
  readonly systems: readonly VendorSystemFacts[];
  readonly systemUsers: readonly VendorSystemUserFacts[];
  readonly requests: readonly VendorRequestFacts[];
  /** Why part of the vendor side could not be read (missing scope, no vendor profile…). */
  readonly problems?: readonly string[];
}

/** The cause Diagnose names: the first failing step's. */
export type DiagnoseCause =
  | 'token-failed'
  | 'missing-scope'
  | 'no-system-user-in-token'
  | 'plain-maskinporten-token'
  | 'client-id-not-on-system'
  | 'wrong-systemuser-org'
  | 'external-ref-mismatch'
  | 'request-pending'
  | 'request-rejected'
  | 'request-timed-out'
  | 'no-system-user'
  | 'rights-do-not-cover'
  | 'correspondence-needs';

export type StepId =
  | 'token'
  | 'scopes'
  | 'systemUserInToken'
  | 'customerConfiguration'
  | 'systemUserAccepted'
  | 'rights'
  | 'correspondence';

export type Verdict = 'ok' | 'problem' | 'warning' | 'unknown' | 'skipped';

/** A Fix action: a command id with its arguments (the VS Code layer runs it). */
export interface FixAction {
  readonly label: string;
  readonly command: string;
  readonly arguments?: readonly unknown[];
}

export interface DiagnoseStep {
  readonly id: StepId;
  /** What the step checks, e.g. "The token has the feature's scopes". */
  readonly title: string;
  readonly verdict: Verdict;
  /** One sentence: what was found. */
  readonly summary: string;
  /** Facts behind the verdict (claim values, statuses, lists); never a token. */
  readonly evidence: readonly string[];
  readonly cause?: DiagnoseCause;
  readonly fix?: FixAction;
}

export interface Diagnosis {
  readonly steps: readonly DiagnoseStep[];
  /** The first problem's cause; undefined when every step passed. */
  readonly cause?: DiagnoseCause;
}
