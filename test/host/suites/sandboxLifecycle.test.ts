import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './hostHelpers';

describe('sandbox: started on demand by the extension', () => {
  it('was not asked for by activation, starts when the sandbox profile needs a token, and answers on loopback', async () => {
    const { testHooks } = await activateExtension();
    assert.ok(testHooks);
    const { sandbox, connections } = testHooks.services;
    const running = () => sandbox.running;
    // Observed when activate() returned, whichever suite activated the extension first (other suites may have
    // used the sandbox since): asserting after a stop() would prove nothing about activation.
    assert.equal(testHooks.sandboxRequestedAtActivation, false, 'activation starts no sandbox');
    await sandbox.stop();
    assert.equal(running(), undefined, 'stopped before this test asks for it');
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const profile = connections.activeProfile;
    assert.equal(profile?.kind, 'sandbox');
    const state = await connections.refreshToken(profile!);
    assert.equal(state.status, 'valid', JSON.stringify(state));
    const handle = running();
    assert.ok(handle, 'the sandbox runs once a token was needed');
    assert.match(handle.urls.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const metadata = await fetch(`${handle.urls.maskinportenIssuer}.well-known/oauth-authorization-server`);
    assert.equal(metadata.status, 200);
    await sandbox.stop();
    await assert.rejects(
      fetch(`${handle.urls.maskinportenIssuer}.well-known/oauth-authorization-server`),
      'stopped: the port no longer answers',
    );
  });
});

describe('sandbox: restarted under a profile in use', () => {
  it("the active profile's next token comes from the restarted sandbox, on its new port, with no profile change", async () => {
    const { testHooks } = await activateExtension();
    assert.ok(testHooks);
    const { sandbox, connections } = testHooks.services;
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const profile = connections.activeProfile!;
    assert.equal((await connections.refreshToken(profile)).status, 'valid');
    const before = sandbox.running!;
    // "Use the Sandbox as an Accountant…" restarts it this way: the profiles stay as they are.
    await sandbox.stop();
    const after = await sandbox.ensureStarted();
    assert.notEqual(after.urls.baseUrl, before.urls.baseUrl, 'the restarted sandbox listens elsewhere');
    const state = await connections.refreshToken(profile, { force: true });
    assert.equal(state.status, 'valid', JSON.stringify(state));
    const token = await (await connections.tokenProvider(profile, 'altinn')).getToken();
    const parties = await fetch(`${after.urls.dialogportenBase}/api/v1/enduser/parties`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(parties.status, 200, 'the restarted sandbox accepts the token');
  });
});
