import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { SandboxSystemUser } from '../world/types';
import type { StoredChangeRequest, StoredRequest, StoredSystem, SystemUserRecord } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Altinn/altinn-authentication src/Persistance/RepositoryImplementations/RequestRepository.cs REQUEST_TIMEOUT_DAYS. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = (180 * DAY_MS) / 1000;
/** Altinn/altinn-authentication src/Authentication/appsettings.json (PaginationOptions: 50). */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The system register and everything hanging off it: systems, requests, change requests, and what Altinn keeps about
 * system users. The system users themselves live in `world.systemUsers` (only the non-deleted ones), so Maskinporten,
 * Dialogporten, Correspondence and Access Management read the same truth.
 */
export class SystemRegisterStore {
  readonly systems = new Map<string, StoredSystem>();
  readonly requests = new Map<string, StoredRequest>();
  readonly changeRequests = new Map<string, StoredChangeRequest>();
  readonly systemUserRecords = new Map<string, SystemUserRecord>();
  private nextSequence = 1;

  constructor(private readonly context: SandboxContext) {}

  get pageSize(): number {
    return this.context.options.systemUserPageSize ?? DEFAULT_PAGE_SIZE;
  }

  nowMs(): number {
    return this.context.clock.nowMs();
  }

  /** Whether a request (or change request) is older than the configured age: Altinn then reports `timedOut: true`. */
  isTimedOut(createdMs: number): boolean {
    const seconds = this.context.options.systemUserRequestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS;
    return createdMs < this.nowMs() - seconds * 1000;
  }

  system(id: string): StoredSystem | undefined {
    return this.systems.get(id);
  }

  addSystem(system: Omit<StoredSystem, 'internalId' | 'isDeleted'>): StoredSystem {
    const stored: StoredSystem = { ...system, internalId: randomUUID(), isDeleted: false };
    this.systems.set(stored.id, stored);
    return stored;
  }

  /** The non-deleted system that lists this Maskinporten client id (a client id belongs to one system at most). */
  systemOfClient(clientId: string): StoredSystem | undefined {
    return [...this.systems.values()].find((s) => !s.isDeleted && s.clientIds.includes(clientId));
  }

  /** The non-deleted system user for (system, owner, external reference); the reference defaults to the owner. */
  activeSystemUser(systemId: string, orgNo: string, externalRef: string): SandboxSystemUser | undefined {
    return this.context.world.systemUsers.find(
      (u) => u.systemId === systemId && u.organisationNumber === orgNo && (u.externalRef ?? orgNo) === externalRef,
    );
  }

  /** The record Altinn keeps about a system user; seeded users get one the first time they are asked for. */
  record(user: SandboxSystemUser): SystemUserRecord {
    let record = this.systemUserRecords.get(user.id);
    if (!record) {
      record = {
        id: user.id,
        sequence: this.nextSequence++,
        createdMs: this.nowMs(),
        integrationTitle: this.system(user.systemId)?.name.nb ?? user.systemId,
        isDeleted: false,
      };
      this.systemUserRecords.set(user.id, record);
    }
    return record;
  }

  /** Approval: creates the system user (new id, next sequence number) with the request's rights and packages. */
  createSystemUser(request: StoredRequest): SandboxSystemUser {
    const system = this.system(request.systemId);
    const user: SandboxSystemUser = {
      id: randomUUID(),
      systemId: request.systemId,
      clientIds: [...(system?.clientIds ?? [])],
      organisationNumber: request.partyOrgNo,
      externalRef: request.externalRef === request.partyOrgNo ? undefined : request.externalRef,
      delegatedResources: request.rights.flatMap((r) =>
        r.resource.filter((a) => a.id === 'urn:altinn:resource').map((a) => `urn:altinn:resource:${a.value}`),
      ),
      accessPackages: request.accessPackages.map((p) => p.urn),
      userType: request.kind,
      ...(request.kind === 'agent' ? { clientOrganisations: [] } : {}),
    };
    this.context.world.systemUsers.push(user);
    this.systemUserRecords.set(user.id, {
      id: user.id,
      sequence: this.nextSequence++,
      createdMs: this.nowMs(),
      integrationTitle: request.integrationTitle,
      isDeleted: false,
      requestId: request.id,
    });
    return user;
  }

  /** Replaces a system user in the world (its rights changed). */
  replaceSystemUser(user: SandboxSystemUser): void {
    const users = this.context.world.systemUsers;
    const index = users.findIndex((u) => u.id === user.id);
    if (index >= 0) users[index] = user;
  }

  /** The customer deletes a system user in the portal: it leaves the world and its request is soft-deleted too. */
  deleteSystemUser(id: string): boolean {
    const users = this.context.world.systemUsers;
    const index = users.findIndex((u) => u.id === id);
    if (index < 0) return false;
    const [user] = users.splice(index, 1);
    const record = this.record(user);
    record.isDeleted = true;
    if (record.requestId) {
      const request = this.requests.get(record.requestId);
      if (request) request.isDeleted = true;
    }
    return true;
  }
}

const stores = new WeakMap<SandboxContext, SystemRegisterStore>();

/** The one store of a sandbox. */
export function systemRegisterOf(context: SandboxContext): SystemRegisterStore {
  let store = stores.get(context);
  if (!store) {
    store = new SystemRegisterStore(context);
    stores.set(context, store);
  }
  return store;
}
