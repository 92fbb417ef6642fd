import type { SandboxOrganisation, SandboxWorld } from './types';

interface OrganisationIndex {
  readonly byNumber: ReadonlyMap<string, SandboxOrganisation>;
  readonly subUnitsOf: ReadonlyMap<string, readonly SandboxOrganisation[]>;
}

const indexes = new WeakMap<SandboxWorld, OrganisationIndex>();

/** The world's organisations by number and sub-units by main unit, built once: with thousands of clients a scan per party is quadratic. */
export function organisationIndex(world: SandboxWorld): OrganisationIndex {
  let index = indexes.get(world);
  if (!index || index.byNumber.size !== world.organisations.length) {
    const byNumber = new Map<string, SandboxOrganisation>();
    const subUnitsOf = new Map<string, SandboxOrganisation[]>();
    for (const org of world.organisations) {
      byNumber.set(org.organisationNumber, org);
      if (org.parentOrganisationNumber) {
        const list = subUnitsOf.get(org.parentOrganisationNumber) ?? [];
        list.push(org);
        subUnitsOf.set(org.parentOrganisationNumber, list);
      }
    }
    index = { byNumber, subUnitsOf };
    indexes.set(world, index);
  }
  return index;
}
