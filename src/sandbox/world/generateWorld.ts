import {
  organisationNumberFromStem,
  organizationUrn,
  personUrn,
  syntheticNationalIdentityNumber,
} from '../../platform/identifiers';
import { SeededRandom } from '../core/random';
import { MAIL_PACKAGE, MANAGER_PACKAGES } from './policies';
import type { PartyAccess, SandboxOrganisation, SandboxPerson, SandboxServiceOwner, SandboxWorld } from './types';

const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sigrid',
  'Håkon',
  'Åse',
  'Bjørn',
  'Solveig',
  'Øystein',
  'Marit',
  'Eirik',
];
const LAST_NAMES = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Berg',
  'Haugen',
  'Lie',
  'Dahl',
  'Bakken',
  'Strand',
  'Sæther',
  'Ødegård',
];
const ORG_WORDS = [
  'Fjord',
  'Vidde',
  'Nordlys',
  'Lavvo',
  'Bølge',
  'Skog',
  'Fjell',
  'Elv',
  'Kyst',
  'Myr',
  'Breen',
  'Tind',
];
const ORG_KINDS = ['Regnskap', 'Bygg', 'Data', 'Transport', 'Fisk', 'Handel', 'Konsult', 'Energi'];

export const SERVICE_OWNERS: readonly SandboxServiceOwner[] = [
  {
    code: 'skd',
    organisationNumber: '974761076',
    name: { nb: 'Skatteetaten', nn: 'Skatteetaten', en: 'The Norwegian Tax Administration' },
    resources: [
      'urn:altinn:resource:skd-skattemelding',
      'urn:altinn:resource:skd-mva-melding',
      'urn:altinn:resource:skd-a-melding',
    ],
  },
  {
    code: 'nav',
    organisationNumber: '889640782',
    name: {
      nb: 'Arbeids- og velferdsetaten',
      nn: 'Arbeids- og velferdsetaten',
      en: 'Norwegian Labour and Welfare Administration',
    },
    resources: ['urn:altinn:resource:nav-sykmelding', 'urn:altinn:resource:nav-inntektsmelding'],
  },
  {
    code: 'brg',
    organisationNumber: '974760673',
    name: { nb: 'Brønnøysundregistrene', nn: 'Brønnøysundregistera', en: 'The Brønnøysund Register Centre' },
    resources: ['urn:altinn:resource:brg-arsregnskap'],
  },
  {
    code: 'digdir',
    organisationNumber: '991825827',
    name: {
      nb: 'Digitaliseringsdirektoratet',
      nn: 'Digitaliseringsdirektoratet',
      en: 'Norwegian Digitalisation Agency',
    },
    resources: ['urn:altinn:resource:digdir-testmelding', 'urn:altinn:resource:altinn-correspondence-test'],
  },
];

export interface WorldOptions {
  seed: number;
  /** Number of main-unit organisations (each with 0–2 sub-units). */
  organisations?: number;
  persons?: number;
  /** Client organisations of an accounting firm, for an agent system user (0: no firm). */
  clients?: number;
}

/** Builds the same parties, service owners and access rights for the same seed. */
export function generateWorld(options: WorldOptions): SandboxWorld {
  const random = new SeededRandom(options.seed);
  const personCount = options.persons ?? 6;
  const orgCount = options.organisations ?? 5;
  let nextPartyId = 50_000_000 + random.int(0, 999) * 1000;

  const persons: SandboxPerson[] = [];
  for (let i = 0; i < personCount; i++) {
    const birth = new Date(Date.UTC(random.int(1950, 2004), random.int(0, 11), random.int(1, 28)));
    persons.push({
      nationalIdentityNumber: syntheticNationalIdentityNumber(birth, i + 1),
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      partyId: nextPartyId++,
      partyUuid: random.uuid(),
      dateOfBirth: birth.toISOString().slice(0, 10),
    });
  }

  const organisations: SandboxOrganisation[] = [];
  const usedNumbers = new Set<string>();
  const newOrgNumber = (): string => {
    for (;;) {
      // Tenor's synthetic organisations in tt02 have numbers starting with 2 or 3.
      const candidate = organisationNumberFromStem(String(random.int(31_000_000, 31_599_999)));
      if (candidate && !usedNumbers.has(candidate)) {
        usedNumbers.add(candidate);
        return candidate;
      }
    }
  };
  for (let i = 0; i < orgCount; i++) {
    const name = `${random.pick(ORG_WORDS)} ${random.pick(ORG_KINDS)} AS`.toUpperCase();
    const main: SandboxOrganisation = {
      organisationNumber: newOrgNumber(),
      name,
      partyId: nextPartyId++,
      partyUuid: random.uuid(),
      unitType: i === orgCount - 1 ? 'ENK' : 'AS',
      isDeleted: i === orgCount - 2,
    };
    organisations.push(main);
    const subUnits = main.unitType === 'AS' ? random.int(i === 0 ? 1 : 0, 2) : 0;
    for (let s = 0; s < subUnits; s++) {
      organisations.push({
        organisationNumber: newOrgNumber(),
        name: `${name} AVD ${['OSLO', 'BERGEN', 'TROMSØ'][s]}`,
        partyId: nextPartyId++,
        partyUuid: random.uuid(),
        parentOrganisationNumber: main.organisationNumber,
        unitType: 'BEDR',
        isDeleted: false,
      });
    }
  }

  const defaultPerson = persons[0];
  const personAccess = new Map<string, PartyAccess[]>();
  for (const [index, person] of persons.entries()) {
    const access: PartyAccess[] = [{ party: personUrn(person.nationalIdentityNumber), roles: ['PRIV'] }];
    for (const [orgIndex, org] of organisations.filter((o) => !o.parentOrganisationNumber).entries()) {
      // The default person is daglig leder (DAGL) in every organisation, so its access there comes from the role
      // alone; others hold a role, only the mail access package, or one directly delegated resource.
      if (index === 0 || (orgIndex + index) % 3 === 0) {
        const grant: Omit<PartyAccess, 'party'> =
          index === 0
            ? { roles: ['DAGL'], accessPackages: MANAGER_PACKAGES }
            : orgIndex % 2 === 1
              ? { resources: [SERVICE_OWNERS[0].resources[0]] }
              : orgIndex % 4 === 2
                ? { accessPackages: [MAIL_PACKAGE] }
                : { roles: ['LEDE'] };
        access.push({ party: organizationUrn(org.organisationNumber), ...grant });
        // Rights on a main unit reach its sub-units (Access Management's main-unit connections).
        for (const sub of organisations.filter((o) => o.parentOrganisationNumber === org.organisationNumber)) {
          access.push({ party: organizationUrn(sub.organisationNumber), ...grant });
        }
      }
    }
    personAccess.set(person.nationalIdentityNumber, access);
  }

  // Generated last and from a stream of their own, so the rest of the world stays the same with or without clients.
  const accountingFirm =
    (options.clients ?? 0) > 0
      ? addAccountingFirm(new SeededRandom(options.seed ^ 0x0c11e475), options.clients ?? 0, {
          organisations,
          newOrgNumber,
          nextPartyId: () => nextPartyId++,
        })
      : undefined;

  return {
    seed: options.seed,
    accountingFirm,
    persons,
    organisations,
    serviceOwners: SERVICE_OWNERS,
    clients: [],
    systemUsers: [],
    defaultPerson,
    personAccess,
  };
}

/**
 * An accounting firm and `count` client organisations (AS, ENK and a few deleted, like a real client list), appended
 * to `organisations`. Which of them an agent system user sees is decided where the system user is registered.
 */
function addAccountingFirm(
  random: SeededRandom,
  count: number,
  world: { organisations: SandboxOrganisation[]; newOrgNumber: () => string; nextPartyId: () => number },
): { organisationNumber: string; clientOrganisations: string[] } {
  const firm: SandboxOrganisation = {
    organisationNumber: world.newOrgNumber(),
    name: `${random.pick(ORG_WORDS)} REGNSKAP AS`.toUpperCase(),
    partyId: world.nextPartyId(),
    partyUuid: random.uuid(),
    unitType: 'AS',
    isDeleted: false,
  };
  world.organisations.push(firm);
  const clientOrganisations: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random.pick(ORG_KINDS);
    const enk = random.int(0, 3) === 0;
    const name = enk
      ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${kind}`
      : `${random.pick(ORG_WORDS)} ${kind} ${random.pick(LAST_NAMES)} AS`;
    const organisation: SandboxOrganisation = {
      organisationNumber: world.newOrgNumber(),
      name: name.toUpperCase(),
      partyId: world.nextPartyId(),
      partyUuid: random.uuid(),
      unitType: enk ? 'ENK' : 'AS',
      isDeleted: random.int(0, 99) === 0,
    };
    world.organisations.push(organisation);
    clientOrganisations.push(organisation.organisationNumber);
  }
  return { organisationNumber: firm.organisationNumber, clientOrganisations };
}
