import assert from 'node:assert/strict';
import { buildScopeRequestEmail, comesWithRegistrationForm, MAILTO_MAX_LENGTH } from '../../../src/platform/drafts';
import { SCOPE_CATALOGUE } from '../../../src/platform/scopes';
import { planMailto } from '../../../src/vscode/onboarding/mailtoPlan';

const contact = { name: 'Kari Nordmann', email: 'kari@example.no', phone: '+47 912 34 567' };
const input = {
  organisationNumber: '991825827',
  organisationName: 'Regnskap & Lønn AS',
  environment: 'tt02' as const,
  scopes: ['digdir:dialogporten'],
  maskinportenClientIds: ['2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b'],
  systemName: 'Hjelper',
  contact,
};

describe('onboarding: mailto plan', () => {
  it('opens a short draft as a mailto: URL whose subject and body (with "&" and æøå) survive URL parsing', () => {
    const draft = buildScopeRequestEmail(input);
    const plan = planMailto(draft);
    assert.equal(plan.kind, 'open');
    const url = new URL(plan.kind === 'open' ? plan.url : '');
    assert.equal(url.pathname, 'servicedesk@altinn.no');
    assert.equal(url.searchParams.get('subject'), draft.subject);
    assert.equal(url.searchParams.get('body'), draft.body.replace(/\n/g, '\r\n'));
    assert.match(draft.subject, /Regnskap & Lønn AS/);
  });

  it('says a long draft is too long, with its encoded length, and offers a subject-only link', () => {
    const scopes = SCOPE_CATALOGUE.filter((info) => info.forVendors && !comesWithRegistrationForm(info.scope)).map(
      (info) => info.scope,
    );
    const draft = buildScopeRequestEmail({ ...input, environment: 'tt02', createOrganisationInTt02: true, scopes });
    const plan = planMailto(draft);
    assert.equal(plan.kind, 'too-long');
    if (plan.kind !== 'too-long') return;
    assert.ok(plan.length > MAILTO_MAX_LENGTH, `${plan.length} > ${MAILTO_MAX_LENGTH}`);
    assert.equal(plan.max, MAILTO_MAX_LENGTH);
    const subjectOnly = new URL(plan.subjectOnlyUrl);
    assert.equal(subjectOnly.searchParams.get('subject'), draft.subject);
    assert.equal(subjectOnly.searchParams.has('body'), false);
  });

  it('uses the limit it is given (exactly at the limit still opens)', () => {
    const draft = { to: 'servicedesk@altinn.no', subject: 'S', body: 'x' };
    const length = 'mailto:servicedesk@altinn.no?subject=S&body=x'.length;
    assert.equal(planMailto(draft, length).kind, 'open');
    assert.equal(planMailto(draft, length - 1).kind, 'too-long');
  });

  it('refuses a To: line that is not an e-mail address, and accepts several addresses', () => {
    assert.equal(planMailto({ to: 'servicedesk', subject: 'S', body: 'B' }).kind, 'no-recipient');
    assert.equal(planMailto({ to: '', subject: 'S', body: 'B' }).kind, 'no-recipient');
    const several = planMailto({ to: 'servicedesk@altinn.no; kari@example.no', subject: 'S', body: 'B' });
    assert.equal(several.kind, 'open');
    assert.equal(
      decodeURIComponent(new URL(several.kind === 'open' ? several.url : '').pathname),
      'servicedesk@altinn.no,kari@example.no',
    );
  });
});
