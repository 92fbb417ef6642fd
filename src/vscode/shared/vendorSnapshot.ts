import type {
  ChangeRequest,
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

export type SnapshotPart = 'system' | 'systemUsers' | 'requests' | 'changeRequests';

/** One system with what hangs under it; a part that failed to load keeps its error instead. */
export interface SystemEntry {
  readonly summary: VendorSystemSummary;
  readonly system?: RegisteredSystem;
  readonly systemUsers: readonly VendorSystemUser[];
  readonly requests: readonly KnownRequest[];
  /** Newest first, like `requests`. */
  readonly changeRequests: readonly ChangeRequest[];
  /** False when Altinn's list held more than one page (it answers only its first page; see distinctPages). */
  readonly changeRequestsComplete: boolean;
  readonly errors: readonly { readonly part: SnapshotPart; readonly error: unknown }[];
}

export interface VendorSnapshot {
  readonly vendorOrganisationNumber?: string;
  readonly systems: readonly SystemEntry[];
}

/**
 * Everything the Systems view shows for a vendor: its systems (the list, then each system's full record for client ids
 * and redirect URLs, which the list DTO leaves out), their system users, their standard and agent requests and their
 * change requests.
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
  const errors: { part: SnapshotPart; error: unknown }[] = [];
  const settle = async <T>(part: (typeof errors)[number]['part'], work: Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      errors.push({ part, error });
      return fallback;
    }
  };
  const id = summary.systemId;
  const [system, systemUsers, standard, agent, changes] = await Promise.all([
    settle('system', clients.register.get(id, { signal }), undefined as RegisteredSystem | undefined),
    settle('systemUsers', clients.systemUsers.listBySystem(id, { signal }), [] as VendorSystemUser[]),
    settle('requests', clients.requests.listBySystem('standard', id, { signal }), [] as SystemUserRequest[]),
    settle('requests', clients.requests.listBySystem('agent', id, { signal }), [] as SystemUserRequest[]),
    settle('changeRequests', clients.changeRequests.listBySystem(id, { signal }), {
      items: [] as ChangeRequest[],
      complete: true,
    }),
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
  ).sort((a, b) => newestFirst(a.request, b.request));
  // Change request list items lack the confirm URL too.
  const changeRequests = (
    await Promise.all(
      changes.items.map((change) =>
        isPending(change) && !change.confirmUrl
          ? settle('changeRequests', clients.changeRequests.get(change.id, { signal }), change)
          : change,
      ),
    )
  ).sort(newestFirst);
  return {
    summary,
    system,
    systemUsers: systemUsers.filter((u) => !u.isDeleted),
    requests,
    changeRequests,
    changeRequestsComplete: changes.complete,
    errors,
  };
}

function newestFirst(a: { created?: string | null }, b: { created?: string | null }): number {
  return (b.created ?? '').localeCompare(a.created ?? '');
}

/** A request or change request: what status and polling read. */
type Answerable = Pick<SystemUserRequest, 'status' | 'timedOut'>;

/** Requests still waiting for the customer (status New and not timed out): the ones worth polling. */
export function pendingRequests(snapshot: VendorSnapshot): KnownRequest[] {
  return snapshot.systems.flatMap((s) => s.requests.filter((r) => isPending(r.request)));
}

/** Change requests still waiting for the customer. */
export function pendingChangeRequests(snapshot: VendorSnapshot): ChangeRequest[] {
  return snapshot.systems.flatMap((s) => s.changeRequests.filter(isPending));
}

/** A request or change request still waiting for the customer (New and not timed out). */
export function isPending(request: Answerable): boolean {
  return request.status === 'New' && !request.timedOut;
}

/**
 * The status a user is told about: Altinn's code keeps `status` at New and sets `timedOut` once the request is too old
 * (Altinn/altinn-authentication, RequestSystemUserService since 2025-11); older answers say `Timedout`.
 */
export function shownStatus(request: Answerable): string {
  return request.timedOut && request.status === 'New' ? 'Timedout' : request.status;
}

/** The resource ids of rights (the `urn:altinn:resource` attribute of each). */
export function rightResources(rights: readonly { resource: readonly { id: string; value: string }[] }[]): string[] {
  return rights.flatMap((r) => r.resource.filter((a) => a.id === 'urn:altinn:resource').map((a) => a.value));
}
