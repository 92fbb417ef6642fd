import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  explainMaskinportenError,
  MP_CODE_EXPLANATIONS,
} from '../../../src/platform/auth/maskinportenErrorExplanations';

const REFERENCE = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'AUTH-AND-CORRESPONDENCE.md');

describe('Maskinporten error explanations', () => {
  it('explains every MP code named in the reference notes', () => {
    const codes = [...new Set(readFileSync(REFERENCE, 'utf8').match(/MP-\d{3}/g) ?? [])];
    assert.ok(codes.length >= 15, `found ${codes.length} codes in the reference`);
    for (const code of codes) {
      const explanation = explainMaskinportenError({
        status: 400,
        error: 'invalid_grant',
        error_description: `Something (${code}) (trace_id: abc)`,
      });
      assert.equal(explanation.mpCode, code);
      assert.ok(MP_CODE_EXPLANATIONS[code], `${code} has an explanation`);
      assert.equal(explanation.summary, MP_CODE_EXPLANATIONS[code].summary);
    }
  });

  it('names the likely cause in plain words for the common mistakes', () => {
    assert.match(
      explainMaskinportenError({ error: 'invalid_grant', error_description: 'Invalid audience (MP-110)' }).likelyCause,
      /wrong env|token URL/,
    );
    assert.match(
      explainMaskinportenError({ error: 'invalid_grant', error_description: 'JWT expired (MP-130)' }).likelyCause,
      /clock/,
    );
    assert.match(
      explainMaskinportenError({ error: 'invalid_scope', error_description: 'Invalid scope (MP-200)' }).likelyCause,
      /not added to the client/,
    );
    assert.match(
      explainMaskinportenError({ error: 'invalid_authorization_details', error_description: 'x (MP-303)' }).likelyCause,
      /no system user/,
    );
    assert.match(
      explainMaskinportenError({ error: 'invalid_grant', error_description: 'Issue time is after now' }).likelyCause,
      /clock is ahead/,
    );
  });

  it('falls back to the OAuth error when there is no MP code', () => {
    assert.match(explainMaskinportenError({ error: 'unsupported_grant_type' }).fix, /JWT-bearer/);
    assert.match(explainMaskinportenError({ status: 503, error: 'weird' }).likelyCause, /weird/);
  });
});
