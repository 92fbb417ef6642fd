import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { systemUserFromClaims } from '../../../src/platform/auth/authorizationDetails';
import { decodeJwtUnverified } from '../../../src/platform/auth/jwtDecode';
import type { DiagnoseCause } from '../../../src/platform/diagnose';
import type { ChangeRequest, SystemDefinition } from '../../../src/platform/systemUsers';
import type { SandboxHandle } from '../../../src/sandbox';
import type { DiagnoseResult } from '../../../src/vscode/diagnose/registerDiagnose';
import type { InboxNode } from '../../../src/vscode/inbox/inboxNode';
import type { ConnectionProfile, MaskinportenProfile } from '../../../src/vscode/profiles/profile';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import type { RequestOutcome } from '../../../src/vscode/systems/requestWizard';
import type { SystemsNode } from '../../../src/vscode/systems/systemNodes';
import { rememberSecret } from './credentialHelpers';
import { activateExtension, printSummary, step } from './hostHelpers';

// Host tests of issue #16 against the embedded sandbox: the Systems view and its commands with scripted answers,
// the customer's approval over HTTP at the confirm URL (the sandbox's stand-in for Altinn's portal), the Inbox as
// the system user, and Diagnose on six broken set-ups.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = InboxNode & Record<string, any>;

describe('systems: register a system, request and approve a system user, use it, and diagnose what is broken', function () {
  this.timeout(180_000);
  let hooks: TestHooks;
  let prompts: ScriptedPrompts;
  let handle: SandboxHandle;
  let vendorOrg: string;
  let systemId: string;
  let keyFile: string;
  /** Customers: C gets a system user with every right, P a request left pending, R a system user with one right. */
  let customerC: string;
  let customerP: string;
  let customerR: string;
  const opened: vscode.TextDocument[] = [];

  const provider = () => hooks.systems.provider;
  const systemsChildren = async (node?: SystemsNode): Promise<SystemsNode[]> => provider().getChildren(node);

  async function systemRow(id: string): Promise<SystemsNode> {
    const roots = await systemsChildren();
    const row = roots.find((r) => r.kind === 'system' && r.systemId === id);
    assert.ok(row, `the Systems view lists ${id}: ${roots.map((r) => r.label).join(', ')}`);
    return row;
  }

  async function requestRows(id: string): Promise<SystemsNode[]> {
    const group = (await systemsChildren(await systemRow(id))).find((c) => c.id.endsWith('/requests'))!;
    return systemsChildren(group);
  }

  /** The customer answers at the confirm URL as the first person who may approve (an access manager). */
  async function answer(confirmUrl: string, decision: 'approve' | 'reject'): Promise<void> {
    const page = await (await fetch(confirmUrl)).text();
    const id = /name="id" value="([^"]+)"/.exec(page)?.[1];
    const person = /name="person" value="(\d{11})"[^>]*>[^<]*may approve/.exec(page)?.[1];
    assert.ok(id && person, 'the page offers an access manager to log in as');
    const response = await fetch(new URL(confirmUrl).origin + new URL(confirmUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id, person, decision }).toString(),
    });
    assert.equal(response.status, 200, await response.text());
  }

  async function request(organisation: string, rights: (items: readonly { id?: string }[]) => unknown, ref = '') {
    prompts.enqueue(organisation, rights, ref, 'No redirect');
    const outcome = await step(
      `request a system user for ${organisation}`,
      vscode.commands.executeCommand<RequestOutcome>('altinnInbox.requestSystemUser', { systemId }),
    );
    assert.ok(outcome, 'the request was sent');
    assert.equal(prompts.pending, 0);
    return outcome;
  }

  async function addMaskinportenProfile(
    scopes: string[],
    tokens: 'maskinporten' | 'altinn',
    systemUser?: string,
  ): Promise<MaskinportenProfile> {
    prompts.enqueue(
      'sandbox',
      handle.defaultClient.clientId,
      scopes,
      'jwk',
      keyFile,
      ...(systemUser ? ['systemUser', systemUser, ''] : ['none']),
      tokens,
    );
    const { profile } = await vscode.commands.executeCommand<{ profile: MaskinportenProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    assert.equal(prompts.pending, 0);
    return profile;
  }

  async function addSandboxSystemUser(organisationNumber: string): Promise<ConnectionProfile> {
    return hooks.services.profiles.add({
      kind: 'sandbox',
      environment: 'sandbox',
      label: `Sandbox system user for ${organisationNumber} (diagnose)`,
      identity: { type: 'systemUser', organisationNumber },
    });
  }

  before(async () => {
    const api = await activateExtension();
    assert.ok(api.testHooks);
    hooks = api.testHooks;
    prompts = new hooks.ScriptedPrompts();
    hooks.usePrompts(prompts);
    // A fresh sandbox: this suite moves the ready-made client id to a new system.
    await hooks.services.sandbox.stop();
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    handle = await hooks.services.sandbox.ensureStarted();
    const world = handle.context.world;
    vendorOrg = world.clients.find((c) => c.clientId === handle.defaultClient.clientId)!.ownerOrganisationNumber;
    const approvable = world.organisations
      .filter((o) => !o.parentOrganisationNumber && !o.isDeleted && o.organisationNumber !== vendorOrg)
      .map((o) => o.organisationNumber)
      .filter((org) =>
        [...world.personAccess.values()].some((grants) =>
          grants.some((g) => g.party.endsWith(`:${org}`) && (g.roles ?? []).includes('DAGL')),
        ),
      );
    assert.ok(approvable.length >= 3, `three customers with a daglig leder: ${approvable.join(', ')}`);
    [customerC, customerP, customerR] = approvable;
    keyFile = join(mkdtempSync(join(tmpdir(), 'aii-systems-')), 'sandbox-client.jwk.json');
    writeFileSync(keyFile, JSON.stringify(handle.defaultClient.privateJwk));
    rememberSecret(handle.defaultClient.privateJwk.d);
    rememberSecret(handle.defaultClient.privateJwk.p);
  });

  afterEach(async () => {
    for (const document of opened.splice(0)) {
      if (document.isClosed) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  after(async () => {
    hooks.usePrompts(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The next suite gets a fresh sandbox (with its client id back on the seeded system).
    await hooks.services.sandbox.stop();
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
  });

  it('registers a system: id <vendor>_<name>, rights picked from the list, the client id moved to it, JSON previewed', async () => {
    const seeded = (await systemsChildren()).filter((r) => r.kind === 'system');
    assert.equal(seeded.length, 1, 'the sandbox seeds one system for its client');
    prompts.enqueue(
      'host_suite',
      'Innboksleser (test)',
      'Inbox reader (test)',
      'Leser kundens innboks.',
      (items: readonly { id?: string }[]) => items.filter((i) => i.id !== '$other'),
      [],
      (items: readonly { id?: string; detail?: string }[]) => {
        assert.match(String(items[0].detail), /moves it here/, 'says the client id is on another system');
        return items;
      },
      'https://inbox-reader.example/receipt',
      true,
    );
    const definition = await step(
      'register a system',
      vscode.commands.executeCommand<SystemDefinition>('altinnInbox.registerSystem'),
    );
    assert.ok(definition, 'registered');
    systemId = definition.id;
    assert.equal(systemId, `${vendorOrg}_host_suite`);
    const preview = vscode.window.activeTextEditor?.document ?? vscode.workspace.textDocuments.at(-1);
    const previews = vscode.workspace.textDocuments.filter((d) => d.languageId === 'json' && d.isUntitled);
    assert.ok(
      previews.some((d) => JSON.parse(d.getText()).id === systemId),
      `the JSON was shown before sending (${preview?.languageId})`,
    );
    opened.push(...previews);
    await vscode.commands.executeCommand('altinnInbox.refreshSystems');
    const row = await systemRow(systemId);
    const details = await systemsChildren(row);
    assert.match(details[0].label, new RegExp(handle.defaultClient.clientId), 'lists the client id');
    const rights = await systemsChildren(details.find((d) => d.id.endsWith('/rights'))!);
    assert.equal(rights.length, handle.context.world.serviceOwners.flatMap((o) => o.resources).length);
    const old = await systemsChildren(await systemRow(seeded[0].systemId!));
    assert.equal(old[0].label, 'No client id', 'the seeded system gave its client id up');
  });

  it('requests a system user, shows it New, and after approval announces Accepted once; Use This System User shows the customer’s dialogs', async () => {
    const outcome = await request(customerC, (items) => items);
    assert.equal(outcome.created, true);
    assert.equal(outcome.request.status, 'New');
    assert.ok(outcome.request.confirmUrl?.startsWith(handle.urls.baseUrl), outcome.request.confirmUrl ?? '');
    const rows = await requestRows(systemId);
    const row = rows.find((r) => r.request?.request.id === outcome.request.id);
    assert.ok(row, 'the request is listed');
    assert.match(String(row.description), /^New · /);
    assert.match(row.contextValue, /\bhasConfirmUrl\b/);

    await answer(outcome.request.confirmUrl!, 'approve');
    const before = provider().announcements.length;
    await step('poll the pending requests', provider().poll());
    const announced = provider().announcements.slice(before);
    assert.deepEqual(
      announced.map((a) => `${a.organisation}:${a.status}`),
      [`${customerC}:Accepted`],
    );
    await provider().ready();
    await provider().poll();
    assert.equal(provider().announcements.length, before + 1, 'announced once');
    const users = await systemsChildren(
      (await systemsChildren(await systemRow(systemId))).find((c) => c.id.endsWith('/systemUsers'))!,
    );
    const user = users.find((u) => u.systemUser?.reporteeOrgNo === customerC);
    assert.ok(user, 'the new system user is listed under the system');

    const profile = await step(
      'use the system user',
      vscode.commands.executeCommand<ConnectionProfile>('altinnInbox.useSystemUser', user),
    );
    assert.equal(hooks.services.connections.activeProfile?.id, profile.id);
    const token = await (await hooks.services.connections.tokenProvider(profile, 'maskinporten')).getToken();
    const claimed = systemUserFromClaims(decodeJwtUnverified(token).claims);
    assert.equal(claimed?.organisationNumber, customerC);
    assert.equal(claimed?.systemId, systemId);
    assert.equal(claimed?.id, user.systemUser!.id);

    const inbox = hooks.inbox.provider;
    inbox.refresh();
    const parties = (await inbox.getChildren()) as Node[];
    const party = parties.find((p) => p.partyUrn === `urn:altinn:organization:identifier-no:${customerC}`);
    assert.ok(party, `the Inbox shows the customer: ${parties.map((p) => p.partyUrn).join(', ')}`);
    const dialogs = ((await inbox.getChildren(party)) as Node[]).filter((n) =>
      String(inbox.getTreeItem(n).contextValue ?? '')
        .split(' ')
        .includes('dialog'),
    );
    assert.ok(dialogs.length > 0, 'with its dialogs');

    // The test-message draft offers the customers of accepted system users as recipients.
    let offered: readonly (vscode.QuickPickItem & { id: string })[] = [];
    prompts.enqueue(
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => items.find((i) => i.id === 'customers'),
      (items: readonly (vscode.QuickPickItem & { id: string })[]) => {
        offered = items;
        return items.filter((i) => i.id === customerC);
      },
      undefined,
    );
    await vscode.commands.executeCommand('altinnInbox.draftTestMessageRequest');
    assert.equal(prompts.pending, 0, 'the draft asked for the source and the recipients, then was dismissed');
    const offeredCustomer = offered.find((i) => i.id === customerC);
    assert.ok(offeredCustomer, `the customer is offered: ${offered.map((i) => i.id).join(', ')}`);
    assert.match(String(offeredCustomer.label), /^Customer of /);
  });

  it('a rejected request is announced as Rejected and leaves no system user to use', async () => {
    const outcome = await request(customerC, (items) => items, 'rejected-one');
    await provider().ready();
    await answer(outcome.request.confirmUrl!, 'reject');
    const before = provider().announcements.length;
    await provider().poll();
    assert.deepEqual(
      provider()
        .announcements.slice(before)
        .map((a) => `${a.organisation}:${a.status}`),
      [`${customerC}:Rejected`],
    );
    const used = await vscode.commands.executeCommand('altinnInbox.useSystemUser', {
      systemId,
      organisation: customerC,
      externalRef: 'rejected-one',
    });
    assert.equal(used, undefined, 'no system user: the command fails with a message');
  });

  it('Diagnose names six broken set-ups correctly, each with evidence and a Fix, in a report without tokens', async () => {
    // Set-up material: a request left pending (P) and a system user whose rights cover one service only (R).
    await request(customerP, (items) => items);
    const partial = await request(customerR, (items) => items.slice(0, 1));
    await answer(partial.request.confirmUrl!, 'approve');
    const vendorScopes = [...handle.defaultClient.scopes];
    const setups: { name: string; expected: DiagnoseCause; profile: () => Promise<ConnectionProfile> }[] = [
      {
        name: 'a missing scope',
        expected: 'missing-scope',
        profile: () => addMaskinportenProfile(['altinn:correspondence.read'], 'maskinporten', customerC),
      },
      {
        name: 'no system user in the token',
        expected: 'no-system-user-in-token',
        profile: () => addMaskinportenProfile(vendorScopes, 'altinn'),
      },
      { name: 'a request still pending', expected: 'request-pending', profile: () => addSandboxSystemUser(customerP) },
      {
        name: 'rights that do not cover the service',
        expected: 'rights-do-not-cover',
        profile: () => addSandboxSystemUser(customerR),
      },
      {
        name: 'a wrong systemuser_org',
        expected: 'wrong-systemuser-org',
        profile: () => addSandboxSystemUser(vendorOrg),
      },
      {
        name: 'a plain Maskinporten token on the end-user API',
        expected: 'plain-maskinporten-token',
        profile: () => addMaskinportenProfile(vendorScopes, 'maskinporten'),
      },
    ];
    let named = 0;
    const misses: string[] = [];
    for (const setup of setups) {
      const profile = await setup.profile();
      await hooks.services.profiles.setActive(profile.id);
      const result = await step(
        `diagnose ${setup.name}`,
        vscode.commands.executeCommand<DiagnoseResult>('altinnInbox.diagnose', {
          profileId: profile.id,
          feature: 'dialogportenInbox',
        }),
        60,
      );
      assert.ok(result, `Diagnose ran for ${setup.name}`);
      opened.push(result.document);
      assert.equal(result.document.languageId, 'markdown');
      assert.equal(result.document.getText(), result.report);
      assert.ok(!/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(result.report), 'no token in the report');
      const failing = result.diagnosis.steps.find((s) => s.cause === result.diagnosis.cause);
      if (result.diagnosis.cause === setup.expected && failing?.fix && failing.evidence.length + 1 > 0) named++;
      else misses.push(`${setup.name}: ${result.diagnosis.cause ?? 'nothing'}\n${result.report}`);
    }
    printSummary(`[diagnose] ${setups.length} set-ups, ${named} named correctly`);
    assert.equal(named, setups.length, misses.join('\n\n'));
  });

  it('a request left alone times out and is announced once as Timedout', async () => {
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const outcome = await request(customerC, (items) => items, 'left-alone');
    await vscode.commands.executeCommand('altinnInbox.refreshSystems');
    const options = handle.context.options as { systemUserRequestTimeoutSeconds?: number };
    const before = provider().announcements.length;
    options.systemUserRequestTimeoutSeconds = 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await provider().poll();
    } finally {
      options.systemUserRequestTimeoutSeconds = undefined;
    }
    const announced = provider().announcements.slice(before);
    assert.ok(
      announced.some((a) => a.requestId === outcome.request.id && a.status === 'Timedout'),
      JSON.stringify(announced),
    );
    await provider().poll();
    assert.equal(
      provider().announcements.filter((a) => a.requestId === outcome.request.id).length,
      1,
      'announced once',
    );
  });
  it('a change request for an added right is listed New, and after approval at its confirm URL Accepted is announced once', async () => {
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const outcome = await request(customerC, (items) => items.slice(0, 1), 'change-me');
    await answer(outcome.request.confirmUrl!, 'approve');
    await vscode.commands.executeCommand('altinnInbox.refreshSystems');
    const systemUsers = async () =>
      systemsChildren((await systemsChildren(await systemRow(systemId))).find((c) => c.id.endsWith('/systemUsers'))!);
    const userRow = (rows: SystemsNode[]) =>
      rows.find((u) => u.systemUser?.reporteeOrgNo === customerC && u.systemUser.externalRef === 'change-me');
    const user = userRow(await systemUsers());
    assert.ok(user, 'the system user with one right is listed');
    assert.match(String(user.description), /· 1 right ·/);

    let added = '';
    prompts.enqueue((items: readonly { id?: string; picked?: boolean }[]) => {
      const extra = items.find((i) => i.id && !i.picked && i !== items[0]);
      assert.ok(extra, 'the system has a right the system user lacks');
      added = extra.id!;
      return [extra];
    });
    const change = await step(
      'send a change request',
      vscode.commands.executeCommand<ChangeRequest>('altinnInbox.changeSystemUserRequest', user),
    );
    assert.equal(prompts.pending, 0);
    assert.equal(change?.status, 'New');
    assert.ok(change.confirmUrl?.startsWith(handle.urls.baseUrl), change.confirmUrl ?? '');

    const changeRows = await systemsChildren(
      (await systemsChildren(await systemRow(systemId))).find((c) => c.id.endsWith('/changeRequests'))!,
    );
    const row = changeRows.find((r) => r.changeRequest?.id === change.id);
    assert.ok(row, `the change request is listed: ${changeRows.map((r) => r.id).join(', ')}`);
    assert.equal(row.label, customerC);
    assert.match(String(row.description), new RegExp(`^New · .* · \\+${added}$`));
    assert.match(row.contextValue, /^changeRequest new hasConfirmUrl$/);
    const copied = await vscode.commands.executeCommand<string>('altinnInbox.copySystemUserConfirmUrl', row);
    assert.equal(copied, change.confirmUrl, 'the request actions work on the row');

    await answer(change.confirmUrl!, 'approve');
    const before = provider().announcements.length;
    await step('poll the pending change request', provider().poll());
    const announced = () =>
      provider()
        .announcements.slice(before)
        .filter((a) => a.kind === 'changeRequest')
        .map((a) => `${a.requestId}:${a.organisation}:${a.status}`);
    assert.deepEqual(announced(), [`${change.id}:${customerC}:Accepted`]);
    await provider().ready();
    await provider().poll();
    assert.deepEqual(announced(), [`${change.id}:${customerC}:Accepted`], 'announced once');
    const after = userRow(await systemUsers());
    assert.match(String(after?.description), /· 2 rights ·/, 'the reload shows the added right');
  });
  it('a change request still New can be withdrawn from its row: asked first, then gone from Altinn and the view', async () => {
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const outcome = await request(customerC, (items) => items.slice(0, 1), 'withdraw-me');
    await answer(outcome.request.confirmUrl!, 'approve');
    await vscode.commands.executeCommand('altinnInbox.refreshSystems');
    const users = await systemsChildren(
      (await systemsChildren(await systemRow(systemId))).find((c) => c.id.endsWith('/systemUsers'))!,
    );
    const user = users.find(
      (u) => u.systemUser?.reporteeOrgNo === customerC && u.systemUser.externalRef === 'withdraw-me',
    );
    assert.ok(user, 'the system user to change');
    prompts.enqueue((items: readonly { id?: string; picked?: boolean }[]) => [
      items.find((i) => i.id && !i.picked && i !== items[0])!,
    ]);
    const change = await vscode.commands.executeCommand<ChangeRequest>('altinnInbox.changeSystemUserRequest', user);
    assert.equal(change?.status, 'New');
    const changeRows = async () =>
      systemsChildren(
        (await systemsChildren(await systemRow(systemId))).find((c) => c.id.endsWith('/changeRequests'))!,
      );
    const row = (await changeRows()).find((r) => r.changeRequest?.id === change.id);
    assert.ok(row, 'listed before it is withdrawn');

    prompts.enqueue(undefined); // "Cancel"
    await vscode.commands.executeCommand('altinnInbox.deleteSystemUserRequest', row);
    assert.ok(
      (await changeRows()).some((r) => r.changeRequest?.id === change.id),
      'declined: still listed',
    );
    prompts.enqueue('Delete');
    await step(
      'withdraw the change request',
      vscode.commands.executeCommand('altinnInbox.deleteSystemUserRequest', row),
    );
    assert.equal(prompts.pending, 0);
    assert.deepEqual(
      (await changeRows()).filter((r) => r.changeRequest?.id === change.id),
      [],
      'gone from the view',
    );
    const page = await fetch(change.confirmUrl!);
    assert.equal(page.status, 404, 'the approval page no longer offers it');
    assert.doesNotMatch(await page.text(), /may approve/, 'the customer can no longer approve it');
  });
});
