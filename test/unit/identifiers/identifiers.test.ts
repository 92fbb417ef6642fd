import assert from 'node:assert/strict';
import {
  organisationNumberFromStem,
  parsePartyUrn,
  syntheticNationalIdentityNumber,
  validateNationalIdentityNumber,
  validateOrganisationNumber,
} from '../../../src/platform/identifiers';

describe('national identity numbers', () => {
  it('accepts a valid ordinary number (Skatteetaten example 01010750160)', () => {
    assert.deepEqual(validateNationalIdentityNumber('010107 50160'), { ok: true, kind: 'fnr', value: '01010750160' });
  });
  it('recognises D-numbers (+40 on the day)', () => {
    const result = validateNationalIdentityNumber('41010750073');
    assert.equal(result.ok ? result.kind : result.reason, 'dnr');
  });
  it('recognises Tenor synthetic numbers (+80 on the month) and rejects a changed digit', () => {
    const generated = syntheticNationalIdentityNumber(new Date(Date.UTC(1985, 4, 17)), 3);
    assert.match(generated, /^17858\d{6}$/);
    const result = validateNationalIdentityNumber(generated);
    assert.equal(result.ok && result.kind, 'synthetic-fnr');
    const broken = generated.slice(0, 10) + String((Number(generated[10]) + 1) % 10);
    const brokenResult = validateNationalIdentityNumber(broken);
    assert.equal(brokenResult.ok, false);
    assert.match(brokenResult.ok ? '' : brokenResult.reason, /check digits/);
  });
  it('explains wrong length and impossible dates', () => {
    const short = validateNationalIdentityNumber('123');
    assert.match(short.ok ? '' : short.reason, /11 digits/);
    const badDate = validateNationalIdentityNumber('32130750160');
    assert.match(badDate.ok ? '' : badDate.reason, /valid date/);
  });
});

describe('organisation numbers', () => {
  it('accepts valid numbers (Digdir 991825827) with spaces or 0192: prefix', () => {
    assert.deepEqual(validateOrganisationNumber('991 825 827'), { ok: true, kind: 'orgno', value: '991825827' });
    assert.equal(validateOrganisationNumber('0192:991825827').ok, true);
  });
  it('rejects a wrong check digit and wrong length with a reason', () => {
    const wrong = validateOrganisationNumber('991825828');
    assert.match(wrong.ok ? '' : wrong.reason, /check digit/);
    assert.match((validateOrganisationNumber('12345') as { reason: string }).reason, /9 digits/);
  });
  it('completes stems, or says a stem has no valid check digit', () => {
    assert.equal(organisationNumberFromStem('99182582'), '991825827');
    const results = Array.from({ length: 50 }, (_, i) => organisationNumberFromStem(String(31000000 + i)));
    assert.ok(
      results.some((r) => r === undefined),
      'some stems give remainder 10',
    );
    for (const r of results.filter(Boolean)) assert.equal(validateOrganisationNumber(r as string).ok, true);
  });
});

describe('party URNs', () => {
  it('parses person and organization URNs', () => {
    assert.deepEqual(parsePartyUrn('urn:altinn:organization:identifier-no:991825827'), {
      kind: 'organization',
      organisationNumber: '991825827',
    });
    assert.deepEqual(parsePartyUrn('urn:altinn:person:identifier-no:01010750160'), {
      kind: 'person',
      nationalIdentityNumber: '01010750160',
    });
    assert.equal(parsePartyUrn('urn:altinn:party:id:5'), undefined);
  });
});
