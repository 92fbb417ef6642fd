import type {
  RegisteredSystem,
  SystemUserRequest,
  VendorSystemSummary,
  VendorSystemUser,
} from '../../platform/systemUsers';
import type { VendorClients } from './vendorClients';

export type RequestKind = 'standard' | 'agent';

/** A request as the view keeps it: which list it came from matters for polling (the agent GET is another route). */
export interface KnownRequest {
  readonly kind: RequestKind;
  readonly request: SystemUserRequest;
}

/** One system with what hangs under it; a part that failed to load keeps its error instead. */
export interface SystemEntry {
  readonly summary: VendorSystemSummary;
  readonly system?: RegisteredSystem;
  readonly systemUsers: readonly VendorSystemUser[];
  readonly requests: readonly KnownRequest[];
  readonly errors: readonly { readonly part: 'system' | 'systemUsers' | 'requests'; readonly error: unknown }[];
}

export interface VendorSnapshot {
  readonly vendorOrganisationNumber?: string;
  readonly systems: readonly SystemEntry[];
}

/**
 * Everything the Systems view shows for a vendor: its systems (the list, then each system's full record for client ids
 * and redirect URLs, which the list DTO leaves out), their system users and their standard and agent requests.
 */
export async function loadVendorSnapshot(clients: VendorClients, signal?: AbortSignal): Promise<VendorSnapshot> {
  const summaries = await clients.register.list({ signal });
  const systems = await Promise.all(summaries.map((summary) => loadSystem(clients, summary, signal)));
  return { systems };
}

async function loadSystem(
  clients: VendorClients,
  summary: VendorSystemSummary,
  signal?: AbortSignal,
): Promise<SystemEntry> {
  const errors: { part: 'system' | 'systemUsers' | 'requests'; error: unknown }[] = [];
  const settle = async <T>(part: (typeof errors)[number]['part'], work: Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      errors.push({ part, error });
      return fallback;
    }
  };
  const id = summary.systemId;
  const [system, systemUsers, standard, agent] = await Promise.all([
    settle('system', clients.register.get(id, { signal }), undefined as RegisteredSystem | undefined),
    settle('systemUsers', clients.systemUsers.listBySystem(id, { signal }), [] as VendorSystemUser[]),
    settle('requests', clients.requests.listBySystem('standard', id, { signal }), [] as SystemUserRequest[]),
    settle('requests', clients.requests.listBySystem('agent', id, { signal }), [] as SystemUserRequest[]),
  ]);
  const listed: KnownRequest[] = [
    ...standard.map((request) => ({ kind: 'standard' as const, request })),
    ...agent.map((request) => ({ kind: 'agent' as const, request })),
  ];
  // The list items carry no confirmUrl (the controller sets it on single answers only): ask for each request still
  // waiting for the customer, whose confirm URL is the one worth copying.
  const requests = (
    await Promise.all(
      listed.map(async (known) =>
        isPending(known.request) && !known.request.confirmUrl
          ? {
              ...known,
              request: await settle(
                'requests',
                clients.requests.get(known.kind, known.request.id, { signal }),
                known.request,
              ),
            }
          : known,
      ),
    )
  ).sort((a, b) => (b.request.created ?? '').localeCompare(a.request.created ?? ''));
  return { summary, system, systemUsers: systemUsers.filter((u) => !u.isDeleted), requests, errors };
}

/** Requests still waiting for the customer (status New and not timed out): the ones worth polling. */
export function pendingRequests(snapshot: VendorSnapshot): KnownRequest[] {
  return snapshot.systems.flatMap((s) => s.requests.filter((r) => isPending(r.request)));
}

export function isPending(request: SystemUserRequest): boolean {
  return request.status === 'New' && !request.timedOut;
}

/**
 * The status a user is told about: Altinn's code keeps `status` at New and sets `timedOut` once the request is too old
 * (Altinn/altinn-authentication, RequestSystemUserService since 2025-11); older answers say `Timedout`.
 */
export function shownStatus(request: SystemUserRequest): string {
  return request.timedOut && request.status === 'New' ? 'Timedout' : request.status;
}

/** The resource ids of rights (the `urn:altinn:resource` attribute of each). */
export function rightResources(rights: readonly { resource: readonly { id: string; value: string }[] }[]): string[] {
  return rights.flatMap((r) => r.resource.filter((a) => a.id === 'urn:altinn:resource').map((a) => a.value));
}
