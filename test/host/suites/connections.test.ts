import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { featureChecklist } from '../../../src/platform/scopes';
import type { SandboxHandle } from '../../../src/sandbox';
import { profileChildren } from '../../../src/vscode/connections/profileNodes';
import type { NodeSpec } from '../../../src/vscode/connections/nodeSpec';
import type { TokenState } from '../../../src/vscode/tokenState';
import type { ConnectionProfile, MaskinportenProfile } from '../../../src/vscode/profiles/profile';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import type { InspectorModel } from '../../../src/vscode/tokenInspector/tokenInspectorModel';
import { rememberSecret } from './credentialHelpers';
import { activateExtension, discardUntitled } from './hostHelpers';

// Host tests of the Connections feature against the embedded sandbox: real commands, real SecretStorage,
// real Maskinporten grants to the sandbox's emulator.

function valid(state: TokenState): Extract<TokenState, { status: 'valid' }> {
  assert.equal(state.status, 'valid', JSON.stringify(state));
  return state as Extract<TokenState, { status: 'valid' }>;
}

const t = (message: string, ...args: (string | number | boolean)[]): string =>
  message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

describe('connections: tokens from the sandbox Maskinporten, scopes and the token inspector', function () {
  this.timeout(90_000);
  let hooks: TestHooks;
  let prompts: ScriptedPrompts;
  let handle: SandboxHandle;
  let keyFile: string;

  before(async () => {
    const api = await activateExtension();
    assert.ok(api.testHooks);
    hooks = api.testHooks;
    prompts = new hooks.ScriptedPrompts();
    hooks.usePrompts(prompts);
    handle = await hooks.services.sandbox.ensureStarted();
    keyFile = join(mkdtempSync(join(tmpdir(), 'aii-connections-')), 'sandbox-client.jwk.json');
    writeFileSync(keyFile, JSON.stringify(handle.defaultClient.privateJwk));
    rememberSecret(handle.defaultClient.privateJwk.d);
    rememberSecret(handle.defaultClient.privateJwk.p);
  });

  after(() => hooks.usePrompts(undefined));

  async function addSandboxClient(
    scopes: string[],
    systemUser?: { organisationNumber: string; externalRef?: string },
  ): Promise<MaskinportenProfile> {
    prompts.enqueue(
      'sandbox',
      handle.defaultClient.clientId,
      scopes,
      'jwk',
      keyFile,
      ...(systemUser ? ['systemUser', systemUser.organisationNumber, systemUser.externalRef ?? ''] : ['none']),
      'maskinporten',
    );
    const { profile } = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(prompts.pending, 0);
    return profile;
  }

  it('gets a token from the sandbox Maskinporten for an imported client key, without a system user', async () => {
    const { connections } = hooks.services;
    const profile = await addSandboxClient(['digdir:dialogporten', 'altinn:correspondence.read']);
    assert.equal(profile.environment, 'sandbox');
    const state = valid(await connections.refreshToken(profile));
    const vendor = handle.context.world.clients.find(
      (c) => c.clientId === handle.defaultClient.clientId,
    )!.ownerOrganisationNumber;
    assert.deepEqual(
      state.claims.consumer,
      { authority: 'iso6523-actorid-upis', ID: `0192:${vendor}` },
      'the token is issued to the vendor',
    );
    assert.equal(state.claims.authorization_details, undefined, 'no system user');
    assert.deepEqual([...state.scopes].sort(), ['altinn:correspondence.read', 'digdir:dialogporten']);
    assert.ok(state.expiresAt && state.expiresAt.getTime() > Date.now());
    rememberSecret(await (await connections.tokenProvider(profile, 'maskinporten')).getToken());
  });

  it('gets a system-user token for a customer (authorization_details) and shows who it acts for', async () => {
    const { connections } = hooks.services;
    const customer = handle.context.world.systemUsers.find(
      (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.delegatedResources.length > 0 && !u.externalRef,
    )!;
    const profile = await addSandboxClient(['digdir:dialogporten'], {
      organisationNumber: customer.organisationNumber,
    });
    assert.equal(profile.systemUserOrg, customer.organisationNumber);
    const state = valid(await connections.refreshToken(profile));
    const detail = (state.claims.authorization_details as Record<string, unknown>[])[0];
    assert.equal(detail.type, 'urn:altinn:systemuser');
    assert.deepEqual(detail.systemuser_org, {
      authority: 'iso6523-actorid-upis',
      ID: `0192:${customer.organisationNumber}`,
    });
    const rows = profileChildren({
      profile,
      state,
      nowMs: Date.now(),
      t,
      timeOfDay: (d) => d.toISOString().slice(11, 16),
    });
    const identity = rows.find((row) => row.kind === 'identity')!;
    assert.equal(identity.description, `system user for ${customer.organisationNumber}`);
    rememberSecret(await (await connections.tokenProvider(profile, 'maskinporten')).getToken());

    const withRef = handle.context.world.systemUsers.find(
      (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.externalRef,
    )!;
    const refProfile = await addSandboxClient(['digdir:dialogporten'], {
      organisationNumber: withRef.organisationNumber,
      externalRef: withRef.externalRef,
    });
    valid(await connections.refreshToken(refProfile));
  });

  it('explains a refused grant in plain words with Fix actions (wrong customer → MP-303)', async () => {
    const { connections } = hooks.services;
    const notCustomer = handle.context.world.organisations.find(
      (o) =>
        !handle.context.world.systemUsers.some((u) => u.organisationNumber === o.organisationNumber) && !o.isDeleted,
    )!;
    const profile = await addSandboxClient(['digdir:dialogporten'], {
      organisationNumber: notCustomer.organisationNumber,
    });
    const state = await connections.refreshToken(profile);
    assert.equal(state.status, 'error');
    assert.equal((state as { code?: string }).code, 'MP-303');
    const token = profileChildren({ profile, state, nowMs: Date.now(), t, timeOfDay: () => '' }).find(
      (row) => row.kind === 'token',
    )!;
    assert.match(token.label, /^Token error: /);
    const fixes = (token.children ?? [])
      .filter((row: NodeSpec) => row.kind === 'fix')
      .map((row) => row.command?.command);
    assert.ok(fixes.includes('altinnInbox.editProfile'), 'offers to change the system-user customer');

    // The fix: change the customer to one that approved the system user; the state follows.
    const customer = handle.context.world.systemUsers.find(
      (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.delegatedResources.length > 0 && !u.externalRef,
    )!;
    prompts.enqueue('systemUser', customer.organisationNumber, '');
    await vscode.commands.executeCommand('altinnInbox.editProfile', { profileId: profile.id, field: 'systemUser' });
    assert.equal(
      connections.tokenState(profile.id).status,
      'unknown',
      'the old error is forgotten when the profile changes',
    );
    valid(await connections.refreshToken(hooks.services.profiles.get(profile.id)!));
  });

  it('changes the feature checklist when the scopes change', async () => {
    const { connections, profiles } = hooks.services;
    const profile = await addSandboxClient(['digdir:dialogporten']);
    const before = valid(await connections.refreshToken(profile));
    const checklist = (state: { scopes: readonly string[] }) =>
      Object.fromEntries(featureChecklist(state.scopes).map((f) => [f.feature, f.satisfied]));
    assert.equal(checklist(before).dialogportenInbox, true);
    assert.equal(checklist(before).correspondence, false);
    const missingRow = profileChildren({ profile, state: before, nowMs: Date.now(), t, timeOfDay: () => '' })
      .find((row) => row.kind === 'scopes')!
      .children!.find((row) => row.id.endsWith(':correspondence'))!;
    assert.equal(missingRow.contextValue, 'feature;missing');
    assert.deepEqual(
      missingRow.missingScopes,
      ['altinn:correspondence.read'],
      '"Draft scope request" gets the missing scope',
    );

    prompts.enqueue(['digdir:dialogporten', 'altinn:correspondence.read', 'altinn:accessmanagement/authorizedparties']);
    await vscode.commands.executeCommand('altinnInbox.editProfile', { profileId: profile.id, field: 'scopes' });
    const after = valid(await connections.refreshToken(profiles.get(profile.id)!));
    assert.equal(checklist(after).correspondence, true, 'the new scope ticks Correspondence');
    assert.equal(checklist(after).authorizedParties, true);
    assert.equal(checklist(after).systemRegister, false);
  });

  it('a plain Maskinporten client: the inbox feature needs a system user, and its Fix adds one; the exchanged token shows the system user', async () => {
    const { connections, profiles } = hooks.services;
    const profile = await addSandboxClient(['digdir:dialogporten', 'altinn:correspondence.read']);
    const inboxRow = (p: ConnectionProfile, state: TokenState): NodeSpec =>
      profileChildren({ profile: p, state, nowMs: Date.now(), t, timeOfDay: () => '' })
        .find((row) => row.kind === 'scopes')!
        .children!.find((row) => row.id.endsWith(':dialogportenInbox'))!;
    const plain = inboxRow(profile, valid(await connections.refreshToken(profile)));
    assert.equal(plain.contextValue, 'feature;needsEndUser');
    assert.equal(plain.description, 'needs a system user (or a person)');
    const fix = plain.children!.find((row) => row.kind === 'fix')!;
    assert.equal(fix.label, 'Add a system user to the profile…');

    const customer = handle.context.world.systemUsers.find(
      (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.delegatedResources.length > 0 && !u.externalRef,
    )!;
    prompts.enqueue('systemUser', customer.organisationNumber, '');
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.equal(prompts.pending, 0, "the Fix opened the profile's system-user step");
    const edited = profiles.get(profile.id)!;
    const state = valid(await connections.refreshToken(edited));
    assert.equal(inboxRow(edited, state).contextValue, 'feature;ready', 'with a system user the inbox is ready');
    const token = await (await connections.tokenProvider(edited, 'altinn')).getToken();
    rememberSecret(token);
    const exchanged = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    assert.ok(
      exchanged.authorization_details && !Array.isArray(exchanged.authorization_details),
      'the exchanged token carries the entry as an object',
    );
    const model = await vscode.commands.executeCommand<InspectorModel>('altinnInbox.inspectToken', { token });
    assert.equal(
      model.identity.systemUserOrganisationNumber,
      customer.organisationNumber,
      'the inspector reads the object form',
    );
    assert.equal(model.identity.systemUserId, customer.id);
  });

  it('switches the active profile from the palette and with a tree row argument', async () => {
    const { profiles } = hooks.services;
    const list = profiles.list();
    const target = list.find((p) => p.id !== profiles.active()?.id)!;
    prompts.enqueue(target.id);
    await vscode.commands.executeCommand('altinnInbox.switchProfile');
    assert.equal(profiles.active()?.id, target.id);
    const other = list.find((p) => p.id !== target.id)!;
    await vscode.commands.executeCommand('altinnInbox.activateProfile', { profileId: other.id, kind: 'profile' });
    assert.equal(profiles.active()?.id, other.id);
    assert.ok(
      prompts.asked.some(
        (q) => q.kind === 'pick' && q.items?.some((label) => label.includes('Add a Maskinporten client')),
      ),
      'the switcher also offers to add a profile',
    );
  });

  it('inspects a token: claims explained, signature verified against the sandbox issuer, a tampered one refused, tt02 unreachable offline', async () => {
    const { connections, profiles } = hooks.services;
    const profile = profiles
      .list()
      .find(
        (p): p is MaskinportenProfile => p.kind === 'maskinporten' && p.environment === 'sandbox' && !p.systemUserOrg,
      )!;
    const model = await vscode.commands.executeCommand<InspectorModel>('altinnInbox.inspectToken', {
      profileId: profile.id,
    });
    assert.equal(model.kind, 'maskinporten');
    assert.equal(model.verdict.state, 'verified', model.verdict.text);
    assert.match(model.claims.find((c) => c.name === 'scope')?.meaning ?? '', /Scopes/);
    assert.equal(model.expiry.state, 'valid');
    const token = await (await connections.tokenProvider(profile, 'maskinporten')).getToken();
    const serialised = JSON.stringify(model);
    assert.ok(
      !serialised.includes(token) && !serialised.includes(token.split('.')[2]),
      'the model (all the webview gets) holds no token',
    );
    const inspectorOpen = (): boolean =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some(
          (tab) =>
            tab.input instanceof vscode.TabInputWebview && /altinnInbox\.tokenInspector/.test(tab.input.viewType),
        );
    for (let i = 0; i < 50 && !inspectorOpen(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(inspectorOpen(), 'the inspector panel is open');

    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'altinn:serviceowner' })).toString('base64url')}.${token.split('.')[2]}`;
    const refused = await vscode.commands.executeCommand<InspectorModel>('altinnInbox.inspectToken', {
      token: tampered,
    });
    assert.equal(refused.verdict.state, 'bad-signature', refused.verdict.text);

    const foreign = `${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://test.maskinporten.no/', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.c2ln`;
    const offline = await vscode.commands.executeCommand<InspectorModel>('altinnInbox.inspectToken', {
      token: foreign,
    });
    assert.equal(offline.verdict.state, 'unreachable', offline.verdict.text);

    // From the editor selection.
    const document = await vscode.workspace.openTextDocument({ content: `Authorization: Bearer ${token}\n` });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, document.lineAt(0).text.length);
    const fromSelection = await vscode.commands.executeCommand<InspectorModel>('altinnInbox.inspectToken');
    assert.match(fromSelection.source, /Selection/);
    assert.equal(fromSelection.verdict.state, 'verified');
    await discardUntitled();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps sandbox profiles working after "Use the sandbox": person and system user both get tokens', async () => {
    const { connections, profiles } = hooks.services;
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const sandboxProfiles = profiles
      .list()
      .filter((p): p is Extract<ConnectionProfile, { kind: 'sandbox' }> => p.kind === 'sandbox');
    assert.deepEqual(sandboxProfiles.map((p) => p.identity.type).sort(), ['person', 'systemUser']);
    for (const profile of sandboxProfiles) {
      const state = valid(await connections.refreshToken(profile));
      rememberSecret(await (await connections.tokenProvider(profile, 'maskinporten')).getToken());
      if (profile.identity.type === 'person') assert.equal(typeof state.claims.pid, 'string');
    }
  });
});
