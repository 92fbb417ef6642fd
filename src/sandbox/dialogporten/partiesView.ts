// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.WebApi/Endpoints/V1/EndUser/AccessManagement/Queries/GetParties/GetPartiesEndpoint.cs
import type { AuthorizedParty } from '../../platform/dialogporten/schemas';
import { organizationUrn, personUrn } from '../../platform/identifiers';
import type { SandboxContext } from '../context';
import type { DialogStore } from '../data/dialogStore';
import { organisationIndex } from '../world/organisationIndex';
import type { SandboxOrganisation } from '../world/types';
import type { DialogportenCaller } from './caller';

/** GET /api/v1/enduser/parties: the caller's parties, sub-units nested under their main unit. */
export function authorizedPartiesOf(
  caller: DialogportenCaller,
  context: SandboxContext,
  store: DialogStore,
): AuthorizedParty[] {
  const { world } = context;
  const isDefaultPerson = caller.nationalIdentityNumber === world.defaultPerson.nationalIdentityNumber;
  const out: AuthorizedParty[] = [];
  const captured = new Map(store.capturedParties().map((p) => [p.party, p]));
  const granted = new Set(caller.grants.keys());
  for (const person of world.persons) {
    const party = personUrn(person.nationalIdentityNumber);
    if (!granted.has(party)) continue;
    out.push({
      party,
      partyUuid: person.partyUuid,
      partyId: person.partyId,
      name: person.name.toUpperCase(),
      dateOfBirth: person.dateOfBirth,
      partyType: 'Person',
      isDeleted: false,
      hasKeyRole: false,
      isCurrentEndUser: person.nationalIdentityNumber === caller.nationalIdentityNumber,
      isMainAdministrator: false,
      isAccessManager: person.nationalIdentityNumber === caller.nationalIdentityNumber,
      hasOnlyAccessToSubParties: false,
      subParties: [],
    });
  }
  const organisation = (org: SandboxOrganisation, onlySubParties: boolean): AuthorizedParty => ({
    party: organizationUrn(org.organisationNumber),
    partyUuid: org.partyUuid,
    partyId: org.partyId,
    name: org.name,
    dateOfBirth: null,
    partyType: 'Organization',
    isDeleted: org.isDeleted,
    hasKeyRole: isDefaultPerson && !onlySubParties,
    isCurrentEndUser: false,
    isMainAdministrator: isDefaultPerson && !onlySubParties && !org.parentOrganisationNumber,
    isAccessManager: isDefaultPerson && !onlySubParties,
    hasOnlyAccessToSubParties: onlySubParties,
    subParties: [],
  });
  for (const main of world.organisations.filter((o) => !o.parentOrganisationNumber)) {
    const subs = (organisationIndex(world).subUnitsOf.get(main.organisationNumber) ?? []).filter((o) =>
      granted.has(organizationUrn(o.organisationNumber)),
    );
    const mainGranted = granted.has(organizationUrn(main.organisationNumber));
    if (!mainGranted && subs.length === 0) continue;
    const entry = organisation(main, !mainGranted);
    entry.subParties = subs.map((s) => organisation(s, false));
    out.push(entry);
  }
  for (const [party, value] of captured) if (granted.has(party) && !out.some((p) => p.party === party)) out.push(value);
  return out;
}
