import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildSystemUserApprovalEmail } from '../../../src/platform/drafts';

const input = {
  to: ' kari@kunde.example ',
  customerOrganisationNumber: '310000002',
  systemName: 'Innboksleser',
  vendorName: 'Regnskap AS',
  confirmUrl: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=1&DONTCHOOSEREPORTEE=true',
  resources: ['ttd-correspondence-test'],
  accessPackages: ['urn:altinn:accesspackage:skatt-naering'],
  agent: false,
};

describe('drafts: asking the customer to approve a system user', () => {
  it('says in bokmål what is asked for, who may approve and where, with the confirm URL on its own line', () => {
    const draft = buildSystemUserApprovalEmail(input, 'nb');
    assert.equal(draft.to, 'kari@kunde.example');
    assert.match(draft.subject, /Innboksleser/);
    const lines = draft.body.split('\n');
    assert.ok(lines.includes(input.confirmUrl));
    assert.ok(lines.includes('- tjenesten ttd-correspondence-test'));
    assert.ok(lines.includes('- tilgangspakken skatt-naering'));
    assert.match(draft.body, /Tilgangsstyrer/);
    assert.match(draft.body, /org\.nr\. 310000002/);
  });

  it('writes English on request, and tells an accountant that clients are added after approval', () => {
    const draft = buildSystemUserApprovalEmail({ ...input, agent: true, resources: [] }, 'en');
    assert.match(draft.subject, /^Approve a system user/);
    assert.match(draft.body, /add the clients/);
    assert.ok(!draft.body.includes('the service '), 'no services listed when none were asked for');
  });
});
