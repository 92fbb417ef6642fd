import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FEATURES,
  SCOPE_CATALOGUE,
  describeScope,
  featureChecklist,
  groupScopesByProduct,
  parseScopeClaim,
} from '../../../src/platform/scopes';

const SHARED = path.resolve(__dirname, '../../../../shared');

describe('scope catalogue', () => {
  it('names only scopes that occur in the reference file it cites', () => {
    for (const info of SCOPE_CATALOGUE) {
      const text = readFileSync(path.join(SHARED, info.source), 'utf8');
      assert.ok(text.includes(`\`${info.scope}\``), `${info.scope} is not in ${info.source}`);
    }
  });

  it('has each scope once, with both an English and a bokmål purpose', () => {
    assert.equal(new Set(SCOPE_CATALOGUE.map((info) => info.scope)).size, SCOPE_CATALOGUE.length);
    for (const info of SCOPE_CATALOGUE) {
      assert.ok(info.purpose.en.length > 20 && info.purpose.nb.length > 20, info.scope);
      assert.notEqual(info.purpose.en, info.purpose.nb, info.scope);
    }
  });

  it('requires only catalogue scopes in features, and lists each feature on its scopes', () => {
    for (const feature of FEATURES) {
      for (const scope of feature.requires.flat()) {
        const info = describeScope(scope);
        assert.ok(info, `${feature.id} requires ${scope}, which is not in the catalogue`);
        assert.ok(info.features.includes(feature.id), `${scope} does not list ${feature.id}`);
      }
    }
    for (const info of SCOPE_CATALOGUE) {
      for (const feature of info.features)
        assert.ok(
          FEATURES.find((f) => f.id === feature)
            ?.requires.flat()
            .includes(info.scope),
          `${info.scope} → ${feature}`,
        );
    }
  });

  describe('featureChecklist', () => {
    it('marks every feature missing its preferred scopes when nothing is granted', () => {
      assert.deepEqual(featureChecklist([]), [
        { feature: 'dialogportenInbox', satisfied: false, missing: ['digdir:dialogporten'], needsEndUser: false },
        { feature: 'correspondence', satisfied: false, missing: ['altinn:correspondence.read'], needsEndUser: false },
        {
          feature: 'authorizedParties',
          satisfied: false,
          missing: ['altinn:accessmanagement/authorizedparties'],
          needsEndUser: false,
        },
        {
          feature: 'systemRegister',
          satisfied: false,
          missing: ['altinn:authentication/systemregister.write'],
          needsEndUser: false,
        },
        {
          feature: 'systemUserRequests',
          satisfied: false,
          missing: ['altinn:authentication/systemuser.request.write', 'altinn:authentication/systemuser.request.read'],
          needsEndUser: false,
        },
        { feature: 'events', satisfied: false, missing: ['altinn:events.subscribe'], needsEndUser: false },
      ]);
    });

    it('handles a typical system-user token with some scopes', () => {
      const status = featureChecklist(
        parseScopeClaim(
          'digdir:dialogporten altinn:correspondence.read  altinn:authentication/systemuser.request.read',
        ),
      );
      assert.deepEqual(
        status.map(({ feature, satisfied, missing }) => [feature, satisfied, missing]),
        [
          ['dialogportenInbox', true, []],
          ['correspondence', true, []],
          ['authorizedParties', false, ['altinn:accessmanagement/authorizedparties']],
          ['systemRegister', false, ['altinn:authentication/systemregister.write']],
          ['systemUserRequests', false, ['altinn:authentication/systemuser.request.write']],
          ['events', false, ['altinn:events.subscribe']],
        ],
      );
    });

    it('accepts the documented alternatives', () => {
      const status = featureChecklist(['digdir:dialogporten.noconsent', 'altinn:portal/enduser']);
      assert.equal(status.find((s) => s.feature === 'dialogportenInbox')?.satisfied, true);
      assert.equal(status.find((s) => s.feature === 'authorizedParties')?.satisfied, true);
    });

    it('requires a person or a system user for the Dialogporten inbox, whatever the scopes', () => {
      const scopes = ['digdir:dialogporten', 'altinn:correspondence.read'];
      const organisation = featureChecklist(scopes, { endUser: false });
      assert.deepEqual(
        organisation.find((s) => s.feature === 'dialogportenInbox'),
        { feature: 'dialogportenInbox', satisfied: false, missing: [], needsEndUser: true },
      );
      assert.equal(
        organisation.find((s) => s.feature === 'correspondence')?.satisfied,
        true,
        'Correspondence has no user-type gate',
      );
      assert.deepEqual(
        featureChecklist(['altinn:events.subscribe'], { endUser: false }).find(
          (s) => s.feature === 'dialogportenInbox',
        ),
        { feature: 'dialogportenInbox', satisfied: false, missing: ['digdir:dialogporten'], needsEndUser: true },
      );
      assert.equal(
        featureChecklist(scopes, { endUser: true }).find((s) => s.feature === 'dialogportenInbox')?.satisfied,
        true,
      );
      assert.equal(
        featureChecklist(scopes).find((s) => s.feature === 'dialogportenInbox')?.satisfied,
        true,
        'unknown identity: scopes decide',
      );
    });

    it('satisfies every feature when all vendor scopes are granted', () => {
      const all = SCOPE_CATALOGUE.filter((info) => info.forVendors).map((info) => info.scope);
      assert.ok(featureChecklist(all).every((status) => status.satisfied && status.missing.length === 0));
    });
  });

  describe('groupScopesByProduct', () => {
    it('groups in product and catalogue order and keeps unknown scopes under "other"', () => {
      const groups = groupScopesByProduct([
        'altinn:events.subscribe',
        'skatteetaten:mva',
        'altinn:correspondence.read',
        'digdir:dialogporten',
        'altinn:authentication/systemuser.request.read',
        'altinn:authentication/systemregister.write',
        'digdir:dialogporten',
        'openid',
      ]);
      assert.deepEqual(
        groups.map((group) => [group.product, group.scopes]),
        [
          ['dialogporten', ['digdir:dialogporten']],
          ['correspondence', ['altinn:correspondence.read']],
          [
            'authentication',
            ['altinn:authentication/systemregister.write', 'altinn:authentication/systemuser.request.read'],
          ],
          ['events', ['altinn:events.subscribe']],
          ['other', ['skatteetaten:mva', 'openid']],
        ],
      );
      assert.deepEqual(groups.at(-1)?.label, { en: 'Other scopes', nb: 'Andre scopes' });
    });

    it('returns nothing for no scopes', () => {
      assert.deepEqual(groupScopesByProduct([]), []);
    });
  });
});
