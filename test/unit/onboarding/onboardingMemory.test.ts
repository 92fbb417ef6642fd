import assert from 'node:assert/strict';
import { createChecks, mergeMemory, parseClientIds, readMemory } from '../../../src/vscode/onboarding/onboardingMemory';

const checks = createChecks();

describe('onboarding: remembered answers', () => {
  it('keeps only well-formed fields from global state', () => {
    assert.deepEqual(readMemory(undefined), {});
    assert.deepEqual(readMemory('junk'), {});
    assert.deepEqual(
      readMemory({
        organisationNumber: ' 991825827 ',
        organisationName: 'Regnskap AS',
        systemName: 'two\nlines',
        contactEmail: 42,
        clientIds: ['2F1E3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B', 'not-a-uuid'],
        language: 'de',
        environment: 'production',
        numberOfMessages: 0,
        privateKey: '-----BEGIN PRIVATE KEY-----',
      }),
      {
        organisationNumber: '991825827',
        organisationName: 'Regnskap AS',
        clientIds: ['2F1E3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B'],
        environment: 'production',
      },
    );
  });

  it('merges new answers, forgets a field given as empty, and never stores unknown fields', () => {
    const merged = mergeMemory(
      { contactName: 'Kari', contactPhone: '+47 912 34 567', language: 'nb' },
      {
        contactPhone: '',
        language: 'en',
        numberOfMessages: 5,
        ...({ token: 'eyJ…' } as object),
      },
    );
    assert.deepEqual(merged, { contactName: 'Kari', language: 'en', numberOfMessages: 5 });
  });

  it('checks the organisation number with its mod-11 check digit and says why it is wrong', () => {
    assert.equal(checks.organisationNumber('991 825 827'), undefined);
    assert.match(
      checks.organisationNumber('991825828') ?? '',
      /"991825828" has a wrong check digit \(the last digit\)/,
    );
    assert.match(checks.organisationNumber('99182582') ?? '', /9 digits/);
    assert.equal(checks.optionalOrganisationNumber(''), undefined);
    assert.match(checks.optionalOrganisationNumber('123') ?? '', /9 digits/);
  });

  it('checks the contact e-mail, phone, number of messages and required texts', () => {
    assert.equal(checks.email('kari@example.no'), undefined);
    assert.match(checks.email('kari@') ?? '', /not an e-mail address/);
    assert.match(checks.email(' ') ?? '', /e-mail address/);
    assert.equal(checks.phone(''), undefined);
    assert.equal(checks.phone('+47 912 34 567'), undefined);
    assert.match(checks.phone('call me') ?? '', /phone number/);
    assert.equal(checks.numberOfMessages('3'), undefined);
    for (const bad of ['0', '101', '2.5', 'three']) assert.match(checks.numberOfMessages(bad) ?? '', /1 to 100/, bad);
    assert.equal(checks.requiredText('Hjelper', "the system's name"), undefined);
    assert.equal(checks.requiredText('  ', "the system's name"), "Give the system's name.");
  });

  it('reads Maskinporten client ids: separators, case, duplicates and a bad id', () => {
    assert.deepEqual(
      parseClientIds(
        '2F1E3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B, 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b\n11111111-2222-4333-8444-555555555555',
      ),
      {
        ids: ['2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b', '11111111-2222-4333-8444-555555555555'],
      },
    );
    assert.equal(parseClientIds('my-client').bad, 'my-client');
    assert.match(checks.clientIds('my-client') ?? '', /"my-client" is not a Maskinporten client id/);
    assert.match(checks.clientIds('') ?? '', /at least one/);
  });
});
