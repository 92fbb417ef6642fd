import assert from 'node:assert/strict';
import { buildScopeRequestEmail, DraftInputError } from '../../../src/platform/drafts';
import type { ScopeRequestInput } from '../../../src/platform/drafts';
import { InvalidInputError } from '../../../src/platform/errors';

const input: ScopeRequestInput = {
  organisationNumber: '991 825 827',
  organisationName: 'Regnskap Nord AS',
  environment: 'tt02',
  scopes: ['altinn:correspondence.read', 'skatteetaten:testscope', 'digdir:dialogporten', 'altinn:events.subscribe'],
  maskinportenClientIds: ['2F1E3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B'],
  systemName: 'Nordlys Regnskap',
  contact: { name: 'Kari Nordmann', email: 'kari@regnskapnord.example', phone: '+47 400 00 000' },
};

describe('buildScopeRequestEmail', () => {
  it('writes the whole request in bokmål', () => {
    assert.deepEqual(buildScopeRequestEmail(input, 'nb'), {
      to: 'servicedesk@altinn.no',
      subject: 'Forespørsel om tilgang til scopes i tt02 – Regnskap Nord AS (org.nr. 991825827)',
      body: [
        'Hei,',
        '',
        'Vi er Regnskap Nord AS (org.nr. 991825827) og leverer sluttbrukersystemet «Nordlys Regnskap». Vi integrerer systemet med Altinn og ber om tilgang til scopene nedenfor i testmiljøet tt02, på Maskinporten-klienten vi har oppgitt.',
        '',
        'Scopes vi ber om, og hva vi skal bruke dem til:',
        '',
        'Dialogporten',
        '- digdir:dialogporten – Lese dialoger, forsendelser og aktiviteter gjennom Dialogportens sluttbruker-API som systembruker.',
        '',
        'Altinn Melding (Correspondence)',
        '- altinn:correspondence.read – Lese, bekrefte og laste ned vedlegg til meldinger i Altinn Melding som mottaker (dekkes ikke av Dialogporten-scopet).',
        '',
        'Altinn Events (hendelser)',
        '- altinn:events.subscribe – Abonnere på Altinn Events, f.eks. for å bli varslet om nye meldinger til en kunde.',
        '',
        'Andre scopes',
        '- skatteetaten:testscope',
        '',
        'Maskinporten-klient (client_id):',
        '- 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        '',
        'Kontaktperson:',
        'Navn: Kari Nordmann',
        'E-post: kari@regnskapnord.example',
        'Telefon: +47 400 00 000',
        '',
        'Si gjerne fra om dere trenger flere opplysninger. Takk for hjelpen!',
        '',
        'Med vennlig hilsen',
        'Kari Nordmann',
        'Regnskap Nord AS',
      ].join('\n'),
    });
  });

  it('writes the whole request in English, for production and several clients', () => {
    const draft = buildScopeRequestEmail(
      {
        ...input,
        environment: 'production',
        scopes: ['altinn:events.subscribe', 'altinn:accessmanagement/authorizedparties'],
        maskinportenClientIds: ['2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'],
        contact: { name: 'Ola Nordmann', email: 'ola@regnskapnord.example' },
      },
      'en',
    );
    assert.equal(draft.to, 'servicedesk@altinn.no');
    assert.equal(draft.subject, 'Request for access to scopes in production – Regnskap Nord AS (org. no. 991825827)');
    assert.equal(
      draft.body,
      [
        'Hello,',
        '',
        'We are Regnskap Nord AS (organisation number 991825827), the vendor of the end-user system "Nordlys Regnskap". We are integrating the system with Altinn and ask for access to the scopes below in the production environment, on the Maskinporten clients listed.',
        '',
        'The scopes we ask for, and what we will use them for:',
        '',
        'Altinn Events',
        '- altinn:events.subscribe – Subscribe to Altinn Events, e.g. to be notified of new messages for a customer.',
        '',
        'Access management',
        '- altinn:accessmanagement/authorizedparties – List the parties (organisations and persons) the system user may act for.',
        '',
        'Maskinporten clients (client_id):',
        '- 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
        '- aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        '',
        'Contact person:',
        'Name: Ola Nordmann',
        'E-mail: ola@regnskapnord.example',
        '',
        'Please let us know if you need more information. Thank you for your help!',
        '',
        'Kind regards,',
        'Ola Nordmann',
        'Regnskap Nord AS',
      ].join('\n'),
    );
  });

  it("asks servicedesk to create the vendor's organisation in tt02 when it does not exist there, in both languages", () => {
    const nb = buildScopeRequestEmail({ ...input, createOrganisationInTt02: true }, 'nb').body;
    assert.match(
      nb,
      /\n- 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b\n\nOrganisasjonen vår \(org\.nr\. 991825827\) finnes ikke i testmiljøet tt02 ennå\. Kan dere opprette den der med det ekte organisasjonsnummeret, slik at vi kan registrere systemet vårt i systemregisteret og teste\?\n\nKontaktperson:/,
    );
    const en = buildScopeRequestEmail({ ...input, createOrganisationInTt02: true }, 'en').body;
    assert.match(
      en,
      /\n\nOur organisation \(organisation number 991825827\) does not exist in the test environment tt02 yet\. Could you create it there with its real organisation number, so that we can register our system in the system register and test\?\n\nContact person:/,
    );
    assert.doesNotMatch(buildScopeRequestEmail(input, 'nb').body, /finnes ikke i testmiljøet/);
  });

  it('writes bokmål when no language is given', () => {
    assert.ok(buildScopeRequestEmail(input).body.startsWith('Hei,\n'));
  });

  describe('rejects bad input with a DraftInputError naming the field', () => {
    const cases: [string, Partial<ScopeRequestInput>, string, RegExp][] = [
      [
        'a wrong check digit in the organisation number',
        { organisationNumber: '991825828' },
        'organisationNumber',
        /^organisationNumber: .*check digit/,
      ],
      ['a short organisation number', { organisationNumber: '12345' }, 'organisationNumber', /^organisationNumber: /],
      [
        'a client id that is not a UUID',
        { maskinportenClientIds: ['2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b', 'my-client'] },
        'maskinportenClientIds[1]',
        /^maskinportenClientIds\[1\]: "my-client" is not a Maskinporten client id/,
      ],
      ['no client ids', { maskinportenClientIds: [] }, 'maskinportenClientIds', /^maskinportenClientIds: /],
      ['no scopes', { scopes: [] }, 'scopes', /^scopes: /],
      [
        'an empty organisation name',
        { organisationName: '  ' },
        'organisationName',
        /^organisationName: must not be empty/,
      ],
      ['an empty system name', { systemName: '' }, 'systemName', /^systemName: /],
      [
        'a contact e-mail without @',
        { contact: { name: 'Kari', email: 'kari.example' } },
        'contact.email',
        /^contact\.email: /,
      ],
      ['an unknown environment', { environment: 'at23' as never }, 'environment', /^environment: /],
      ['a line break in a header-like field', { organisationName: 'A\nBcc: x@y.z' }, 'organisationName', /single line/],
      // altinn-studio-docs, content/authorization/getting-started/systemuser/_index.nb.md: these come with the vendor registration form.
      [
        'a system-user scope, which comes with the registration form',
        { scopes: ['digdir:dialogporten', 'altinn:authentication/systemuser.request.write'] },
        'scopes[1]',
        /^scopes\[1\]: altinn:authentication\/systemuser\.request\.write comes with the registration form for end-user system vendors .*not from servicedesk: see https:\/\/docs\.altinn\.studio\/nb\/authorization\/getting-started\/systemuser\/$/,
      ],
      [
        'the system register scope',
        { scopes: ['altinn:authentication/systemregister.write'] },
        'scopes[0]',
        /registration form/,
      ],
      [
        'creating the organisation in production',
        { environment: 'production', createOrganisationInTt02: true },
        'createOrganisationInTt02',
        /only tt02/,
      ],
    ];
    for (const [what, change, field, message] of cases) {
      it(what, () => {
        assert.throws(
          () => buildScopeRequestEmail({ ...input, ...change }, 'nb'),
          (error: unknown) =>
            error instanceof DraftInputError &&
            error instanceof InvalidInputError &&
            error.field === field &&
            message.test(error.message),
        );
      });
    }
  });
});
