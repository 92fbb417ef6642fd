export type EnvironmentId = 'sandbox' | 'tt02' | 'at23' | 'yt01' | 'production';

export const ENVIRONMENT_IDS: readonly EnvironmentId[] = ['sandbox', 'tt02', 'at23', 'yt01', 'production'];

/** What each environment is called where space is tight (tree rows, quick picks, tooltips). */
export const ENVIRONMENT_NAMES: Readonly<Record<EnvironmentId, string>> = {
  sandbox: 'Sandbox',
  tt02: 'tt02',
  at23: 'at23',
  yt01: 'yt01',
  production: 'Production',
};

/** What each environment is, beside its name. */
export const ENVIRONMENT_DESCRIPTIONS: Readonly<Record<EnvironmentId, string>> = {
  sandbox: 'local emulator',
  tt02: 'Altinn test',
  at23: 'Altinn internal test',
  yt01: 'performance test',
  production: 'real data',
};

/** Name and description, `tt02 (Altinn test)`; Production says only its name. The environment's `label`. */
export function environmentLabel(id: EnvironmentId): string {
  return id === 'production' ? ENVIRONMENT_NAMES[id] : `${ENVIRONMENT_NAMES[id]} (${ENVIRONMENT_DESCRIPTIONS[id]})`;
}

/** The name where it must stand out when it is Production (status bar, the Inbox view's title): `PRODUCTION`. */
export function environmentBadge(id: EnvironmentId): string {
  return id === 'production' ? ENVIRONMENT_NAMES[id].toUpperCase() : ENVIRONMENT_NAMES[id];
}

/**
 * Every host a client needs for one environment. Facts from shared/reference (AUTH-AND-CORRESPONDENCE.md §0,
 * dialogporten/SUMMARY.md), Dialogporten's appsettings.{test,yt01,staging,prod}.json (Maskinporten per environment,
 * Arbeidsflate's origins) and dialogporten-frontend's .azure/applications/{frontend,bff}/*.bicepparam (inbox hosts,
 * event stream URLs). Dialogporten's "test" is at23 and its "staging" is tt02.
 */
export interface AltinnEnvironment {
  readonly id: EnvironmentId;
  readonly label: string;
  readonly maskinporten: {
    readonly tokenEndpoint: string;
    /** The Maskinporten issuer, with trailing slash; the grant's `aud`. */
    readonly audience: string;
    readonly metadataUrl: string;
  };
  readonly altinnPlatformBase: string;
  /** `<platform>/authentication/api/v1` */
  readonly authenticationBase: string;
  readonly dialogportenBase: string;
  /** The GraphQL Server-Sent Events endpoint for `dialogEvents` (not always under `dialogportenBase`). */
  readonly dialogportenStreamUrl: string;
  readonly correspondenceBase: string;
  readonly accessManagementBase: string;
  /** `iss` of tokens from the Altinn token exchange. */
  readonly altinnTokenIssuer: string;
  /** Where a person reads the inbox in a browser (Arbeidsflate). */
  readonly inboxUrl: string;
  /** Digdir self-service, where Maskinporten clients and keys are made. */
  readonly selfServiceUrl: string;
  readonly isProduction: boolean;
  /** Fields that are assumptions, not stated by the reference material. */
  readonly assumed: readonly string[];
}

/** Custom base URLs (the sandbox, or a proxy). Field names match the sandbox's `urls` so `resolveEnvironment('sandbox', handle.urls)` works. */
export interface EnvironmentOverrides {
  /** The sandbox layout: Maskinporten at `<baseUrl>/maskinporten/`, platform at `<baseUrl>`, Dialogporten at `<baseUrl>/dialogporten`. */
  readonly baseUrl?: string;
  readonly maskinportenIssuer?: string;
  readonly tokenEndpoint?: string;
  readonly platformBase?: string;
  readonly dialogportenBase?: string;
  readonly dialogportenStreamUrl?: string;
  readonly altinnIssuer?: string;
  readonly inboxUrl?: string;
}

interface EnvironmentFacts {
  maskinportenIssuer: string;
  platformBase: string;
  /**
   * Where Arbeidsflate streams GraphQL from (dialogporten-frontend, .azure/applications/frontend/<env>.bicepparam,
   * `dialogportenStreamUrl`). In tt02 and production that is the API-management host, because Azure Front Door in
   * front of platform.* does not carry Server-Sent Events (Altinn/dialogporten issues 2839, 3103, 4350).
   */
  streamUrl: string;
  inboxUrl: string;
  selfServiceUrl: string;
  isProduction: boolean;
  assumed: string[];
}

const FACTS: Record<Exclude<EnvironmentId, 'sandbox'>, EnvironmentFacts> = {
  tt02: {
    maskinportenIssuer: 'https://test.maskinporten.no/',
    platformBase: 'https://platform.tt02.altinn.no',
    streamUrl: 'https://altinn-tt02-api.azure-api.net/dialogporten/graphql/stream',
    inboxUrl: 'https://af.tt02.altinn.no',
    selfServiceUrl: 'https://sjolvbetjening.test.samarbeid.digdir.no/',
    isProduction: false,
    assumed: [],
  },
  at23: {
    maskinportenIssuer: 'https://test.maskinporten.no/',
    platformBase: 'https://platform.at23.altinn.cloud',
    streamUrl: 'https://platform.at23.altinn.cloud/dialogporten/graphql/stream',
    inboxUrl: 'https://af.at23.altinn.cloud',
    selfServiceUrl: 'https://sjolvbetjening.test.samarbeid.digdir.no/',
    isProduction: false,
    assumed: [],
  },
  yt01: {
    maskinportenIssuer: 'https://test.maskinporten.no/',
    platformBase: 'https://platform.yt01.altinn.cloud',
    streamUrl: 'https://platform.yt01.altinn.cloud/dialogporten/graphql/stream',
    inboxUrl: 'https://af.yt01.altinn.cloud',
    selfServiceUrl: 'https://sjolvbetjening.test.samarbeid.digdir.no/',
    isProduction: false,
    assumed: [],
  },
  production: {
    maskinportenIssuer: 'https://maskinporten.no/',
    platformBase: 'https://platform.altinn.no',
    streamUrl: 'https://altinn-prod-api.azure-api.net/dialogporten/graphql/stream',
    inboxUrl: 'https://af.altinn.no',
    selfServiceUrl: 'https://sjolvbetjening.samarbeid.digdir.no/',
    isProduction: true,
    assumed: [],
  },
};

export class EnvironmentConfigError extends Error {}

/**
 * Hosts of an environment. The sandbox has no fixed hosts: pass its `baseUrl` (or the handle's `urls`).
 * Overrides replace single hosts; a replaced platform base moves authentication, correspondence and access management
 * with it, and a replaced platform or Dialogporten base moves the event stream to `<dialogportenBase>/graphql/stream`
 * unless the stream URL is given too.
 */
export function resolveEnvironment(id: EnvironmentId, overrides: EnvironmentOverrides = {}): AltinnEnvironment {
  const facts = id === 'sandbox' ? sandboxFacts(overrides) : FACTS[id];
  if (!facts)
    throw new EnvironmentConfigError(`Unknown environment "${String(id)}"; use one of ${ENVIRONMENT_IDS.join(', ')}.`);
  const fromBase = overrides.baseUrl ? sandboxLayout(overrides.baseUrl) : undefined;
  const issuer = withTrailingSlash(
    overrides.maskinportenIssuer ?? fromBase?.maskinportenIssuer ?? facts.maskinportenIssuer,
  );
  const platform = trimSlash(overrides.platformBase ?? fromBase?.platformBase ?? facts.platformBase);
  const dialogportenBase = trimSlash(
    overrides.dialogportenBase ?? fromBase?.dialogportenBase ?? `${platform}/dialogporten`,
  );
  const movedDialogporten =
    overrides.dialogportenBase !== undefined || overrides.platformBase !== undefined || fromBase !== undefined;
  return {
    id,
    label: environmentLabel(id),
    maskinporten: {
      tokenEndpoint: overrides.tokenEndpoint ?? `${issuer}token`,
      audience: issuer,
      metadataUrl: `${issuer}.well-known/oauth-authorization-server`,
    },
    altinnPlatformBase: platform,
    authenticationBase: `${platform}/authentication/api/v1`,
    dialogportenBase,
    dialogportenStreamUrl: trimSlash(
      overrides.dialogportenStreamUrl ?? (movedDialogporten ? `${dialogportenBase}/graphql/stream` : facts.streamUrl),
    ),
    correspondenceBase: `${platform}/correspondence/api/v1`,
    accessManagementBase: `${platform}/accessmanagement/api/v1`,
    altinnTokenIssuer: withTrailingSlash(overrides.altinnIssuer ?? `${platform}/authentication/api/v1/openid/`),
    inboxUrl: trimSlash(overrides.inboxUrl ?? facts.inboxUrl),
    selfServiceUrl: facts.selfServiceUrl,
    isProduction: facts.isProduction,
    assumed: facts.assumed,
  };
}

function sandboxFacts(overrides: EnvironmentOverrides): EnvironmentFacts {
  const base = overrides.baseUrl ?? overrides.platformBase;
  if (!base)
    throw new EnvironmentConfigError(
      'The sandbox environment needs the base URL of a running sandbox (it listens on a random loopback port).',
    );
  const layout = sandboxLayout(base);
  return {
    maskinportenIssuer: layout.maskinportenIssuer,
    platformBase: layout.platformBase,
    streamUrl: `${layout.dialogportenBase}/graphql/stream`,
    // The sandbox has no inbox web UI; the tt02 inbox is the closest thing to link to.
    inboxUrl: FACTS.tt02.inboxUrl,
    selfServiceUrl: FACTS.tt02.selfServiceUrl,
    isProduction: false,
    assumed: [],
  };
}

function sandboxLayout(baseUrl: string): {
  maskinportenIssuer: string;
  platformBase: string;
  dialogportenBase: string;
} {
  const base = trimSlash(baseUrl);
  return { maskinportenIssuer: `${base}/maskinporten/`, platformBase: base, dialogportenBase: `${base}/dialogporten` };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
