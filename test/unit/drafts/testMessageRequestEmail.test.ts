import assert from 'node:assert/strict';
import { buildTestMessageRequestEmail, DraftInputError } from '../../../src/platform/drafts';
import type { TestMessageRequestInput } from '../../../src/platform/drafts';

// 17858500737: a synthetic (Tenor) national identity number, month 05 + 80; 991825827 and 310547891: valid organisation numbers.
const SYNTHETIC_FNR = '17858500737';
const ORGNO = '991825827';
const OTHER_ORGNO = '310547891';
const SYSTEM_USER_ID = '2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';

const input: TestMessageRequestInput = {
  recipients: [SYNTHETIC_FNR, ORGNO],
  numberOfMessages: 3,
  content: { attachments: true, markdown: true, transmissions: true, notes: 'Én melding bør kreve bekreftelse.' },
  serviceResource: 'urn:altinn:resource:ttd-correspondence-test',
  systemUser: { id: SYSTEM_USER_ID.toUpperCase(), systemId: '991825827_nordlys' },
  organisationName: 'Regnskap Nord AS',
  organisationNumber: ORGNO,
  systemName: 'Nordlys Regnskap',
  contact: { name: 'Kari Nordmann', email: 'kari@regnskapnord.example' },
};

describe('buildTestMessageRequestEmail', () => {
  it('writes the whole request in bokmål for a synthetic Tenor person and an organisation (its system user and the resource delegated to it), in tt02 by default', () => {
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
        'Systembruker og tjenesteressurs:',
        '- Send meldingene fra tjenesteressursen urn:altinn:resource:ttd-correspondence-test.',
        '- Mottakeren har systembrukeren 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b for systemet vårt 991825827_nordlys, som har fått tilgang til ressursen over (delegert direkte eller gjennom en tilgangspakke).',
        '- Vi leser meldingene gjennom API-et med denne systembrukeren. Dialogporten viser bare dialoger fra tjenester som systembrukeren har fått delegert, så meldinger fra en annen ressurs blir ikke synlige for oss.',
        '',
        'Ønsker for innholdet:',
        '- Gjerne med vedlegg.',
        '- Gjerne med meldingstekst i markdown (overskrifter, lister, lenker).',
        '- Gjerne med forsendelser (transmissions) i dialogen, f.eks. et svar eller en ny melding i samme sak.',
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
      {
        recipients: [' 178585 00737 '],
        numberOfMessages: 1,
        organisationName: 'Regnskap Nord AS',
        contact: { name: 'Kari Nordmann', email: 'kari@regnskapnord.example', phone: '400 00 000' },
      },
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

  it("names several recipient organisations' system users by the system, in English, with a bare resource id made a URN", () => {
    const body = buildTestMessageRequestEmail(
      {
        ...input,
        recipients: [ORGNO, OTHER_ORGNO],
        serviceResource: 'ttd-correspondence-test',
        systemUser: { systemId: ' 991825827_nordlys ' },
      },
      'en',
    ).body;
    assert.ok(
      body.includes(
        [
          'Number of test messages: 3 to each recipient',
          '',
          'System user and service resource:',
          '- Please send the messages from the service resource urn:altinn:resource:ttd-correspondence-test.',
          '- Each recipient organisation has a system user for our system 991825827_nordlys, which has been given the resource above (delegated directly or through an access package).',
          '- We read the messages through the API with this system user. Dialogporten shows only dialogs from services the system user has been delegated, so messages from another resource would not be visible to us.',
          '',
          'Wishes for the content:',
        ].join('\n'),
      ),
      body,
    );
    assert.doesNotMatch(
      body,
      /Please send from the service\/resource/,
      'the resource is named once, in the system-user block',
    );
  });

  it('keeps a service resource for people only as a content wish, with no system-user block', () => {
    const body = buildTestMessageRequestEmail(
      { ...input, recipients: [SYNTHETIC_FNR], systemUser: undefined },
      'nb',
    ).body;
    assert.match(body, /\n- Send fra tjenesten\/ressursen urn:altinn:resource:ttd-correspondence-test\.\n/);
    assert.doesNotMatch(body, /Systembruker/);
  });

  it('names ordinary, D- and synthetic D-numbers as such', () => {
    // 01018010018: born 1 Jan 1980; 41018010001: the same date as a D-number (day + 40); 41858010037: synthetic D-number (month + 80).
    const body = buildTestMessageRequestEmail(
      { ...input, recipients: ['01018010018', '41018010001', '41858010037'], systemUser: undefined },
      'en',
    ).body;
    assert.match(
      body,
      /\nRecipients:\n- 01018010018 \(national identity number\)\n- 41018010001 \(D-number\)\n- 41858010037 \(synthetic D-number from Tenor\)\n/,
    );
  });

  it('says the same in bokmål and English: one line for one line', () => {
    for (const variant of [
      input,
      { ...input, recipients: [ORGNO, OTHER_ORGNO], systemUser: { systemId: '991825827_nordlys' } },
      { ...input, recipients: [SYNTHETIC_FNR], systemUser: undefined },
    ]) {
      const nb = buildTestMessageRequestEmail(variant, 'nb').body.split('\n');
      const en = buildTestMessageRequestEmail(variant, 'en').body.split('\n');
      assert.equal(nb.length, en.length);
      nb.forEach((line, index) =>
        assert.equal(line === '', en[index] === '', `line ${index}: "${line}" / "${en[index]}"`),
      );
    }
  });

  it('points at the production inbox for production', () => {
    assert.match(
      buildTestMessageRequestEmail({ ...input, environment: 'production' }, 'en').body,
      /Messages in production can be read in the Altinn inbox at https:\/\/af\.altinn\.no\//,
    );
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
      // altinn-studio-docs, content/authorization/guides/system-vendor/system-user/dialogporten/_index.nb.md: without the system
      // user's delegation the messages are not visible through the API, so an organisation recipient needs both.
      ['an organisation recipient without a system user', { systemUser: undefined }, 'systemUser'],
      ['an organisation recipient without a service resource', { serviceResource: undefined }, 'serviceResource'],
      ['a system user with neither id nor system id', { systemUser: { id: ' ', systemId: '' } }, 'systemUser'],
      ['a system user id that is not a UUID', { systemUser: { id: 'kari' } }, 'systemUser.id'],
      [
        "a system id without the vendor's organisation number",
        { systemUser: { systemId: 'nordlys' } },
        'systemUser.systemId',
      ],
      [
        'a system id whose organisation number has a wrong check digit',
        { systemUser: { systemId: '991825828_nordlys' } },
        'systemUser.systemId',
      ],
      [
        'a system id of another vendor than the requester',
        { systemUser: { systemId: '310547891_nordlys' } },
        'systemUser.systemId',
      ],
      [
        'one system user id for several organisations',
        { recipients: [ORGNO, OTHER_ORGNO], systemUser: { id: SYSTEM_USER_ID } },
        'systemUser.id',
      ],
      ['a system user when only people receive', { recipients: [SYNTHETIC_FNR] }, 'systemUser'],
      ['a service resource that is not one', { serviceResource: 'urn:altinn:resource:Ttd Test' }, 'serviceResource'],
    ];
    for (const [what, change, field] of cases) {
      it(what, () => {
        assert.throws(
          () => buildTestMessageRequestEmail({ ...input, ...change }, 'nb'),
          (error: unknown) =>
            error instanceof DraftInputError && error.field === field && error.message.startsWith(`${field}: `),
        );
      });
    }
  });
});
