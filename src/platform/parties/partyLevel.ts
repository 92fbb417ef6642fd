import type { AuthorizedParty } from '../dialogporten/schemas/parties';

// The party level of an inbox with thousands of parties: a quick filter by name or number, and groups so that no
// level shows more than a few hundred rows. Dialogporten's GET /parties takes no query parameters (Altinn/dialogporten
// src/Digdir.Domain.Dialogporten.WebApi/Endpoints/V1/EndUser/Parties/Get/GetPartiesEndpoint.cs is an
// EndpointWithoutRequest), so both work on the one response the Inbox already holds: no request per keystroke.

/** A party with its sub-units, as the Inbox nests them (vscode/inbox/partyTree.ts's PartyEntry has this shape). */
export interface NestedParty<T extends NestedParty<T>> {
  readonly party: AuthorizedParty;
  readonly subUnits: readonly T[];
}

/** Rows per level before the level is split into groups. */
export const MAX_ROWS_PER_LEVEL = 200;

export type PartyCategory = 'persons' | 'organisations';

export interface PartyGroup<T> {
  /** Stable across refreshes: `organisations`, `organisations/B`, `organisations/BE`. */
  readonly key: string;
  readonly category: PartyCategory;
  /** The first letters of the names in the group (upper case); absent for a whole category. */
  readonly prefix?: string;
  /** For names too alike to split by letters: the first and last name of this slice of them. */
  readonly range?: { readonly first: string; readonly last: string };
  /** Parties in the group, sub-units included. */
  readonly count: number;
  readonly rows: readonly PartyRow<T>[];
}

export type PartyRow<T> =
  { readonly kind: 'party'; readonly entry: T } | { readonly kind: 'group'; readonly group: PartyGroup<T> };

export interface PartyLevelOptions<T> {
  readonly maxRows?: number;
  /**
   * Puts entries in the order they are shown. Without it the order of `entries` is kept. A level that is split
   * into groups orders each category only when its rows are first read, that is, when the group is opened.
   */
  readonly order?: (entries: readonly T[]) => T[];
}

/** How many parties `entries` hold, sub-units included. */
export function countParties<T extends NestedParty<T>>(entries: readonly T[]): number {
  let count = 0;
  for (const entry of entries) count += 1 + countParties(entry.subUnits);
  return count;
}

export function partyCategory(party: AuthorizedParty): PartyCategory {
  return /person/i.test(party.partyType) || party.party.includes(':person:') ? 'persons' : 'organisations';
}

/**
 * The rows of the party level. Up to `maxRows` parties show as they are; more are split into persons and
 * organisations, and a category (or letter) with more than `maxRows` into groups by the first letter(s) of the
 * name, one letter more per level. The user's own party stays on top, outside the groups. Order within a group
 * is the order `options.order` gives.
 */
export function partyLevel<T extends NestedParty<T>>(
  entries: readonly T[],
  options: PartyLevelOptions<T> = {},
): PartyRow<T>[] {
  const maxRows = Math.max(2, options.maxRows ?? MAX_ROWS_PER_LEVEL);
  const order = options.order ?? ((unordered: readonly T[]) => [...unordered]);
  if (entries.length <= maxRows) return order(entries).map((entry) => ({ kind: 'party', entry }));
  const pinned = order(entries.filter((e) => e.party.isCurrentEndUser));
  const rest = entries.filter((e) => !e.party.isCurrentEndUser);
  const rows: PartyRow<T>[] = pinned.map((entry) => ({ kind: 'party', entry }));
  for (const category of ['persons', 'organisations'] as const) {
    const members = rest.filter((e) => partyCategory(e.party) === category);
    if (members.length === 0) continue;
    rows.push({
      kind: 'group',
      group: lazyGroup({ key: category, category, count: countParties(members) }, () =>
        byPrefix(order(members), category, 1, maxRows),
      ),
    });
  }
  return rows;
}

/** Beyond this many letters, names too alike are cut into slices of at most `maxRows` instead. */
const MAX_PREFIX = 24;

function byPrefix<T extends NestedParty<T>>(
  entries: readonly T[],
  category: PartyCategory,
  length: number,
  maxRows: number,
): PartyRow<T>[] {
  if (entries.length <= maxRows) return entries.map((entry) => ({ kind: 'party', entry }));
  if (length > MAX_PREFIX) return slices(entries, category, maxRows);
  const buckets = new Map<string, T[]>();
  for (const entry of entries) {
    const prefix = namePrefix(entry.party.name, length);
    const bucket = buckets.get(prefix);
    if (bucket) bucket.push(entry);
    else buckets.set(prefix, [entry]);
  }
  // One bucket (every name starts alike): look one letter further instead of adding a level of one group.
  if (buckets.size === 1) {
    // Jump past what every name shares; names that end there (all equal) can only be sliced.
    const shared = sharedPrefixLength(entries);
    return shared < length ? slices(entries, category, maxRows) : byPrefix(entries, category, shared + 1, maxRows);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => comparePrefixes(a, b))
    .map(([prefix, members]) => ({
      kind: 'group',
      group: lazyGroup({ key: `${category}/${prefix}`, category, prefix, count: countParties(members) }, () =>
        byPrefix(members, category, length + 1, maxRows),
      ),
    }));
}

/**
 * A group whose rows are worked out when first read: the tree asks for a group's children only when it is
 * expanded, so the first render of 5,000 parties splits them into the two categories and no further.
 */
function lazyGroup<T>(group: Omit<PartyGroup<T>, 'rows'>, rows: () => PartyRow<T>[]): PartyGroup<T> {
  let built: PartyRow<T>[] | undefined;
  return {
    ...group,
    get rows() {
      return (built ??= rows());
    },
  };
}

/** How many first characters every name shares (as namePrefix reads them), at most MAX_PREFIX. */
function sharedPrefixLength<T extends NestedParty<T>>(entries: readonly T[]): number {
  let shared = namePrefix(entries[0].party.name, MAX_PREFIX);
  for (const entry of entries) {
    const prefix = namePrefix(entry.party.name, shared.length);
    let same = 0;
    while (same < prefix.length && prefix[same] === shared[same]) same++;
    shared = shared.slice(0, same);
    if (!shared) break;
  }
  return shared.length;
}

/** Equal (or nearly equal) names in slices of `maxRows`, in their order, each named by its first and last name. */
function slices<T extends NestedParty<T>>(
  entries: readonly T[],
  category: PartyCategory,
  maxRows: number,
): PartyRow<T>[] {
  const rows: PartyRow<T>[] = [];
  for (let start = 0; start < entries.length; start += maxRows) {
    const members = entries.slice(start, start + maxRows);
    const first = members[0].party.name;
    rows.push({
      kind: 'group',
      group: {
        key: `${category}/${namePrefix(first, MAX_PREFIX)}/${start / maxRows}`,
        category,
        range: { first, last: members.at(-1)!.party.name },
        count: countParties(members),
        rows: members.map((entry) => ({ kind: 'party', entry })),
      },
    });
  }
  return rows;
}

/** The first `length` letters of a name, upper case; anything but a letter, digit or space reads as `#`. */
export function namePrefix(name: string, length: number): string {
  let prefix = '';
  for (const c of name.trim().slice(0, length * 2)) {
    if (prefix.length >= length) break;
    prefix += c === ' ' || LETTER_OR_DIGIT.test(c) ? c.toUpperCase() : '#';
  }
  return prefix || '#';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NORWEGIAN = new Intl.Collator('nb');

/** Norwegian alphabetical order (Æ, Ø, Å after Z); `#` (digits and signs) last. */
function comparePrefixes(a: string, b: string): number {
  if (a.startsWith('#') !== b.startsWith('#')) return a.startsWith('#') ? 1 : -1;
  return NORWEGIAN.compare(a, b);
}

/**
 * The parties matching a quick filter, nested as before: a party matches by name (every word of the query, in any
 * order, case and accents ignored) or by number (organisation or national identity number, spaces ignored, or the
 * party id). A main unit that matches keeps all its sub-units; one that does not stays only as the way to its
 * matching sub-units. An empty query matches everything.
 */
export function filterParties<T extends NestedParty<T>>(entries: readonly T[], query: string): T[] {
  const matcher = partyMatcher(query);
  if (!matcher) return [...entries];
  const visit = (entry: T): T | undefined => {
    if (matcher(entry.party)) return entry;
    const subUnits = entry.subUnits.map(visit).filter((s): s is T => s !== undefined);
    return subUnits.length ? ({ ...entry, subUnits } as T) : undefined;
  };
  return entries.map(visit).filter((e): e is T => e !== undefined);
}

/** A predicate for one party, or undefined for an empty query. */
export function partyMatcher(query: string): ((party: AuthorizedParty) => boolean) | undefined {
  const trimmed = query.trim();
  if (!trimmed) return undefined;
  const digits = trimmed.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits)) {
    return (party) => identifierOf(party.party).includes(digits) || String(party.partyId ?? '') === digits;
  }
  const words = foldText(trimmed).split(/\s+/).filter(Boolean);
  return (party) => {
    const name = foldText(party.name);
    return words.every((word) => name.includes(word));
  };
}

/** Case and accents folded (é → e, å → a), so "bjorn" finds "Bjørn" and "Ål" finds "ål". */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function identifierOf(urn: string): string {
  return /(\d+)$/.exec(urn)?.[1] ?? '';
}
