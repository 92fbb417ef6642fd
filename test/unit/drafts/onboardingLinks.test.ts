import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ONBOARDING_LINKS, SERVICEDESK_EMAIL } from '../../../src/platform/links';

const SHARED = path.resolve(__dirname, '../../../../shared');
const sources = [
  'seed/systemleverandor-kom-i-gang.md',
  'reference/AUTH-AND-CORRESPONDENCE.md',
  'reference/dialogporten/SUMMARY.md',
]
  .map((file) => readFileSync(path.join(SHARED, file), 'utf8'))
  .join('\n');

describe('onboarding links', () => {
  for (const [id, url] of Object.entries(ONBOARDING_LINKS)) {
    it(`${id} comes from the seed page or the references`, () => {
      const withoutTrailingSlash = url.replace(/\/$/, '');
      const bareHost = withoutTrailingSlash.replace(/^https:\/\//, '');
      assert.ok(sources.includes(withoutTrailingSlash) || sources.includes(bareHost), url);
      assert.match(url, /^https:\/\//);
    });
  }
  it('has the servicedesk address from the seed page', () => {
    assert.ok(sources.includes(`mailto:${SERVICEDESK_EMAIL}`));
  });
});
