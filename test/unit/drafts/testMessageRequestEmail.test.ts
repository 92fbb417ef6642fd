import assert from 'node:assert/strict';
import { buildTestMessageRequestEmail, DraftInputError } from '../../../src/platform/drafts';
import type { TestMessageRequestInput } from '../../../src/platform/drafts';

// 17858500737: a synthetic (Tenor) national identity number, month 05 + 80; 991825827: a valid organisation number.
const SYNTHETIC_FNR = '17858500737';
const ORGNO = '991825827';

const input: TestMessageRequestInput = {
  recipients: [SYNTHETIC_FNR, ORGNO],
  numberOfMessages: 3,
  content: { attachments: true, markdown: true, transmissions: true, serviceResource: 'urn:altinn:resource:ttd-correspondence-test', notes: 'Én melding bør kreve bekreftelse.' },
  organisationName: 'Regnskap Nord AS',
  organisationNumber: ORGNO,
  systemName: 'Nordlys Regnskap',
  contact: { name: 'Kari Nordmann', email: 'kari@regnskapnord.example' },
};

describe('buildTestMessageRequestEmail', () => {
  it('writes the whole request in bokmål for a synthetic Tenor person and an organisation, in tt02 by default', () => {
    assert.deepEqual(buildTestMessageRequestEmail(input, 'nb'), {
      to: 'servicedesk@altinn.no',
      subject: 'Forespørsel om testmeldinger i tt02 – Regnskap Nord AS',
      body: [
        'Hei,',
        '',
        'Vi er Regnskap Nord AS (org.nr. 991825827) og tester sluttbrukersystemet vårt «Nordlys Regnskap» mot Altinn. Siden bare tjenesteeiere kan sende meldinger, ber vi om at dere sender testmeldinger i testmiljøet tt02.',
        '',
        'Mottakere:',
        '- 17858500737 (syntetisk fødselsnummer fra Tenor)',
        '- 991825827 (organisasjonsnummer)',
        '',
        'Antall testmeldinger: 3 til hver mottaker',
        '',
        'Ønsker for innholdet:',
        '- Gjerne med vedlegg.',
        '- Gjerne med meldingstekst i markdown (overskrifter, lister, lenker).',
        '- Gjerne med forsendelser (transmissions) i dialogen, f.eks. et svar eller en ny melding i samme sak.',
        '- Send fra tjenesten/ressursen urn:altinn:resource:ttd-correspondence-test.',
        '- Én melding bør kreve bekreftelse.',
        '',
        'Kontaktperson:',
        'Navn: Kari Nordmann',
        'E-post: kari@regnskapnord.example',
        '',
        'Meldinger i tt02 kan leses i Altinn-innboksen på https://af.tt02.altinn.no/; vi sjekker dem der og i systemet vårt.',
        '',
        'Takk for hjelpen!',
        '',
        'Med vennlig hilsen',
        'Kari Nordmann',
        'Regnskap Nord AS',
      ].join('\n'),
    });
  });

  it('writes the whole request in English with no content wishes', () => {
    const draft = buildTestMessageRequestEmail(
      { recipients: [' 178585 00737 '], numberOfMessages: 1, organisationName: 'Regnskap Nord AS', contact: { name: 'Kari Nordmann', email: 'kari@regnskapnord.example', phone: '400 00 000' } },
      'en',
    );
    assert.equal(draft.subject, 'Request for test messages in tt02 – Regnskap Nord AS');
    assert.equal(
      draft.body,
      [
        'Hello,',
        '',
        'We are Regnskap Nord AS and are testing our end-user system against Altinn. As only service owners can send messages, we ask you to send test messages in the test environment tt02.',
        '',
        'Recipient:',
        '- 17858500737 (synthetic national identity number from Tenor)',
        '',
        'Number of test messages: 1',
        '',
        'Wishes for the content:',
        'The content is up to you.',
        '',
        'Contact person:',
        'Name: Kari Nordmann',
        'E-mail: kari@regnskapnord.example',
        'Phone: 400 00 000',
        '',
        'Messages in tt02 can be read in the Altinn inbox at https://af.tt02.altinn.no/; we will check them there and in our system.',
        '',
        'Thank you for your help!',
        '',
        'Kind regards,',
        'Kari Nordmann',
        'Regnskap Nord AS',
      ].join('\n'),
    );
  });

  it('names ordinary, D- and synthetic D-numbers as such', () => {
    // 01018010018: born 1 Jan 1980; 41018010001: the same date as a D-number (day + 40); 41858010037: synthetic D-number (month + 80).
    const body = buildTestMessageRequestEmail({ ...input, recipients: ['01018010018', '41018010001', '41858010037'] }, 'en').body;
    assert.match(body, /\nRecipients:\n- 01018010018 \(national identity number\)\n- 41018010001 \(D-number\)\n- 41858010037 \(synthetic D-number from Tenor\)\n/);
  });

  it('points at the production inbox for production', () => {
    assert.match(buildTestMessageRequestEmail({ ...input, environment: 'production' }, 'en').body, /Messages in production can be read in the Altinn inbox at https:\/\/af\.altinn\.no\//);
  });

  describe('rejects bad input with a DraftInputError naming the field', () => {
    const cases: [string, Partial<TestMessageRequestInput>, string][] = [
      ['a national identity number with wrong check digits', { recipients: [ORGNO, '17858500738'] }, 'recipients[1]'],
      ['an organisation number with a wrong check digit', { recipients: ['991825828'] }, 'recipients[0]'],
      ['a recipient that is neither', { recipients: ['kari@example.no'] }, 'recipients[0]'],
      ['no recipients', { recipients: [] }, 'recipients'],
      ['zero messages', { numberOfMessages: 0 }, 'numberOfMessages'],
      ['a fractional number of messages', { numberOfMessages: 1.5 }, 'numberOfMessages'],
      ['an invalid requester organisation number', { organisationNumber: '123456789' }, 'organisationNumber'],
    ];
    for (const [what, change, field] of cases) {
      it(what, () => {
        assert.throws(
          () => buildTestMessageRequestEmail({ ...input, ...change }, 'nb'),
          (error: unknown) => error instanceof DraftInputError && error.field === field && error.message.startsWith(`${field}: `),
        );
      });
    }
  });
});
