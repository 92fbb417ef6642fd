import { correspondenceStoreOf, type CorrespondenceStore } from '../../../src/sandbox/correspondence';
import type { CorrespondenceStatus, SandboxCorrespondence } from '../../../src/sandbox/data/correspondenceTypes';
import type { SandboxHandle } from '../../../src/sandbox';
import { organizationUrn, personUrn } from '../../../src/platform/identifiers';

const claimed = new WeakMap<SandboxHandle, Set<string>>();

export function storeOf(handle: SandboxHandle): CorrespondenceStore {
  const store = correspondenceStoreOf(handle.context);
  if (!store) throw new Error('the correspondence module did not register a store');
  return store;
}

/** The sandbox's generated lifecycle of a correspondence, read from its status history. */
export function statusesOf(c: SandboxCorrespondence): CorrespondenceStatus[] {
  return c.statusHistory.map((e) => e.status);
}

/**
 * Takes a correspondence matching `predicate` that no other test of this sandbox has taken, so state-changing tests
 * do not interfere. Fails loudly when the data has none (the generator promises each lifecycle per default person).
 */
export function claim(
  handle: SandboxHandle,
  description: string,
  predicate: (c: SandboxCorrespondence) => boolean,
): SandboxCorrespondence {
  const used = claimed.get(handle) ?? new Set<string>();
  claimed.set(handle, used);
  const found = storeOf(handle).items.find((c) => !used.has(c.correspondenceId) && predicate(c));
  if (!found) throw new Error(`no unclaimed sandbox correspondence: ${description}`);
  used.add(found.correspondenceId);
  return found;
}

export function defaultPersonParty(handle: SandboxHandle): string {
  return personUrn(handle.context.world.defaultPerson.nationalIdentityNumber);
}

export function orgParty(organisationNumber: string): string {
  return organizationUrn(organisationNumber);
}

export const lastStatus = (c: SandboxCorrespondence): CorrespondenceStatus =>
  c.statusHistory[c.statusHistory.length - 1].status;
export const isUntouched = (c: SandboxCorrespondence): boolean =>
  lastStatus(c) === 'Published' && !statusesOf(c).includes('Fetched');

/** Whether the world's default person may act for the recipient (own party, or a party in the access list without resource limits). */
export function defaultPersonMaySee(handle: SandboxHandle, c: SandboxCorrespondence): boolean {
  const grants = handle.context.world.personAccess.get(handle.context.world.defaultPerson.nationalIdentityNumber) ?? [];
  return grants.some((g) => g.party === c.recipient && g.resources === undefined);
}

/** Published, not purged, not failed: what a recipient can open. */
export const isAvailable = (c: SandboxCorrespondence): boolean =>
  c.published !== null &&
  !['Failed', 'PurgedByRecipient', 'PurgedByAltinn'].some((s) => statusesOf(c).includes(s as CorrespondenceStatus));
