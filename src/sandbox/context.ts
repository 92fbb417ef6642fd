import type { JWK } from 'jose';
import type { SandboxClock } from './core/clock';
import type { SandboxKeys } from './core/keys';
import type { TokenVerifier } from './core/principal';
import type { FaultInjector } from './faults';
import type { SandboxWorld } from './world/types';

export interface SandboxOptions {
  /** Seed of the generated data; the same seed gives the same parties and dialogs. */
  seed?: number;
  /** Generated dialogs for the default person's own party; other parties get fewer. */
  dialogs?: number;
  /** Folder of captured payloads served alongside the generated data. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /**
   * Age after which a system-user or change request reads `timedOut: true` and can no longer be approved. Default
   * 180 days, as Altinn's code (SYSTEM-USERS reference §3.4); tests set a few seconds and shift the clock. CLI:
   * `--request-timeout SECONDS`.
   */
  systemUserRequestTimeoutSeconds?: number;
  /** Items per page of the system-user and request lists (Altinn's appsettings say 50). */
  systemUserPageSize?: number;
}

export interface SandboxUrls {
  readonly baseUrl: string;
  readonly maskinportenIssuer: string;
  readonly tokenEndpoint: string;
  readonly platformBase: string;
  readonly dialogportenBase: string;
  readonly altinnIssuer: string;
}

/** The ready-made Maskinporten client a sandbox user (or any other Maskinporten client) can use. */
export interface SandboxDefaultClient {
  readonly clientId: string;
  readonly privateJwk: JWK;
  readonly scopes: readonly string[];
}

/** Shared by every emulated service of one sandbox process. */
export interface SandboxContext {
  readonly options: Readonly<Required<Pick<SandboxOptions, 'seed' | 'dialogs'>>> & SandboxOptions;
  readonly world: SandboxWorld;
  readonly keys: SandboxKeys;
  readonly clock: SandboxClock;
  readonly verifier: TokenVerifier;
  readonly faults: FaultInjector;
  /** Valid once the server listens. */
  urls(): SandboxUrls;
  /** Set by the Maskinporten module when it registers its default client. */
  defaultClient?: SandboxDefaultClient;
}
