import assert from 'node:assert/strict';
import type { AuthorizedParty } from '../../../src/platform/dialogporten/schemas/parties';
import {
  countParties,
  filterParties,
  namePrefix,
  partyLevel,
  type PartyGroup,
  type PartyRow,
} from '../../../src/platform/parties/partyLevel';

interface Entry {
  readonly party: AuthorizedParty;
  readonly subUnits: readonly Entry[];
}

const org = (name: string, number: string, subUnits: Entry[] = []): Entry => ({
  party: { party: `urn:altinn:organization:identifier-no:${number}`, name, partyType: 'Organization' },
  subUnits,
});
const person = (name: string, ssn: string, self = false): Entry => ({
  party: { party: `urn:altinn:person:identifier-no:${ssn}`, name, partyType: 'Person', isCurrentEndUser: self },
  subUnits: [],
});

/** An accountant's clients: `count` organisations with varied names, a few persons, the user first. */
function clients(count: number): Entry[] {
  const words = ['Bygg', 'Regnskap', 'Transport', 'Fisk', 'Ørsta', 'Ålesund', 'Æble', 'Consulting', 'Holding'];
  const letters = 'ABCDEFGHIJKLMNOPRSTUVWYZÆØÅ';
  const out: Entry[] = [person('Kari Regnskapsfører', '01017012345', true)];
  for (let i = 0; i < count; i++) {
    const name = `${letters[i % letters.length]}${words[i % words.length].toLowerCase()} ${words[(i * 7) % words.length]} ${i} AS`;
    const number = String(310_000_000 + i);
    out.push(org(name, number, i % 50 === 0 ? [org(`${name} avd. Nord`, String(320_000_000 + i))] : []));
  }
  for (let i = 0; i < 40; i++) out.push(person(`Person ${i}`, `0202${String(7000000 + i)}`));
  return out;
}

function groups<T>(rows: readonly PartyRow<T>[]): PartyGroup<T>[] {
  return rows.flatMap((r) => (r.kind === 'group' ? [r.group] : []));
}

/** The largest number of rows any level shows, and every party reached by walking the groups. */
function walk(rows: readonly PartyRow<Entry>[]): { widest: number; parties: Entry[] } {
  let widest = rows.length;
  const parties: Entry[] = [];
  for (const row of rows) {
    if (row.kind === 'party') parties.push(row.entry);
    else {
      const inner = walk(row.group.rows);
      widest = Math.max(widest, inner.widest);
      parties.push(...inner.parties);
      assert.equal(row.group.count, countParties(inner.parties), `the count on ${row.group.key} is what it holds`);
    }
  }
  return { widest, parties };
}

describe('party level: thousands of parties in groups of at most a few hundred rows', () => {
  it('shows a short list as it is', () => {
    const few = clients(10);
    const rows = partyLevel(few);
    assert.deepEqual(
      rows.map((r) => (r.kind === 'party' ? r.entry : undefined)),
      few,
    );
  });

  it('splits 5,000 parties into persons and organisations, then by first letters, every party reachable once', () => {
    const many = clients(5000);
    const rows = partyLevel(many, { maxRows: 200 });
    assert.equal(rows[0].kind, 'party', "the user's own party stays on top");
    assert.equal(rows[0].kind === 'party' && rows[0].entry.party.isCurrentEndUser, true);
    assert.deepEqual(
      groups(rows).map((g) => [g.key, g.count]),
      [
        ['persons', 40],
        ['organisations', 5000 + 100],
      ],
    );
    const { widest, parties } = walk(rows);
    assert.ok(widest <= 200, `no level shows more than 200 rows (widest: ${widest})`);
    assert.equal(parties.length, many.length, 'each top-level party once');
    assert.deepEqual(new Set(parties), new Set(many));
    const letters = groups(groups(rows)[1].rows).map((g) => g.prefix);
    assert.deepEqual(letters.slice(-3), ['Æ', 'Ø', 'Å'], 'Norwegian letters sort after Z');
    assert.ok(
      groups(rows)[1].rows.every((r) => r.kind === 'group' && r.group.key.startsWith('organisations/')),
      'stable keys',
    );
  });

  it('orders a short list at once, and a grouped level only when a group is opened', () => {
    const byName = (entries: readonly Entry[]): Entry[] =>
      [...entries].sort((a, b) => a.party.name.localeCompare(b.party.name));
    const ordered: number[] = [];
    const order = (entries: readonly Entry[]): Entry[] => {
      ordered.push(entries.length);
      return byName(entries);
    };
    const few = [org('Cecilie AS', '310000003'), org('Anna AS', '310000001'), org('Berit AS', '310000002')];
    assert.deepEqual(
      partyLevel(few, { order }).map((r) => r.kind === 'party' && r.entry.party.name),
      ['Anna AS', 'Berit AS', 'Cecilie AS'],
    );
    ordered.length = 0;
    const many = clients(5000).reverse();
    const rows = partyLevel(many, { maxRows: 200, order });
    assert.deepEqual(ordered, [1], 'drawing the level orders only the pinned party, not 5,040 names');
    const organisations = groups(rows)[1];
    const firstLetter = groups(organisations.rows)[0];
    assert.deepEqual(ordered, [1, 5000], 'opening Organisations orders its members once');
    const names = walk(firstLetter.rows).parties.map((e) => e.party.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
      'a group shows its members in order',
    );
  });

  it('looks one letter further when every name in a group starts alike, and stops at names that are equal', () => {
    const alike = Array.from({ length: 30 }, (_, i) =>
      org(`Aks${String.fromCharCode(65 + (i % 3))} Holding ${i}`, String(310_000_100 + i)),
    );
    const orgs = groups(partyLevel(alike, { maxRows: 10 }))[0];
    assert.deepEqual(
      groups(orgs.rows).map((g) => [g.prefix, g.count]),
      [
        ['AKSA', 10],
        ['AKSB', 10],
        ['AKSC', 10],
      ],
      'no level of a single group: the split is where the names differ',
    );
    const equal = Array.from({ length: 25 }, (_, i) => org('Aksjeselskap', String(310_000_200 + i)));
    const sliced = groups(partyLevel(equal, { maxRows: 10 }))[0];
    assert.deepEqual(
      groups(sliced.rows).map((g) => [g.range?.first, g.count]),
      [
        ['Aksjeselskap', 10],
        ['Aksjeselskap', 10],
        ['Aksjeselskap', 5],
      ],
      'equal names cannot be split by letters: slices of at most 10',
    );
    assert.equal(new Set(groups(sliced.rows).map((g) => g.key)).size, 3, 'each slice has its own key');
    const fjord = Array.from({ length: 40 }, (_, i) => org(`FJORD ${i % 2 ? 'BYGG' : 'DATA'} ${i} AS`, `3100003${i}`));
    const byWords = groups(groups(partyLevel(fjord, { maxRows: 25 }))[0].rows).map((g) => g.prefix);
    assert.deepEqual(byWords, ['FJORD B', 'FJORD D'], 'a shared first word is looked past, spaces kept');
    assert.equal(namePrefix('  «Ærlig» AS', 2), '#Æ');
  });
});

describe('party quick filter: by name or number', () => {
  const tree = [
    person('Kari Nordmann', '01017012345', true),
    org('Bjørnstad Bygg AS', '310000001', [org('Bjørnstad Bygg avd. Ålesund', '320000001')]),
    org('Fjord Regnskap AS', '310000002', [
      org('Fjord Regnskap avd. Bergen', '320000002'),
      org('Fjord Regnskap avd. Oslo', '320000003'),
    ]),
    org('Élan Consulting', '310 000 004'.replace(/ /g, '')),
  ];
  const names = (entries: readonly Entry[]): string[] =>
    entries.flatMap((e) => [e.party.name, ...e.subUnits.map((s) => `  ${s.party.name}`)]);

  it('matches every word of the name, ignoring case and accents', () => {
    assert.deepEqual(names(filterParties(tree, 'bjornstad')), ['Bjørnstad Bygg AS', '  Bjørnstad Bygg avd. Ålesund']);
    assert.deepEqual(names(filterParties(tree, 'elan')), ['Élan Consulting']);
    assert.deepEqual(names(filterParties(tree, 'regnskap oslo')), ['Fjord Regnskap AS', '  Fjord Regnskap avd. Oslo']);
    assert.deepEqual(names(filterParties(tree, 'alesund')), ['Bjørnstad Bygg AS', '  Bjørnstad Bygg avd. Ålesund']);
    assert.deepEqual(filterParties(tree, 'nobody here'), []);
  });

  it('matches organisation and national identity numbers with or without spaces', () => {
    assert.deepEqual(names(filterParties(tree, '310 000 002')), [
      'Fjord Regnskap AS',
      '  Fjord Regnskap avd. Bergen',
      '  Fjord Regnskap avd. Oslo',
    ]);
    assert.deepEqual(names(filterParties(tree, '320000002')), ['Fjord Regnskap AS', '  Fjord Regnskap avd. Bergen']);
    assert.deepEqual(names(filterParties(tree, '010170')), ['Kari Nordmann']);
  });

  it('keeps everything for an empty query, and narrows 5,000 parties to one', () => {
    assert.equal(filterParties(tree, '   ').length, tree.length);
    const many = clients(5000);
    const one = filterParties(many, '310 004 321');
    assert.equal(one.length, 1);
    assert.equal(one[0].party.party, 'urn:altinn:organization:identifier-no:310004321');
    assert.deepEqual(partyLevel(one), [{ kind: 'party', entry: one[0] }], 'a narrow result is shown without groups');
  });
});
