import { exchangeMaskinportenToken } from '../../../src/platform/auth/altinnTokenExchange';
import { importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { createMaskinportenGrant } from '../../../src/platform/auth/maskinportenGrant';
import { requestMaskinportenToken } from '../../../src/platform/auth/maskinportenTokenClient';
import { resolveEnvironment } from '../../../src/platform/environments';
import { HttpClient } from '../../../src/platform/http';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox';

/**
 * Starts one sandbox for the enclosing `describe` (before) and closes it afterwards (after).
 * Returns a getter, because the handle exists only once `before` has run:
 *
 *   const sandbox = useSandbox({ dialogs: 50 });
 *   it('…', async () => { const token = await sandboxToken(sandbox(), { scopes: ['digdir:dialogporten'], person: true }); });
 */
export function useSandbox(options: SandboxOptions = {}): () => SandboxHandle {
  let handle: SandboxHandle | undefined;
  before(async function () {
    this.timeout(30_000);
    handle = await startSandbox({ host: '127.0.0.1', ...options });
  });
  after(async () => {
    await handle?.close();
    handle = undefined;
  });
  return () => {
    if (!handle)
      throw new Error('useSandbox(): the sandbox is only available inside it()/beforeEach() of the same describe');
    return handle;
  };
}

export interface SandboxTokenOptions {
  /** Scopes to ask for (must be registered on the default client for Maskinporten tokens). */
  readonly scopes: readonly string[];
  /** Organisation number of a system-user customer (see `sandboxSystemUsers`); the matching externalRef is sent automatically. */
  readonly systemUserOrg?: string;
  /** Override the externalRef sent for the system user (e.g. to provoke MP-303). */
  readonly externalRef?: string;
  /** A person token from the sandbox test-token generator: `true` = the world's default person, or a national identity number. */
  readonly person?: true | string;
  /** Exchange the Maskinporten token for an Altinn token (needed e.g. by the Correspondence recipient API). */
  readonly altinn?: boolean;
}

let sharedHttp: HttpClient | undefined;
function http(): HttpClient {
  return (sharedHttp ??= new HttpClient({ retry: { maxRetries: 0 } }));
}

/**
 * An access token obtained the real way: a signed JWT grant posted to the sandbox's /maskinporten/token with the
 * default client's key (plus authorization_details for a system user), optionally exchanged at the Altinn
 * authentication endpoint; or, with `person`, a test token from /testtools/token/personal.
 */
export async function sandboxToken(handle: SandboxHandle, options: SandboxTokenOptions): Promise<string> {
  if (options.person) {
    const pid = options.person === true ? handle.context.world.defaultPerson.nationalIdentityNumber : options.person;
    const url = `${handle.urls.baseUrl}/testtools/token/personal?pid=${encodeURIComponent(pid)}&scopes=${encodeURIComponent(options.scopes.join(' '))}`;
    return (await http().request({ method: 'GET', url })).text().trim();
  }
  const environment = resolveEnvironment('sandbox', handle.urls);
  let externalRef = options.externalRef;
  if (options.systemUserOrg && externalRef === undefined) {
    externalRef = handle.context.world.systemUsers.find(
      (u) =>
        u.organisationNumber === options.systemUserOrg &&
        u.clientIds.includes(handle.defaultClient.clientId) &&
        u.userType !== 'agent',
    )?.externalRef;
  }
  const assertion = await createMaskinportenGrant({
    clientId: handle.defaultClient.clientId,
    audience: environment.maskinporten.audience,
    scopes: options.scopes,
    key: importPrivateJwk(handle.defaultClient.privateJwk),
    systemUser: options.systemUserOrg ? { organisationNumber: options.systemUserOrg, externalRef } : undefined,
    nowSeconds: handle.context.clock.nowSeconds(),
  });
  const token = await requestMaskinportenToken(http(), {
    tokenEndpoint: environment.maskinporten.tokenEndpoint,
    assertion,
  });
  if (!options.altinn) return token.accessToken;
  const exchanged = await exchangeMaskinportenToken(http(), {
    authenticationBase: environment.authenticationBase,
    maskinportenToken: token.accessToken,
  });
  return exchanged.accessToken;
}

/** The default client's standard system users: which customer organisations exist, with or without delegations. */
export function sandboxSystemUsers(handle: SandboxHandle): {
  organisationNumber: string;
  id: string;
  externalRef?: string;
  delegatedResources: readonly string[];
  accessPackages: readonly string[];
}[] {
  return handle.context.world.systemUsers
    .filter((u) => u.clientIds.includes(handle.defaultClient.clientId) && u.userType !== 'agent')
    .map((u) => ({
      organisationNumber: u.organisationNumber,
      id: u.id,
      externalRef: u.externalRef,
      delegatedResources: u.delegatedResources,
      accessPackages: u.accessPackages ?? [],
    }));
}
