import * as vscode from 'vscode';
import {
  decodeJwtUnverified,
  identityFromClaims,
  importPrivateJwk,
  MaskinportenTokenProvider,
  type SigningKey,
} from '../../platform/auth';
import type { AltinnEnvironment } from '../../platform/environments';
import {
  ChangeRequestClient,
  SystemRegisterClient,
  SystemUserRequestClient,
  VendorSystemUsersClient,
  type SystemUserTokenProvider,
} from '../../platform/systemUsers';
import type { SystemUserScope } from '../../platform/scopes/systemUserCalls';
import type { ConnectionProfile } from '../profiles/profile';
import { signingKeyFromStored } from '../profiles/storedKey';
import type { ExtensionServices } from '../services';
import { recordingHttp, type ExchangeSink } from './exchangeRecorder';
import { wrapTokenFailure } from './tokenRequestError';

/** The vendor's clients for the system register and system users, with the vendor's own (plain) Maskinporten tokens. */
export interface VendorClients {
  readonly profile: ConnectionProfile;
  readonly environment: AltinnEnvironment;
  readonly clientId: string;
  /** Scopes the vendor's client may ask for; a call needing another one fails before the request. */
  readonly grantedScopes: readonly string[];
  readonly register: SystemRegisterClient;
  readonly requests: SystemUserRequestClient;
  readonly changeRequests: ChangeRequestClient;
  readonly systemUsers: VendorSystemUsersClient;
  /** The vendor organisation (the token's `consumer`), read from a token with `scope`. */
  vendorOrganisationNumber(scope: SystemUserScope, signal?: AbortSignal): Promise<string>;
}

/** Thrown when the vendor's client lacks a scope a call needs: names it, so the user can ask for it. */
export class MissingVendorScopeError extends Error {
  constructor(
    readonly scope: string,
    clientLabel: string,
  ) {
    super(
      vscode.l10n.t(
        'The Maskinporten client of "{0}" lacks the scope {1}, which this call needs. Add it to the profile (and ask Altinn for it if it is not granted).',
        clientLabel,
        scope,
      ),
    );
  }
}

type VendorServices = Pick<ExtensionServices, 'connections' | 'http' | 'profiles' | 'sandbox'>;

/**
 * Builds the vendor clients of a profile. The vendor is the profile's Maskinporten client *without* a system user
 * (Altinn's vendor endpoints read the vendor from the token's `consumer`); for the sandbox it is the ready-made
 * client. A token is fetched per scope, with that scope only.
 */
export async function createVendorClients(
  services: VendorServices,
  profile: ConnectionProfile,
  options: { record?: ExchangeSink } = {},
): Promise<VendorClients> {
  const environment = await services.connections.environmentFor(profile);
  const { clientId, key, scopes } = await vendorCredentials(services, profile);
  const providers = new Map<string, MaskinportenTokenProvider>();
  const getToken: SystemUserTokenProvider = async ({ scope, forceRefresh, signal }) => {
    if (!scopes.includes(scope)) throw new MissingVendorScopeError(scope, profile.label);
    let provider = providers.get(scope);
    if (!provider) {
      provider = new MaskinportenTokenProvider({ http: services.http, environment, clientId, key, scopes: [scope] });
      providers.set(scope, provider);
    }
    if (forceRefresh) provider.invalidate();
    try {
      return await provider.getToken({ signal });
    } catch (error) {
      throw wrapTokenFailure(error, provider.description);
    }
  };
  const http = options.record
    ? recordingHttp(services.http, { profileId: profile.id, audience: 'maskinporten' }, options.record)
    : services.http;
  const clientOptions = { platformBase: environment.altinnPlatformBase, http, getToken };
  return {
    profile,
    environment,
    clientId,
    grantedScopes: scopes,
    register: new SystemRegisterClient(clientOptions),
    requests: new SystemUserRequestClient(clientOptions),
    changeRequests: new ChangeRequestClient(clientOptions),
    systemUsers: new VendorSystemUsersClient(clientOptions),
    async vendorOrganisationNumber(scope, signal) {
      const token = await getToken({ scope, signal });
      const org = identityFromClaims(decodeJwtUnverified(token).claims).consumerOrganisationNumber;
      if (!org) throw new Error(vscode.l10n.t('The vendor token names no consumer organisation.'));
      return org;
    },
  };
}

const cached = new Map<string, { key: string; sandbox: unknown; clients: Promise<VendorClients> }>();

/**
 * The vendor clients of a profile, reused while the profile (and the running sandbox) stay the same, so their tokens
 * are reused too. An edited profile gets new clients.
 */
export function vendorClientsFor(services: VendorServices, profile: ConnectionProfile): Promise<VendorClients> {
  const sandbox = services.sandbox.running;
  const key = JSON.stringify(profile);
  const hit = cached.get(profile.id);
  if (hit && hit.key === key && hit.sandbox === sandbox) return hit.clients;
  const clients = createVendorClients(services, profile);
  cached.set(profile.id, { key, sandbox, clients });
  clients.catch(() => {
    if (cached.get(profile.id)?.clients === clients) cached.delete(profile.id);
  });
  return clients;
}

/** Whether a profile can act as a vendor (a Maskinporten client, its own or the sandbox's). */
export function canActAsVendor(profile: ConnectionProfile): boolean {
  return profile.kind === 'maskinporten' || profile.kind === 'sandbox';
}

async function vendorCredentials(
  services: VendorServices,
  profile: ConnectionProfile,
): Promise<{ clientId: string; key: SigningKey; scopes: readonly string[] }> {
  switch (profile.kind) {
    case 'sandbox': {
      const handle = await services.sandbox.ensureStarted();
      return {
        clientId: handle.defaultClient.clientId,
        key: importPrivateJwk(handle.defaultClient.privateJwk),
        scopes: handle.defaultClient.scopes,
      };
    }
    case 'maskinporten': {
      const secret = await services.profiles.getSecret(profile.id, 'key');
      if (!secret)
        throw new Error(
          vscode.l10n.t('The key of "{0}" is missing from SecretStorage; import it again.', profile.label),
        );
      return { clientId: profile.clientId, key: signingKeyFromStored(secret), scopes: profile.scopes };
    }
    case 'token':
      throw new Error(
        vscode.l10n.t(
          'A pasted token cannot manage systems: use a Maskinporten client profile (or the sandbox) as the vendor.',
        ),
      );
  }
}
