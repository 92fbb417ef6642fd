import * as vscode from 'vscode';
import { AuthorizedPartiesClient } from '../../platform/access';
import type { TokenProvider } from '../../platform/auth';
import { CorrespondenceClient } from '../../platform/correspondence';
import { DialogportenClient } from '../../platform/dialogporten';
import type { AltinnEnvironment } from '../../platform/environments';
import type { HttpClient } from '../../platform/http';
import type { ConnectionProfile } from '../profiles/profile';
import type { ExtensionServices } from '../services';
import { recordingHttp, type ExchangeSink } from './exchangeRecorder';
import type { ApiAudience } from './inboxTypes';
import { wrapTokenFailure } from './tokenRequestError';

/** The API clients of one connection profile, on its environment's hosts and with its tokens. */
export interface ApiClients {
  readonly profile: ConnectionProfile;
  readonly environment: AltinnEnvironment;
  /** Dialogporten end-user API (Maskinporten token, or the profile's exchanged Altinn token). */
  readonly dialogporten: DialogportenClient;
  /** Altinn Correspondence, recipient side (Altinn token). */
  readonly correspondence: CorrespondenceClient;
  /** Access Management's authorized parties (Altinn token). */
  readonly access: AuthorizedPartiesClient;
  /** The token provider behind a client, e.g. for attachment downloads or "copy as curl with token". */
  tokenProvider(audience: ApiAudience): Promise<TokenProvider>;
}

export interface ApiClientOptions {
  /** Receives every exchange the clients make (see shared/exchangeRecorder), e.g. for "show raw JSON". */
  readonly record?: ExchangeSink;
}

type ClientServices = Pick<ExtensionServices, 'connections' | 'http'>;

/**
 * Builds the clients for `profile`. Cheap after the first call per profile (the connection service caches
 * token providers and the running sandbox), so callers may build them per operation.
 */
export async function createApiClients(
  services: ClientServices,
  profile: ConnectionProfile,
  options: ApiClientOptions = {},
): Promise<ApiClients> {
  const environment = await services.connections.environmentFor(profile);
  const providers = new Map<ApiAudience, Promise<TokenProvider>>();
  const providerFor = (audience: ApiAudience): Promise<TokenProvider> => {
    let provider = providers.get(audience);
    if (!provider) {
      provider = services.connections.tokenProvider(profile, audience);
      providers.set(audience, provider);
    }
    return provider;
  };
  const getToken =
    (audience: ApiAudience) =>
    async (request: { forceRefresh?: boolean; signal?: AbortSignal } = {}): Promise<string> => {
      const provider = await providerFor(audience);
      if (request.forceRefresh) provider.invalidate();
      try {
        return await provider.getToken({ signal: request.signal });
      } catch (error) {
        throw wrapTokenFailure(error, provider.description);
      }
    };
  const httpFor = (audience: ApiAudience): HttpClient =>
    options.record ? recordingHttp(services.http, { profileId: profile.id, audience }, options.record) : services.http;
  return {
    profile,
    environment,
    dialogporten: new DialogportenClient({
      baseUrl: environment.dialogportenBase,
      getToken: getToken('maskinporten'),
      http: httpFor('maskinporten'),
    }),
    correspondence: new CorrespondenceClient({
      platformBase: environment.altinnPlatformBase,
      getToken: getToken('altinn'),
      http: httpFor('altinn'),
    }),
    access: new AuthorizedPartiesClient({
      platformBase: environment.altinnPlatformBase,
      getToken: getToken('altinn'),
      http: httpFor('altinn'),
    }),
    tokenProvider: providerFor,
  };
}

/** The profile with this id, or the active one; a clear error when there is none. */
export function resolveProfile(
  services: Pick<ExtensionServices, 'connections'>,
  profileId?: string,
): ConnectionProfile {
  const profile = profileId
    ? services.connections.profiles.find((p) => p.id === profileId)
    : services.connections.activeProfile;
  if (!profile) {
    throw new Error(
      profileId
        ? vscode.l10n.t('The connection profile of this item no longer exists; refresh the Inbox.')
        : vscode.l10n.t('No connection is active. Pick one in the Connections view (or use the sandbox).'),
    );
  }
  return profile;
}
