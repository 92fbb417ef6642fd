import assert from 'node:assert/strict';
import { buildScopeRequestEmail } from '../../../src/platform/drafts';
import { bodyStartLine, formatEmailDocument, parseEmailDocument } from '../../../src/vscode/onboarding/emailDocument';

const draft = {
  to: 'servicedesk@altinn.no',
  subject: 'Forespørsel om tilgang til scopes i tt02 – Regnskap & Lønn AS',
  body: 'Hei,\n\nVi ber om scopes.\n\nMed vennlig hilsen\nKari',
};

describe('onboarding: the e-mail draft document', () => {
  it('lays the draft out as To:, Subject:, a blank line and the body, ending in one newline', () => {
    assert.equal(
      formatEmailDocument(draft),
      'To: servicedesk@altinn.no\nSubject: Forespørsel om tilgang til scopes i tt02 – Regnskap & Lønn AS\n\nHei,\n\nVi ber om scopes.\n\nMed vennlig hilsen\nKari\n',
    );
    assert.equal(bodyStartLine(formatEmailDocument(draft)), 3);
  });

  it('reads an unedited document back to exactly the generated draft (a real scope request)', () => {
    const real = buildScopeRequestEmail({
      organisationNumber: '991825827',
      organisationName: 'Regnskap & Lønn AS',
      environment: 'tt02',
      scopes: ['digdir:dialogporten', 'altinn:correspondence.read'],
      maskinportenClientIds: ['2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b'],
      systemName: 'Hjelper',
      contact: { name: 'Kari Nordmann', email: 'kari@example.no' },
    });
    assert.deepEqual(parseEmailDocument(formatEmailDocument(real)), real);
  });

  it("reads the user's edits: a changed subject, added lines, Windows line breaks, trailing blank lines", () => {
    const edited =
      'To: servicedesk@altinn.no\r\nSubject: Scopes for Hjelper, please\r\n\r\nHei,\r\n\r\nEn ekstra linje.\r\n\r\n\r\n';
    assert.deepEqual(parseEmailDocument(edited), {
      to: 'servicedesk@altinn.no',
      subject: 'Scopes for Hjelper, please',
      body: 'Hei,\n\nEn ekstra linje.',
    });
  });

  it('accepts Norwegian header names (Til:, Emne:) in any case', () => {
    assert.deepEqual(parseEmailDocument('til: servicedesk@altinn.no\nEMNE: Testmeldinger\n\nHei'), {
      to: 'servicedesk@altinn.no',
      subject: 'Testmeldinger',
      body: 'Hei',
    });
  });

  it('falls back to the generated To: and Subject: when the user deleted those lines', () => {
    assert.deepEqual(parseEmailDocument('Hei,\n\nbare teksten igjen.\n', draft), {
      to: draft.to,
      subject: draft.subject,
      body: 'Hei,\n\nbare teksten igjen.',
    });
    assert.equal(
      parseEmailDocument('Subject: Only a subject\n\nBody').to,
      'servicedesk@altinn.no',
      'servicedesk is the default recipient',
    );
  });

  it('does not take a "Subject:" line inside the body for a header', () => {
    const parsed = parseEmailDocument('To: servicedesk@altinn.no\nSubject: S\n\nHei,\nSubject: not a header\n');
    assert.equal(parsed.subject, 'S');
    assert.equal(parsed.body, 'Hei,\nSubject: not a header');
  });
});
