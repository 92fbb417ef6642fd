import assert from 'node:assert/strict';
import type { AuthorizedParty } from '../../../src/platform/dialogporten/schemas';
import {
  describeRecipient,
  organisationRecipients,
  parseRecipient,
  parseRecipientList,
  parseServiceResourceAnswer,
  parseSystemUserAnswer,
  partyRecipients,
  recipientListProblem,
  splitRecipientEntries,
} from '../../../src/vscode/onboarding/recipients';

// Valid by their check digits: a Tenor synthetic number (07 87 71: month 07 + 80), a synthetic D-number
// (day + 40 and month + 80), Skatteetaten's ordinary example, a D-number, and Digdir's organisation number.
const SYNTHETIC = '07877100744';
const SYNTHETIC_D = '45818500045';
const ORDINARY = '01010750160';
const D_NUMBER = '41010750073';
const ORGNO = '991825827';

describe('onboarding: test-message recipients', () => {
  it('recognises and labels each kind of identifier', () => {
    assert.deepEqual(parseRecipient(SYNTHETIC), { value: SYNTHETIC, kind: 'synthetic-fnr' });
    assert.deepEqual(parseRecipient(SYNTHETIC_D), { value: SYNTHETIC_D, kind: 'synthetic-dnr' });
    assert.deepEqual(parseRecipient(ORDINARY), { value: ORDINARY, kind: 'fnr' });
    assert.deepEqual(parseRecipient(D_NUMBER), { value: D_NUMBER, kind: 'dnr' });
    assert.deepEqual(parseRecipient('991 825 827'), { value: ORGNO, kind: 'orgno' });
    assert.equal(
      describeRecipient({ value: SYNTHETIC, kind: 'synthetic-fnr' }),
      `${SYNTHETIC} (synthetic national identity number (Tenor))`,
    );
    assert.equal(describeRecipient({ value: ORGNO, kind: 'orgno' }), `${ORGNO} (organisation number)`);
  });

  it('accepts party URNs and the 0192: organisation prefix', () => {
    assert.deepEqual(parseRecipient(`urn:altinn:person:identifier-no:${SYNTHETIC}`), {
      value: SYNTHETIC,
      kind: 'synthetic-fnr',
    });
    assert.deepEqual(parseRecipient(`urn:altinn:organization:identifier-no:${ORGNO}`), { value: ORGNO, kind: 'orgno' });
    assert.deepEqual(parseRecipient(`0192:${ORGNO}`), { value: ORGNO, kind: 'orgno' });
  });

  it('gives the reason for wrong check digits, impossible dates and wrong lengths', () => {
    const wrongK2 = `${SYNTHETIC.slice(0, 10)}${(Number(SYNTHETIC[10]) + 1) % 10}`;
    assert.match((parseRecipient(wrongK2) as { reason: string }).reason, /wrong check digits/);
    assert.match((parseRecipient('991825828') as { reason: string }).reason, /wrong check digit/);
    assert.match((parseRecipient('32130750160') as { reason: string }).reason, /valid date/);
    assert.match(
      (parseRecipient('12345') as { reason: string }).reason,
      /neither a national identity number \(11 digits\) nor an organisation number \(9 digits\)/,
    );
  });

  it('splits a typed list on commas, semicolons, line breaks and spaces, keeping "991 825 827" as one number', () => {
    assert.deepEqual(splitRecipientEntries(`${SYNTHETIC}, 991 825 827;${D_NUMBER}\n${ORDINARY} ${SYNTHETIC_D}`), [
      SYNTHETIC,
      '991 825 827',
      D_NUMBER,
      ORDINARY,
      SYNTHETIC_D,
    ]);
  });

  it('parses a list into recipients (each once) and problems, in the order typed', () => {
    const list = parseRecipientList(`${SYNTHETIC}, ${ORGNO}, 991825828, ${SYNTHETIC}`);
    assert.deepEqual(list.recipients, [
      { value: SYNTHETIC, kind: 'synthetic-fnr' },
      { value: ORGNO, kind: 'orgno' },
    ]);
    assert.deepEqual(
      list.problems.map((problem) => problem.entry),
      ['991825828'],
    );
    assert.deepEqual(list.duplicates, [SYNTHETIC]);
  });

  it('explains the first problem of a typed list, and counts the others', () => {
    assert.equal(recipientListProblem(`${SYNTHETIC}, ${ORGNO}`), undefined);
    assert.match(recipientListProblem('') ?? '', /at least one/);
    assert.match(recipientListProblem(`${SYNTHETIC}, 991825828`) ?? '', /^"991825828" has a wrong check digit/);
    assert.match(recipientListProblem('991825828, 123') ?? '', /\(and 1 more\)$/);
  });

  it('turns Dialogporten parties into recipients: sub-units after their main unit, invalid identifiers skipped, each once', () => {
    const parties: AuthorizedParty[] = [
      {
        party: `urn:altinn:person:identifier-no:${SYNTHETIC}`,
        name: 'KARI TESTPERSON',
        partyType: 'Person',
        isCurrentEndUser: true,
      },
      {
        party: `urn:altinn:organization:identifier-no:${ORGNO}`,
        name: 'DIGDIR',
        partyType: 'Organization',
        subParties: [
          {
            party: 'urn:altinn:organization:identifier-no:313234142',
            name: 'DIGDIR AVD OSLO',
            partyType: 'Organization',
            isDeleted: true,
          },
        ],
      },
      { party: 'urn:altinn:organization:identifier-no:991825828', name: 'BROKEN', partyType: 'Organization' },
      { party: 'urn:altinn:party:id:5', name: 'NO IDENTIFIER', partyType: 'Organization' },
      { party: `urn:altinn:person:identifier-no:${SYNTHETIC}`, name: 'KARI AGAIN', partyType: 'Person' },
    ];
    const { recipients, skipped } = partyRecipients(parties);
    assert.deepEqual(
      recipients.map((r) => [r.value, r.kind, r.name, r.parentName, r.isDeleted, r.isCurrentEndUser]),
      [
        [SYNTHETIC, 'synthetic-fnr', 'KARI TESTPERSON', undefined, false, true],
        [ORGNO, 'orgno', 'DIGDIR', undefined, false, false],
        ['313234142', 'orgno', 'DIGDIR AVD OSLO', 'DIGDIR', true, false],
      ],
    );
    assert.deepEqual(skipped, ['urn:altinn:organization:identifier-no:991825828', 'urn:altinn:party:id:5']);
  });
});

describe("onboarding: the recipient organisations' system user and service resource", () => {
  it('picks the organisations out of the recipients', () => {
    assert.deepEqual(organisationRecipients(parseRecipientList(`${SYNTHETIC}, 991 825 827`).recipients), [
      { value: '991825827', kind: 'orgno' },
    ]);
  });

  it('reads a system user id (a UUID) or a system id (organisation number_name, mod-11 checked)', () => {
    assert.deepEqual(parseSystemUserAnswer(' 2F1E3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B '), {
      value: { id: '2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b' },
    });
    assert.deepEqual(parseSystemUserAnswer('991825827_regnskap'), { value: { systemId: '991825827_regnskap' } });
    assert.match(
      (parseSystemUserAnswer('991825828_regnskap') as { problem: string }).problem,
      /neither a system user id .* nor a system id/,
    );
    assert.match((parseSystemUserAnswer('regnskap') as { problem: string }).problem, /neither a system user id/);
    assert.match(
      (parseSystemUserAnswer('2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5') as { problem: string }).problem,
      /is not a system user id/,
    );
    assert.match((parseSystemUserAnswer('  ') as { problem: string }).problem, /Give the system user's id/);
  });

  it('reads a service resource with or without urn:altinn:resource:', () => {
    assert.deepEqual(parseServiceResourceAnswer('ttd-correspondence-test'), {
      value: 'urn:altinn:resource:ttd-correspondence-test',
    });
    assert.deepEqual(parseServiceResourceAnswer(' urn:altinn:resource:ske-krav-og-betalinger '), {
      value: 'urn:altinn:resource:ske-krav-og-betalinger',
    });
    assert.match(
      (parseServiceResourceAnswer('urn:altinn:resource:Not Valid') as { problem: string }).problem,
      /is not a service resource/,
    );
  });
});
