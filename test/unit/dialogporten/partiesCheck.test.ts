import assert from 'node:assert/strict';
import { partiesSchema } from '../../../src/platform/dialogporten/schemas/parties';
import { isUnchangedParties } from '../../../src/platform/dialogporten/schemas/partiesCheck';

/** A party with every field the schema declares, each valid and non-null. */
const FULL = {
  party: 'urn:altinn:organization:identifier-no:310000001',
  partyUuid: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e70',
  partyId: 50012345,
  name: 'Fjord Regnskap AS',
  dateOfBirth: '1970-01-01',
  partyType: 'Organization',
  isDeleted: false,
  hasKeyRole: true,
  isCurrentEndUser: false,
  isMainAdministrator: false,
  isAccessManager: true,
  hasOnlyAccessToSubParties: false,
  subParties: [
    { party: 'urn:altinn:organization:identifier-no:320000001', name: 'Avd. Ålesund', partyType: 'Organization' },
  ],
  laterField: { anything: 1 },
};

/** The fast check must say yes exactly when zod accepts the response without changing it. */
function agrees(data: unknown): boolean {
  const fast = isUnchangedParties(data);
  const parsed = partiesSchema.safeParse(data);
  const unchanged = parsed.success && JSON.stringify(parsed.data) === JSON.stringify(data);
  assert.equal(fast, unchanged, `fast ${fast}, zod unchanged ${unchanged}: ${JSON.stringify(data).slice(0, 160)}`);
  return fast;
}

describe('parties fast check: the same verdict as partiesSchema', () => {
  it('accepts full and minimal parties, nested sub-units and fields the API adds later', () => {
    assert.equal(agrees({ authorizedParties: [FULL] }), true);
    assert.equal(agrees({ authorizedParties: [] }), true);
    assert.equal(
      agrees({ authorizedParties: [{ party: 'urn:x', name: '', partyType: 'Person', subParties: null }] }),
      true,
    );
    assert.equal(agrees({ authorizedParties: [{ ...FULL, dateOfBirth: null }] }), true);
  });

  it('leaves to zod what it rejects or normalises', () => {
    const broken: unknown[] = [
      null,
      [],
      { authorizedParties: null },
      {},
      { authorizedParties: [{ ...FULL, party: '' }] },
      { authorizedParties: [{ ...FULL, partyUuid: 'not-a-uuid' }] },
      { authorizedParties: [{ ...FULL, partyId: 1.5 }] },
      { authorizedParties: [{ ...FULL, name: 7 }] },
      { authorizedParties: [{ ...FULL, isDeleted: 'no' }] },
      { authorizedParties: [{ ...FULL, subParties: [{ ...FULL, partyType: null }] }] },
      { authorizedParties: [{ ...FULL, subParties: {} }] },
      { authorizedParties: ['x'] },
    ];
    for (const data of broken) assert.equal(agrees(data), false);
  });
});
