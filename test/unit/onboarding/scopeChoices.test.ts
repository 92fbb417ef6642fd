import assert from 'node:assert/strict';
import { missingScopes, parseTypedScopes, scopeChoiceGroups } from '../../../src/vscode/onboarding/scopeChoices';

describe('onboarding: the scope picker', () => {
  it("offers the vendor scopes grouped by product in the catalogue's order, each with one line on what it unlocks", () => {
    const groups = scopeChoiceGroups({ preselected: [], granted: [] });
    assert.deepEqual(
      groups.map((group) => group.product),
      ['dialogporten', 'correspondence', 'authentication', 'events', 'accessManagement'],
    );
    assert.deepEqual(
      groups.map((group) => group.choices.map((choice) => choice.scope)),
      [
        ['digdir:dialogporten'],
        ['altinn:correspondence.read'],
        [
          'altinn:authentication/systemregister.write',
          'altinn:authentication/systemuser.request.write',
          'altinn:authentication/systemuser.request.read',
        ],
        ['altinn:events.subscribe'],
        ['altinn:accessmanagement/authorizedparties'],
      ],
    );
    for (const choice of groups.flatMap((group) => group.choices)) {
      assert.ok(
        choice.purpose && !choice.purpose.en.includes('\n') && !choice.purpose.nb.includes('\n'),
        `${choice.scope} has a one-line purpose in en and nb`,
      );
      assert.equal(choice.picked, false);
    }
  });

  it('preselects the given scopes, shows a preselected service-owner scope with its flag, and unknown ones under "Other scopes"', () => {
    const groups = scopeChoiceGroups({
      preselected: ['altinn:correspondence.write', 'altinn:correspondence.read', 'acme:custom.scope'],
      granted: ['digdir:dialogporten'],
    });
    const correspondence = groups.find((group) => group.product === 'correspondence')!;
    assert.deepEqual(
      correspondence.choices.map((choice) => [choice.scope, choice.picked, choice.forVendors]),
      [
        ['altinn:correspondence.read', true, true],
        ['altinn:correspondence.write', true, false],
      ],
    );
    const other = groups.at(-1)!;
    assert.equal(other.product, 'other');
    assert.equal(other.label.en, 'Other scopes');
    assert.deepEqual(
      other.choices.map((choice) => [choice.scope, choice.picked, choice.purpose]),
      [['acme:custom.scope', true, undefined]],
    );
    const dialogporten = groups.find((group) => group.product === 'dialogporten')!;
    assert.deepEqual(
      dialogporten.choices.map((choice) => [choice.scope, choice.granted, choice.picked]),
      [['digdir:dialogporten', true, false]],
    );
  });

  it('finds the scopes a token lacks: the preferred scope of each unmet requirement, once each', () => {
    assert.deepEqual(
      missingScopes([
        'digdir:dialogporten',
        'altinn:portal/enduser',
        'altinn:authentication/systemregister.write',
        'altinn:authentication/systemuser.request.read',
      ]),
      ['altinn:correspondence.read', 'altinn:authentication/systemuser.request.write', 'altinn:events.subscribe'],
    );
    assert.deepEqual(
      missingScopes([
        'digdir:dialogporten.noconsent',
        'altinn:correspondence.read',
        'altinn:accessmanagement/authorizedparties',
        'altinn:authentication/systemregister.write',
        'altinn:authentication/systemuser.request.write',
        'altinn:authentication/systemuser.request.read',
        'altinn:events.subscribe',
      ]),
      [],
      'an alternative scope satisfies the feature',
    );
  });

  it('offers the system-user scopes but never preselects them: they come with the vendor registration form, not servicedesk', () => {
    const groups = scopeChoiceGroups({
      preselected: [
        'altinn:authentication/systemregister.write',
        'altinn:authentication/systemuser.request.write',
        'digdir:dialogporten',
      ],
      granted: [],
    });
    const authentication = groups.find((group) => group.product === 'authentication')!;
    assert.deepEqual(
      authentication.choices.map((choice) => [choice.scope, choice.picked, choice.viaRegistrationForm]),
      [
        ['altinn:authentication/systemregister.write', false, true],
        ['altinn:authentication/systemuser.request.write', false, true],
        ['altinn:authentication/systemuser.request.read', false, true],
      ],
    );
    assert.deepEqual(
      groups
        .find((group) => group.product === 'dialogporten')!
        .choices.map((choice) => [choice.picked, choice.viaRegistrationForm]),
      [[true, false]],
    );
  });

  it('reads scopes typed by hand and explains one that is not a scope', () => {
    assert.deepEqual(parseTypedScopes('altinn:a.read, altinn:b/c.write altinn:a.read'), {
      scopes: ['altinn:a.read', 'altinn:b/c.write'],
    });
    assert.match(parseTypedScopes('altinn:a.read nonsense').problem ?? '', /"nonsense" does not look like a scope/);
  });
});
