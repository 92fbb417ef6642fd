import {
  ChangeRequestClient,
  SystemRegisterClient,
  SystemUserRequestClient,
  VendorSystemUsersClient,
  type SystemUserClientOptions,
} from '../../../src/platform/systemUsers';
import { HttpClient } from '../../../src/platform/http';
import type { SandboxHandle } from '../../../src/sandbox';
import { systemRegisterOf } from '../../../src/sandbox/systemRegister';
import { sandboxToken } from '../helpers/sandbox';

export interface VendorClients {
  readonly register: SystemRegisterClient;
  readonly requests: SystemUserRequestClient;
  readonly changes: ChangeRequestClient;
  readonly systemUsers: VendorSystemUsersClient;
  /** Scopes the clients asked tokens for, in order. */
  readonly scopesAsked: string[];
}

/** The four clients with a token provider that fetches a real sandbox token for exactly the scope each call names. */
export function vendorClients(handle: SandboxHandle, http: HttpClient, granted?: readonly string[]): VendorClients {
  const scopesAsked: string[] = [];
  const options: SystemUserClientOptions = {
    platformBase: handle.urls.platformBase,
    http,
    getToken: ({ scope }) => {
      scopesAsked.push(scope);
      // A client that was not granted the scope still gets a token, with the scopes it has.
      return sandboxToken(handle, { scopes: granted ?? [scope] });
    },
  };
  return {
    register: new SystemRegisterClient(options),
    requests: new SystemUserRequestClient(options),
    changes: new ChangeRequestClient(options),
    systemUsers: new VendorSystemUsersClient(options),
    scopesAsked,
  };
}

export function testHttp(): () => HttpClient {
  let http: HttpClient | undefined;
  after(async () => {
    await http?.close();
    http = undefined;
  });
  return () => (http ??= new HttpClient({ retry: { maxRetries: 0 }, timeoutMs: 10_000 }));
}

/** The default client's vendor and its seeded system. */
export function vendorOf(handle: SandboxHandle): { orgNo: string; systemId: string } {
  const orgNo = handle.context.world.clients.find(
    (c) => c.clientId === handle.defaultClient.clientId,
  )!.ownerOrganisationNumber;
  const systemId = handle.context.world.systemUsers.find((u) =>
    u.clientIds.includes(handle.defaultClient.clientId),
  )!.systemId;
  return { orgNo, systemId };
}

/** An active organisation with no system user on `systemId` yet (a sub-unit of a seeded customer, typically). */
export function freshCustomer(handle: SandboxHandle, systemId: string, skip: readonly string[] = []): string {
  const taken = new Set(
    handle.context.world.systemUsers.filter((u) => u.systemId === systemId).map((u) => u.organisationNumber),
  );
  const org = handle.context.world.organisations.find(
    (o) => !o.isDeleted && !taken.has(o.organisationNumber) && !skip.includes(o.organisationNumber),
  );
  if (!org) throw new Error('the sandbox world has no organisation without a system user');
  return org.organisationNumber;
}

/** The customer answers at the confirm URL, as a browser would post the page's form. */
export async function answerAtConfirmUrl(
  confirmUrl: string,
  answer: { person: string; decision: 'approve' | 'reject' | 'escalate'; clients?: readonly string[] },
): Promise<{ status: number; html: string }> {
  const url = new URL(confirmUrl);
  const form = new URLSearchParams({
    id: url.searchParams.get('id') ?? '',
    person: answer.person,
    decision: answer.decision,
  });
  for (const client of answer.clients ?? []) form.append('client', client);
  const response = await fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: response.status, html: await response.text() };
}

/** A raw call for what the typed clients hide (bodies, headers). */
export async function rawVendorCall(
  handle: SandboxHandle,
  path: string,
  init: { method?: string; scopes: readonly string[]; body?: unknown },
): Promise<{ status: number; headers: Headers; text: string }> {
  const token = await sandboxToken(handle, { scopes: init.scopes });
  const response = await fetch(`${handle.urls.platformBase}/authentication/api/v1/${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Puts a system of another vendor into the register (the sandbox has one Maskinporten client). */
export function addForeignSystem(handle: SandboxHandle, vendorOrgNo: string, id: string): void {
  systemRegisterOf(handle.context).addSystem({
    id,
    vendorOrganisationNumber: vendorOrgNo,
    name: { nb: 'Fremmed system' },
    description: { nb: 'Tilhører en annen leverandør' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'skd-mva-melding' }] }],
    accessPackages: [],
    clientIds: [],
    isVisible: true,
    allowedRedirectUrls: [],
  });
}
