import assert from 'node:assert/strict';
import { jsonBytes } from '../../../src/sandbox/core/jsonBytes';

const many = (n: number, make: (i: number) => unknown): unknown[] => Array.from({ length: n }, (_, i) => make(i));

describe('sandbox JSON answers: encoded in pieces, the same bytes as JSON.stringify', () => {
  const cases: Record<string, unknown> = {
    'a search page with Norwegian and non-Latin-1 text': {
      items: many(100, (i) => ({ id: `d${i}`, title: i % 7 ? `Melding ${i}` : `Søknad – «${i}» ✓`, dueAt: null })),
      hasNextPage: true,
      continuationToken: 'abc',
      orderBy: 'contentupdatedat_desc,id_desc',
    },
    'fields JSON.stringify leaves out, and array holes it writes as null': {
      skipped: undefined,
      fn: () => 1,
      list: many(20, (i) => (i % 5 === 0 ? undefined : i % 3 === 0 ? () => i : `v${i}`)),
      when: new Date(0),
    },
    'a top-level array': many(40, (i) => ({ n: i, s: 'æøå €' })),
    'a short array': [1, 'two', null],
    'an empty object': {},
    'an empty long-array field next to others': { a: [], b: many(16, () => ({})), c: 'x' },
    'an object with its own toJSON': { toJSON: () => ({ replaced: true }) },
    'a string': 'Bjørn',
    null: null,
  };
  for (const [name, value] of Object.entries(cases))
    it(name, () => assert.deepEqual(jsonBytes(value), Buffer.from(JSON.stringify(value))));
});
