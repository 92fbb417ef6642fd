import assert from 'node:assert/strict';
import type { AuthorizedParty } from '../../../src/platform/dialogporten/schemas/parties';
import { nestParties, orderParties, partyIdentifierLabel, type PartyForest } from '../../../src/vscode/inbox/partyTree';
import { nestTransmissions, type TransmissionEntry, type TransmissionLike } from '../../../src/platform/presentation';
import { useSandbox } from '../helpers/sandbox';
import { personClients } from './inboxSandbox';

function countTransmissions<T extends TransmissionLike>(entries: readonly TransmissionEntry<T>[]): number {
  return entries.reduce((n, e) => n + 1 + countTransmissions(e.related), 0);
}

/** The forest as the Inbox shows it: nested, the top level in order too. */
function shapeParties(parties: readonly AuthorizedParty[], options: { showDeleted: boolean }): PartyForest {
  const forest = nestParties(parties, options);
  return { ...forest, roots: orderParties(forest.roots) };
}

function party(name: string, init: Partial<AuthorizedParty> = {}): AuthorizedParty {
  return { party: `urn:altinn:organization:identifier-no:${name}`, name, partyType: 'Organization', ...init };
}

describe('inbox tree shapes', () => {
  describe('parties', () => {
    it('orders names as Norwegian does: case and accents aside, Æ Ø Å after Z', () => {
      const names = ['Øst AS', 'ålesund AS', 'Zulu AS', 'Ærlig AS', 'éclair AS', 'Aker AS', 'Egil AS', 'aker AS'];
      const sorted = shapeParties(
        names.map((n) => party(n)),
        { showDeleted: false },
      ).roots.map((r) => r.party.name);
      const collator = new Intl.Collator('nb');
      assert.deepEqual(sorted, [...names].sort(collator.compare));
      assert.deepEqual(sorted.slice(-3), ['Ærlig AS', 'Øst AS', 'ålesund AS']);
    });

    it('puts the user first, then persons, then organisations by name, with sub-units under their main unit', () => {
      const forest = shapeParties(
        [
          party('ZETA AS', { subParties: [party('ZETA AVD BERGEN'), party('ZETA AVD ALTA')] }),
          party('ALFA AS'),
          { party: 'urn:altinn:person:identifier-no:02020212345', name: 'OLA', partyType: 'Person' },
          {
            party: 'urn:altinn:person:identifier-no:01010112345',
            name: 'KARI',
            partyType: 'Person',
            isCurrentEndUser: true,
          },
        ],
        { showDeleted: false },
      );
      assert.deepEqual(
        forest.roots.map((r) => r.party.name),
        ['KARI', 'OLA', 'ALFA AS', 'ZETA AS'],
      );
      assert.deepEqual(
        forest.roots[3].subUnits.map((s) => s.party.name),
        ['ZETA AVD ALTA', 'ZETA AVD BERGEN'],
      );
      assert.deepEqual(
        forest.roots[3].subUnits[0].path,
        ['authorizedParties', 0, 'subParties', 1],
        'the path points into the response for the raw view',
      );
    });

    it('hides deleted parties unless asked, and lists a sub-unit Altinn repeats at the top level only once', () => {
      const parties = [
        party('MAIN AS', { subParties: [party('SUB')] }),
        party('SUB'),
        party('GONE AS', { isDeleted: true }),
      ];
      const hidden = shapeParties(parties, { showDeleted: false });
      assert.deepEqual(
        hidden.roots.map((r) => r.party.name),
        ['MAIN AS'],
      );
      assert.equal(hidden.hiddenDeleted, 1);
      const shown = shapeParties(parties, { showDeleted: true });
      assert.deepEqual(
        shown.roots.map((r) => r.party.name),
        ['GONE AS', 'MAIN AS'],
      );
      assert.equal(shown.hiddenDeleted, 0);
    });

    it('keeps the live sub-units of a hidden deleted main unit reachable at the top', () => {
      const forest = shapeParties(
        [party('OLD AS', { isDeleted: true, subParties: [party('OLD AVD', { isDeleted: false })] })],
        { showDeleted: false },
      );
      assert.deepEqual(
        forest.roots.map((r) => r.party.name),
        ['OLD AVD'],
      );
      assert.equal(forest.hiddenDeleted, 1);
      assert.deepEqual(
        shapeParties([party('OLD AS', { isDeleted: true, subParties: [party('OLD AVD')] })], {
          showDeleted: true,
        }).roots[0].subUnits.map((s) => s.party.name),
        ['OLD AVD'],
      );
    });

    it('masks national identity numbers and spaces organisation numbers', () => {
      assert.equal(partyIdentifierLabel('urn:altinn:organization:identifier-no:310000001'), '310 000 001');
      assert.equal(partyIdentifierLabel('urn:altinn:person:identifier-no:01010112345'), '010101 *****');
    });
  });

  describe('transmissions', () => {
    describe("with the sandbox's transmissions", function () {
      this.timeout(30_000);
      const sandbox = useSandbox({ dialogs: 60 });
      it('places every transmission of every dialog exactly once, under its related transmission when it has one', async () => {
        const c = personClients(sandbox());
        const page = await c.dialogporten.searchDialogs({ party: [c.party], limit: 60 });
        let related = 0;
        for (const dialog of page.items ?? []) {
          const list = await c.dialogporten.listTransmissions(dialog.id);
          const nested = nestTransmissions(list);
          assert.equal(countTransmissions(nested), list.length, dialog.id);
          const visit = (entries: readonly (typeof nested)[number][], parentId?: string): void => {
            for (const entry of entries) {
              if (parentId) {
                assert.equal(entry.transmission.relatedTransmissionId, parentId);
                related++;
              }
              visit(entry.related, entry.transmission.id);
            }
          };
          visit(nested);
        }
        assert.ok(related > 0, 'the sandbox has related transmissions');
        await c.http.close();
      });
    });
  });
});
