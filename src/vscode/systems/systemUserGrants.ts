// What a system user may do, as far as the vendor can tell (no `vscode` import). Altinn's vendor API lists system
// users without their rights, so they are worked out from the request that created the system user and the change
// requests accepted since, oldest first.
import type { VendorSystemUser } from '../../platform/systemUsers';
import { rightResources, type SystemEntry } from '../shared/vendorSnapshot';

export interface SystemUserGrants {
  readonly resources: readonly string[];
  readonly packages: readonly string[];
  /** False when no accepted request was found (made in the portal, or deleted): only changes since are known. */
  readonly fromRequest: boolean;
}

/** Undefined when nothing is known: no accepted request and no accepted change request. */
export function systemUserGrants(user: VendorSystemUser, entry: SystemEntry): SystemUserGrants | undefined {
  const ref = user.externalRef ?? user.reporteeOrgNo;
  const origin = entry.requests.find(
    ({ request }) =>
      request.status === 'Accepted' &&
      request.partyOrgNo === user.reporteeOrgNo &&
      (request.externalRef ?? request.partyOrgNo) === ref,
  )?.request;
  const changes = entry.changeRequests
    .filter((c) => c.status === 'Accepted' && c.systemUserId === user.id)
    .sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
  if (!origin && changes.length === 0) return undefined;
  const resources = new Set(origin ? rightResources(origin.rights) : []);
  const packages = new Set(origin ? origin.accessPackages.map((p) => p.urn) : []);
  for (const change of changes) {
    for (const r of rightResources(change.requiredRights)) resources.add(r);
    for (const r of rightResources(change.unwantedRights)) resources.delete(r);
    for (const p of change.requiredAccessPackages) packages.add(p.urn);
    for (const p of change.unwantedAccessPackages) packages.delete(p.urn);
  }
  return { resources: [...resources], packages: [...packages], fromRequest: origin !== undefined };
}
