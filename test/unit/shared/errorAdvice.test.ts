import assert from 'node:assert/strict';
import { DialogportenClient, isUserTypeRefusal } from '../../../src/platform/dialogporten';
import { ApiError } from '../../../src/platform/errors';
import { HttpClient } from '../../../src/platform/http';
import { adviseOnError } from '../../../src/vscode/shared/errorAdvice';
import { sandboxSystemUsers, sandboxToken, useSandbox, type SandboxTokenOptions } from '../helpers/sandbox';

describe("inbox error advice for Dialogporten's user-type refusal (real answers from the sandbox)", () => {
  const sandbox = useSandbox({ dialogs: 10 });
  let http: HttpClient;
  before(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
  });
  after(() => http.close());

  const client = (options: SandboxTokenOptions): DialogportenClient => {
    let token: Promise<string> | undefined;
    return new DialogportenClient({
      baseUrl: sandbox().urls.dialogportenBase,
      http,
      getToken: () => (token ??= sandboxToken(sandbox(), options)),
    });
  };
  const failure = (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => assert.fail('expected a refusal'),
      (e: unknown) => e,
    );

  it('a plain Maskinporten token: "this API needs a system user", a Fix that adds one, no scope request', async () => {
    for (const options of [{ scopes: ['digdir:dialogporten'] }, { scopes: ['digdir:dialogporten'], altinn: true }]) {
      const error = await failure(client(options).getParties());
      assert.ok(error instanceof ApiError && error.status === 403, String(error));
      assert.ok(isUserTypeRefusal(error));
      const advice = adviseOnError(error, 'parties');
      assert.equal(
        advice.title,
        'Could not load parties: this API needs a system user (or a person); add one to the profile',
      );
      assert.equal(advice.needsEndUser, true);
      assert.equal(advice.fixConnection, true);
      assert.equal(advice.missingScope, false, 'no scope request: no scope would help');
      assert.match(advice.detail, /system user/);
      assert.match(advice.detail, /unable to determine valid user type/, "the service's own words stay in the detail");
      assert.doesNotMatch(advice.detail, /eyJ[\w-]+\./, 'no token in the text');
    }
  });

  it('a token without the scope is still "a scope is probably missing"; a system user and a person load', async () => {
    const missingScope = await failure(client({ scopes: ['altinn:correspondence.read'], person: true }).getParties());
    assert.ok(!isUserTypeRefusal(missingScope));
    const advice = adviseOnError(missingScope, 'parties');
    assert.ok(advice.missingScope && !advice.needsEndUser, advice.title);

    const user = sandboxSystemUsers(sandbox()).find((u) => u.delegatedResources.length > 0)!;
    assert.ok(
      (await client({ scopes: ['digdir:dialogporten'], systemUserOrg: user.organisationNumber }).getParties())
        .authorizedParties.length > 0,
    );
    assert.ok(
      (await client({ scopes: ['digdir:dialogporten'], person: true }).getParties()).authorizedParties.length > 0,
    );
  });
});
