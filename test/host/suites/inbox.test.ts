import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { flattenAuthorizedParties, partyUrnOf } from '../../../src/platform/access';
import type { DialogListItem } from '../../../src/platform/dialogporten/schemas/dialogListItem';
import { effectiveSystemLabels } from '../../../src/platform/dialogporten/schemas/tolerance';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { createApiClients, type ApiClients } from '../../../src/vscode/shared/apiClients';
import { isCorrespondenceType } from '../../../src/vscode/inbox/correspondenceResources';
import type { InboxNode } from '../../../src/vscode/inbox/inboxNode';
import type { InboxTestInternals } from '../../../src/vscode/inbox/registerInbox';
import type { ConnectionProfile } from '../../../src/vscode/profiles/profile';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { rememberSecret } from './credentialHelpers';
import { activateExtension, closeDialogPanels } from './hostHelpers';

// Host tests of the Inbox tree against the extension's embedded sandbox: the real tree provider, real commands,
// real HTTP to the sandbox. Nodes come from the extension's bundle, so they are recognised by their context
// tokens and fields, never by instanceof.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = InboxNode & Record<string, any>;

describe('inbox-tree: parties, dialogs, paging, filters and side effects', function () {
  this.timeout(120_000);
  let hooks: TestHooks;
  let internals: InboxTestInternals;
  let prompts: ScriptedPrompts;

  const item = (node: Node): vscode.TreeItem => internals.provider.getTreeItem(node);
  const tokens = (node: Node): string[] => (item(node).contextValue ?? '').split(' ');
  const has = (node: Node, token: string): boolean => tokens(node).includes(token);
  const label = (node: Node): string => {
    const value = item(node).label;
    return typeof value === 'string' ? value : (value?.label ?? '');
  };
  const children = async (node?: Node): Promise<Node[]> => (await internals.provider.getChildren(node)) as Node[];
  const clients = async (): Promise<ApiClients> =>
    createApiClients(hooks.services, hooks.services.connections.activeProfile!);

  async function personParty(): Promise<Node> {
    const roots = await children();
    const person = roots.find((r) => has(r, 'party') && r.party?.isCurrentEndUser);
    assert.ok(person, `the user's own party is listed: ${roots.map(label).join(', ')}`);
    return person;
  }

  /** A fresh tree for the sandbox person (other suites may have switched profiles or restarted the sandbox). */
  async function resetToSandboxPerson(): Promise<void> {
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const person = hooks.services.connections.activeProfile!;
    await hooks.services.profiles.setActive(person.id);
    internals.provider.clearFilters();
    internals.provider.refresh();
  }

  before(async () => {
    const api = await activateExtension();
    assert.ok(api.testHooks, 'test hooks');
    hooks = api.testHooks;
    internals = hooks.inbox;
    assert.ok(internals?.provider, 'the inbox exposes its provider to tests');
    prompts = new hooks.ScriptedPrompts();
    hooks.usePrompts(prompts);
    await resetToSandboxPerson();
  });

  after(async () => {
    hooks.usePrompts(undefined);
    await closeDialogPanels(); // the panel "opening it does (mark it seen)" opened
  });

  it('expands parties → dialogs → transmissions, with sub-units nested and deleted parties only on request', async () => {
    const handle = await hooks.services.sandbox.ensureStarted();
    const world = handle.context.world;
    const roots = await children();
    const person = await personParty();
    assert.equal(roots[0], person, 'the user comes first');
    assert.equal(label(person), world.defaultPerson.name.toUpperCase());
    const mainWithSubs = world.organisations.find(
      (o) =>
        !o.parentOrganisationNumber &&
        !o.isDeleted &&
        world.organisations.some((s) => s.parentOrganisationNumber === o.organisationNumber),
    )!;
    const mainNode = roots.find(
      (r) => r.partyUrn === `urn:altinn:organization:identifier-no:${mainWithSubs.organisationNumber}`,
    )!;
    assert.ok(mainNode, 'the main unit is a root');
    const subUnits = (await children(mainNode)).filter((c) => has(c, 'subunit'));
    assert.deepEqual(
      subUnits.map((s) => s.partyUrn).sort(),
      world.organisations
        .filter((s) => s.parentOrganisationNumber === mainWithSubs.organisationNumber)
        .map((s) => `urn:altinn:organization:identifier-no:${s.organisationNumber}`)
        .sort(),
    );
    assert.ok(
      !roots.some((r) => subUnits.some((s) => s.partyUrn === r.partyUrn)),
      'sub-units are not repeated at the top',
    );
    const deleted = world.organisations.find((o) => o.isDeleted)!;
    const deletedUrn = `urn:altinn:organization:identifier-no:${deleted.organisationNumber}`;
    assert.ok(!roots.some((r) => r.partyUrn === deletedUrn), 'deleted parties are hidden');
    for (const live of world.organisations.filter(
      (o) => o.parentOrganisationNumber === deleted.organisationNumber && !o.isDeleted,
    )) {
      assert.ok(
        roots.some((r) => r.partyUrn === `urn:altinn:organization:identifier-no:${live.organisationNumber}`),
        'a live sub-unit of a deleted main unit stays reachable',
      );
    }
    assert.ok(
      roots.some((r) => has(r, 'deletedHidden')),
      'a row says deleted parties are hidden',
    );
    await vscode.commands.executeCommand('altinnInbox.showDeletedParties');
    const withDeleted = await children();
    assert.ok(
      withDeleted.some((r) => r.partyUrn === deletedUrn && has(r, 'deleted')),
      'shown on request',
    );
    await vscode.commands.executeCommand('altinnInbox.hideDeletedParties');
    assert.ok(!(await children()).some((r) => r.partyUrn === deletedUrn));

    const personChildren = await children(await personParty());
    assert.ok(has(personChildren[0], 'correspondenceGroup'), 'correspondence first');
    const dialogs = personChildren.filter((c) => has(c, 'dialog'));
    assert.equal(dialogs.length, 100, 'one page of the default page size');
    assert.ok(has(personChildren.at(-1)!, 'loadMore'), '"Load more…" ends the list');
    for (let i = 1; i < dialogs.length; i++) {
      assert.ok(
        Date.parse(dialogs[i - 1].item.contentUpdatedAt) >= Date.parse(dialogs[i].item.contentUpdatedAt),
        'newest content first',
      );
    }
    const withTransmissions = dialogs.find(
      (d) => (d.item.fromServiceOwnerTransmissionsCount ?? 0) + (d.item.fromPartyTransmissionsCount ?? 0) >= 2,
    )!;
    assert.ok(withTransmissions);
    const groups = await children(withTransmissions);
    assert.deepEqual(groups.map(label), ['Transmissions', 'Attachments', 'Activities', 'Seen log', 'Label log']);
    const transmissions = await children(groups[0]);
    const expected = await (await clients()).dialogporten.listTransmissions(withTransmissions.dialogId);
    const flat: Node[] = [];
    const walk = async (nodes: Node[], parentId?: string): Promise<void> => {
      for (const node of nodes.filter((n) => has(n, 'transmission'))) {
        flat.push(node);
        if (parentId)
          assert.equal(
            node.transmission.relatedTransmissionId,
            parentId,
            'nested under the transmission it relates to',
          );
        await walk(await children(node), node.transmission.id);
      }
    };
    await walk(transmissions);
    assert.deepEqual(
      flat.map((t) => t.transmission.id).sort(),
      expected.map((t) => t.id).sort(),
      'every transmission once',
    );
    assert.ok(
      transmissions.every((t) => item(t).description),
      'type, sender and date are described',
    );

    const ids = [person, ...dialogs, ...groups, ...flat].map((n) => item(n).id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    internals.provider.refresh();
    const again = (await children(await personParty())).filter((c) => has(c, 'dialog'));
    assert.deepEqual(
      again.map((d) => item(d).id),
      dialogs.map((d) => item(d).id),
      'ids are stable across refreshes',
    );
  });

  it('rebuilds the tree when the active connection changes', async () => {
    const { profiles, connections } = hooks.services;
    const person = connections.activeProfile!;
    const systemUser = profiles.list().find((p) => p.kind === 'sandbox' && p.identity.type === 'systemUser')!;
    assert.ok(systemUser, 'useSandbox created the system-user profile too');
    // The tree is rebuilt for the new profile: either the provider says so, or VS Code (the view is visible) asked
    // for the new roots before the profile change reached the provider, which then has nothing left to redraw.
    let redrawn = false;
    const subscription = internals.provider.onDidChangeTreeData((node) => {
      if (node === undefined) redrawn = true;
    });
    try {
      await profiles.setActive(systemUser.id);
      for (let waited = 0; !redrawn && internals.provider.rootNode?.id !== `root/${systemUser.id}`; waited += 50) {
        assert.ok(waited < 10_000, 'the tree was rebuilt for the system user');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const roots = await children();
      assert.ok(
        roots.some((r) => has(r, 'party')) && roots.filter((r) => has(r, 'party')).every((r) => has(r, 'organization')),
        `the system user acts for organisations only: ${roots.map(label).join(', ')}`,
      );
      assert.match(internals.treeView.description ?? '', /Sandbox system user · Sandbox/);
    } finally {
      subscription.dispose();
      await profiles.setActive(person.id);
    }
    assert.ok(
      (await children()).some((r) => r.party?.isCurrentEndUser),
      'back to the person',
    );
  });

  it('pages through more than 1,000 dialogs with "Load more…": no duplicates, no gaps, newest first', async () => {
    const { sandbox, profiles, connections } = hooks.services;
    const manager = sandbox as unknown as { handle?: SandboxHandle; starting?: Promise<SandboxHandle> };
    const big = await startSandbox({ dialogs: 1_150, seed: 4242 });
    const config = vscode.workspace.getConfiguration('altinnInbox.inbox');
    try {
      // Swap the embedded sandbox for a bigger one (test-only): the connection service reads URLs from the manager.
      await sandbox.stop();
      manager.handle = big;
      manager.starting = Promise.resolve(big);
      await profiles.setActive(connections.activeProfile!.id);
      await config.update('pageSize', 400, vscode.ConfigurationTarget.Global);
      internals.provider.refresh();
      const person = await personParty();
      const expected = dialogStoreOf(big.context)
        .dialogsOf(person.partyUrn)
        .filter((d) => !d.state.deleted).length;
      assert.ok(expected > 1_000, `${expected} dialogs`);
      let rows = await children(person);
      let pages = 1;
      while (has(rows.at(-1)!, 'loadMore')) {
        await vscode.commands.executeCommand('altinnInbox.loadMore', rows.at(-1));
        rows = await children(person);
        pages++;
        assert.ok(pages < 10, 'bounded');
      }
      const dialogs = rows.filter((r) => has(r, 'dialog'));
      assert.equal(pages, Math.ceil(expected / 400));
      assert.equal(dialogs.length, expected, 'no gaps');
      assert.equal(new Set(dialogs.map((d) => d.dialogId)).size, expected, 'no duplicates');
      for (let i = 1; i < dialogs.length; i++) {
        assert.ok(
          Date.parse(dialogs[i - 1].item.contentUpdatedAt) >= Date.parse(dialogs[i].item.contentUpdatedAt),
          `order at ${i}`,
        );
      }
      assert.match(String(item(person).description), new RegExp(`${expected} dialogs`));
    } finally {
      await config.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
      await big.close();
      manager.handle = undefined;
      manager.starting = undefined;
      await resetToSandboxPerson();
    }
  });

  it('sends filters to the server, shows them in the view message, and clears them', async () => {
    const person = await personParty();
    await vscode.commands.executeCommand('altinnInbox.filterDialogs', {
      partyUrn: person.partyUrn,
      filter: { view: 'archive' },
    });
    const archived = (await children(person)).filter((c) => has(c, 'dialog'));
    assert.ok(
      archived.length > 0 && archived.every((d) => effectiveSystemLabels(d.item).includes('Archive')),
      'only archived dialogs',
    );
    assert.match(internals.treeView.message ?? '', /Filtered — .*view Archive/);
    assert.ok(has(person, 'filtered'));

    prompts.enqueue('view', 'all', 'status', ['Completed'], 'search', 'melding', 'apply');
    await vscode.commands.executeCommand('altinnInbox.filterDialogs', person);
    assert.equal(prompts.pending, 0, 'every scripted answer was used');
    const filtered = (await children(person)).filter((c) => has(c, 'dialog'));
    const direct = await (
      await clients()
    ).dialogporten.searchDialogs({ party: [person.partyUrn], status: ['Completed'], search: 'melding', limit: 1000 });
    assert.deepEqual(
      filtered.map((d) => d.dialogId),
      (direct.items ?? []).map((d: DialogListItem) => d.id),
      'exactly what Dialogporten returns for the filter',
    );
    assert.ok(filtered.length > 0 && filtered.every((d) => d.item.status === 'Completed'));
    assert.match(internals.treeView.message ?? '', /status Completed/);

    prompts.enqueue('search', 'ab');
    await vscode.commands.executeCommand('altinnInbox.filterDialogs', person);
    assert.equal(prompts.pending, 0);
    assert.match(
      internals.treeView.message ?? '',
      /status Completed/,
      'a 2-character search is refused in the input box; the filter stays',
    );

    await vscode.commands.executeCommand('altinnInbox.clearDialogFilter', person);
    assert.equal(internals.treeView.message, undefined, 'cleared');
    assert.equal((await children(person)).filter((c) => has(c, 'dialog')).length, 100);
  });

  it('shows a failed load as an error row with Retry, Show the answer, Fix connection and Show log; Retry recovers', async () => {
    const handle = await hooks.services.sandbox.ensureStarted();
    const run = async (row: Node): Promise<unknown> => {
      const command = item(row).command!;
      return vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    };
    internals.provider.refresh();
    const person = await personParty();
    handle.context.faults.inject({
      kind: 'wrong-content-type',
      pathPrefix: '/dialogporten/api/v1/enduser/dialogs',
      times: 1,
    });
    const rows = await children(person);
    const error = rows.find((r) => has(r, 'error'))!;
    assert.ok(error, 'an error row instead of an empty list');
    assert.match(label(error), /not what the API documents/);
    assert.ok(
      rows.some((r) => has(r, 'correspondenceGroup')),
      'the rest of the party is still there',
    );
    const actions = await children(error);
    assert.deepEqual(actions.slice(1).map(label), ['Retry', 'Show the answer', 'Show log']);
    const answer = (await run(actions.find((a) => label(a) === 'Show the answer')!)) as vscode.TextEditor;
    assert.match(answer.document.getText(), /Proxy login/, 'the body that was refused is shown as received');
    await run(actions.find((a) => label(a) === 'Retry')!);
    const recovered = await children(person);
    assert.equal(recovered.filter((r) => has(r, 'dialog')).length, 100, 'Retry loaded the dialogs');
    assert.ok(!recovered.some((r) => has(r, 'error')));

    handle.context.faults.inject({
      kind: 'expire-token',
      pathPrefix: '/dialogporten/api/v1/enduser/dialogs',
      times: 2,
    });
    internals.provider.refreshNode(person);
    const unauthorized = (await children(person)).find((r) => has(r, 'error'))!;
    assert.match(label(unauthorized), /token was not accepted \(401\)/);
    assert.ok(has(unauthorized, 'fixConnection'));
    const fix = (await children(unauthorized)).find((a) => /Fix the connection/.test(label(a)))!;
    prompts.enqueue((offered: readonly vscode.QuickPickItem[]) => offered.find((o) => /Get a new token/.test(o.label)));
    await run(fix);
    assert.equal(prompts.pending, 0);
    assert.equal(
      (await children(person)).filter((r) => has(r, 'dialog')).length,
      100,
      'a new token and the list is back',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a plain Maskinporten client: the error row says the API needs a system user, and its Fix adds one and loads', async () => {
    const { profiles, connections } = hooks.services;
    const handle = await hooks.services.sandbox.ensureStarted();
    const keyFile = join(mkdtempSync(join(tmpdir(), 'aii-inbox-usertype-')), 'sandbox-client.jwk.json');
    writeFileSync(keyFile, JSON.stringify(handle.defaultClient.privateJwk));
    rememberSecret(handle.defaultClient.privateJwk.d);
    const person = connections.activeProfile!;
    prompts.enqueue(
      'sandbox',
      handle.defaultClient.clientId,
      ['digdir:dialogporten'],
      'jwk',
      keyFile,
      'none',
      'maskinporten',
    );
    const { profile } = await vscode.commands.executeCommand<{ profile: ConnectionProfile }>(
      'altinnInbox.addMaskinportenClient',
    );
    try {
      await profiles.setActive(profile.id);
      internals.provider.refresh();
      const roots = await children();
      const error = roots.find((r) => has(r, 'error'));
      assert.ok(error, `an error row instead of parties: ${roots.map(label).join(', ')}`);
      assert.equal(
        label(error),
        'Could not load the parties: this API needs a system user (or a person); add one to the profile',
      );
      const actions = (await children(error)).map(label);
      assert.ok(actions.includes('Add a system user to the profile…'), actions.join(', '));
      assert.deepEqual(
        actions.slice(1),
        ['Retry', 'Add a system user to the profile…', 'Show the answer', 'Show log'],
        'no scope request: no scope would help',
      );

      const customer = handle.context.world.systemUsers.find(
        (u) => u.clientIds.includes(handle.defaultClient.clientId) && u.delegatedResources.length > 0 && !u.externalRef,
      )!;
      prompts.enqueue('systemUser', customer.organisationNumber, '');
      const fix = (await children(error)).find((a) => label(a) === 'Add a system user to the profile…')!;
      const command = item(fix).command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.equal(prompts.pending, 0, "the Fix opened the profile's system-user step");
      const edited = profiles.get(profile.id);
      assert.equal(edited?.kind === 'maskinporten' ? edited.systemUserOrg : undefined, customer.organisationNumber);
      const loaded = await children();
      assert.deepEqual(
        loaded.map((r) => r.party?.party),
        [`urn:altinn:organization:identifier-no:${customer.organisationNumber}`],
        'the Inbox loads as the system user',
      );
    } finally {
      await profiles.setActive(person.id);
      await profiles.remove(profile.id);
      internals.provider.refresh();
    }
  });

  it('never marks a dialog seen by listing or expanding it; opening it does', async () => {
    const person = await personParty();
    // Not an Altinn message: opening one also records Read in Correspondence, and the prod-safety suite needs unread ones.
    const unread = (await children(person)).find(
      (c) =>
        has(c, 'dialog') &&
        has(c, 'unread') &&
        !effectiveSystemLabels(c.item).includes('MarkedAsUnopened') &&
        !isCorrespondenceType(c.item.serviceResourceType),
    )!;
    assert.ok(unread, 'an unread dialog');
    const api = await clients();
    const seenBefore = (await api.dialogporten.listSeenLog(unread.dialogId)).length;
    for (const group of await children(unread)) await children(group);
    internals.provider.refresh();
    const relisted = (await children(await personParty())).find((c) => c.dialogId === unread.dialogId)!;
    assert.ok(has(relisted, 'unread'), 'still unread after listing and expanding everything');
    assert.equal((await api.dialogporten.listSeenLog(unread.dialogId)).length, seenBefore, 'the seen log did not grow');

    await vscode.commands.executeCommand('altinnInbox.openDialogItem', relisted);
    let seenAfter = seenBefore;
    for (let i = 0; i < 50 && seenAfter === seenBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seenAfter = (await api.dialogporten.listSeenLog(unread.dialogId)).length;
    }
    assert.equal(seenAfter, seenBefore + 1, 'opening recorded the user in the seen log');
    const page = await api.dialogporten.searchDialogs({ party: [person.partyUrn], limit: 1000 });
    assert.equal(page.items!.find((d) => d.id === unread.dialogId)!.isContentSeen, true);
  });

  it('archives, bins and restores with If-Match, explains a 412 conflict and retries only when asked', async () => {
    const person = await personParty();
    const target = (await children(person)).find((c) => has(c, 'dialog') && has(c, 'label-Default'))!;
    const api = await clients();
    const archived = await vscode.commands.executeCommand<{ labels: string[]; conflicts: number }>(
      'altinnInbox.archiveDialog',
      target,
    );
    assert.deepEqual(archived.labels, ['Archive']);
    assert.equal(archived.conflicts, 0);
    const row = (await children(person)).find((c) => c.dialogId === target.dialogId)!;
    assert.ok(has(row, 'label-Archive') && has(row, 'restorable'), 'the row shows the new label');

    // Someone else moves it to the bin: the row's revision is now stale.
    const current = (await api.dialogporten.searchDialogs({ party: [person.partyUrn], limit: 1000 })).items!.find(
      (d) => d.id === target.dialogId,
    )!;
    await api.dialogporten.setSystemLabels(
      target.dialogId,
      { addLabels: ['Bin'] },
      { ifMatch: current.endUserContext!.revision },
    );

    prompts.enqueue(undefined);
    const dismissed = await vscode.commands.executeCommand('altinnInbox.restoreDialog', row);
    assert.equal(dismissed, undefined, 'dismissing the conflict ends quietly');
    assert.match(prompts.asked.at(-1)?.title ?? '', /changed elsewhere/);
    const stillBinned = (await api.dialogporten.searchDialogs({ party: [person.partyUrn], limit: 1000 })).items!.find(
      (d) => d.id === target.dialogId,
    )!;
    assert.deepEqual(effectiveSystemLabels(stillBinned), ['Bin'], 'nothing was overwritten');

    await api.dialogporten.setSystemLabels(
      target.dialogId,
      { addLabels: ['Archive'] },
      { ifMatch: stillBinned.endUserContext!.revision },
    );
    const staleRow = (await children(person)).find((c) => c.dialogId === target.dialogId)!;
    prompts.enqueue('Retry');
    const restored = await vscode.commands.executeCommand<{ labels: string[]; conflicts: number }>(
      'altinnInbox.restoreDialog',
      staleRow,
    );
    assert.equal(restored.conflicts, 1, 'one conflict, explained and retried');
    assert.deepEqual(restored.labels, ['Default']);
    const labelLog = await api.dialogporten.getLabelLog(target.dialogId);
    assert.ok(
      labelLog.some((l) => l.name === 'systemlabel:Archive' && l.action === 'remove'),
      'the label log shows the round trip',
    );
  });

  it('confirms correspondence only after the fetch Altinn requires, with consent, and says when it was already done', async () => {
    const api = await clients();
    // An organisation's message (the sandbox person is its daglig leder): the person's own few unread messages are
    // left to the prod-safety suite.
    const organisations = (await children()).filter((r) => has(r, 'organization')).map((r) => r.partyUrn as string);
    let unfetched: string | undefined;
    let onBehalfOf = '';
    for (const party of organisations) {
      for (const resourceId of [
        'skd-skattemelding',
        'altinn-correspondence-test',
        'digdir-testmelding',
        'nav-inntektsmelding',
      ]) {
        const ids = await api.correspondence.listIds({ resourceId, status: 'Published', onBehalfOf: party });
        if (ids.length >= 1) {
          [unfetched, onBehalfOf] = [ids[0], party];
          break;
        }
      }
      if (unfetched) break;
    }
    assert.ok(unfetched, 'an unfetched correspondence of an organisation');
    prompts.enqueue(undefined);
    assert.equal(
      await vscode.commands.executeCommand('altinnInbox.confirmCorrespondence', { correspondenceId: unfetched }),
      undefined,
      'declining the fetch changes nothing',
    );
    assert.match(prompts.asked.at(-1)?.title ?? '', /fetched before/);
    const stillPublished = async (): Promise<boolean> => {
      for (const resourceId of [
        'skd-skattemelding',
        'altinn-correspondence-test',
        'digdir-testmelding',
        'nav-inntektsmelding',
      ]) {
        if ((await api.correspondence.listIds({ resourceId, status: 'Published', onBehalfOf })).includes(unfetched!))
          return true;
      }
      return false;
    };
    assert.ok(await stillPublished(), 'neither fetched nor confirmed');

    prompts.enqueue(true);
    const done = await vscode.commands.executeCommand<{ result: string; fetchedFirst: boolean; status: string }>(
      'altinnInbox.confirmCorrespondence',
      { correspondenceId: unfetched },
    );
    assert.deepEqual([done.result, done.fetchedFirst, done.status], ['done', true, 'Confirmed']);
    assert.equal(prompts.pending, 0);
    const again = await vscode.commands.executeCommand<{ result: string }>('altinnInbox.confirmCorrespondence', {
      correspondenceId: unfetched,
    });
    assert.equal(again.result, 'already', 'a second confirm is reported, not an error');
  });

  it("lists a daglig leder's correspondence for an organisation, with the resources found through serviceresources (Access Management names none)", async () => {
    await resetToSandboxPerson();
    const world = (await hooks.services.sandbox.ensureStarted()).context.world;
    const roots = await children();
    const grants = world.personAccess.get(world.defaultPerson.nationalIdentityNumber) ?? [];
    const organisation = roots.find(
      (r) =>
        has(r, 'organization') &&
        grants.some((g) => g.party === r.partyUrn && g.roles?.includes('DAGL') && !g.resources?.length),
    );
    assert.ok(organisation, 'an organisation the sandbox person reaches through the DAGL role alone');
    const authorized = flattenAuthorizedParties(await (await clients()).access.list()).find(
      (p) => partyUrnOf(p) === organisation.partyUrn,
    );
    assert.deepEqual(
      authorized?.authorizedResources,
      [],
      'Access Management lists no resources there (the old source)',
    );

    const group = (await children(organisation)).find((c) => has(c, 'correspondenceGroup'))!;
    const rows = await children(group);
    const resources = rows.filter((c) => has(c, 'correspondenceResource'));
    assert.ok(resources.length > 0, `resources with correspondence: ${rows.map(label).join(', ')}`);
    for (const resource of resources)
      assert.match(String(item(resource).description), /via serviceresources/, 'each resource row names its source');
    assert.match(
      group.tooltip() ?? '',
      /serviceresources \(type CorrespondenceService\): .*`/,
      "the group's tooltip lists what each source gave",
    );
    const messages = (await children(resources[0])).filter((c) => has(c, 'correspondence'));
    assert.ok(messages.length > 0, 'its messages are listed');
    console.log(
      `[correspondence discovery] ${organisation.party.name}: ${resources.length} resource(s) via serviceresources, ${messages.length} message(s) in ${label(resources[0])}; authorizedResources: 0`,
    );
  });

  it('lists correspondence under the party and downloads an attachment byte for byte, with progress and checksum', async () => {
    const person = await personParty();
    const group = (await children(person)).find((c) => has(c, 'correspondenceGroup'))!;
    const resources = (await children(group)).filter((c) => has(c, 'correspondenceResource'));
    assert.ok(resources.length > 0, 'resources with correspondence');
    let attachment: Node | undefined;
    for (const resource of resources) {
      for (const message of (await children(resource)).filter((c) => has(c, 'correspondence'))) {
        attachment = (await children(message)).find(
          (c) => has(c, 'correspondenceAttachment') && has(c, 'downloadable'),
        );
        if (attachment) break;
      }
      if (attachment) break;
    }
    assert.ok(attachment, 'a downloadable correspondence attachment');
    const target = join(mkdtempSync(join(tmpdir(), 'aii-download-')), 'vedlegg.bin');
    prompts.enqueue(target);
    const outcome = await vscode.commands.executeCommand<{
      path: string;
      bytes: number;
      md5: string;
      checksumMatches?: boolean;
    }>('altinnInbox.downloadAttachment', attachment);
    assert.equal(outcome.path, target);
    const saved = readFileSync(target);
    const api = await clients();
    const direct = await api.correspondence.downloadAttachment(
      attachment.correspondence.correspondenceId,
      attachment.attachment.id,
    );
    const chunks: Buffer[] = [];
    for await (const chunk of direct.stream) chunks.push(chunk as Buffer);
    assert.ok(saved.equals(Buffer.concat(chunks)), 'the file has exactly the served bytes');
    assert.equal(outcome.bytes, saved.length);
    assert.equal(outcome.md5, createHash('md5').update(saved).digest('hex'));
    if (attachment.attachment.checksum) assert.equal(outcome.checksumMatches, true);

    // A transmission attachment needs the dialog token from the details (which marks the dialog as seen).
    const dialogs = (await children(person)).filter((c) => has(c, 'dialog'));
    let transmissionAttachment: Node | undefined;
    for (const dialog of dialogs.slice(0, 40)) {
      const transmissions = await children((await children(dialog))[0]);
      for (const transmission of transmissions.filter((t) => has(t, 'transmission'))) {
        transmissionAttachment = (await children(transmission)).find(
          (c) => has(c, 'dialogAttachment') && has(c, 'downloadable'),
        );
        if (transmissionAttachment) break;
      }
      if (transmissionAttachment) break;
    }
    assert.ok(transmissionAttachment, 'a downloadable transmission attachment');
    const second = join(mkdtempSync(join(tmpdir(), 'aii-download-')), 'transmission-attachment');
    prompts.enqueue(second);
    const dialogOutcome = await vscode.commands.executeCommand<{ bytes: number }>(
      'altinnInbox.downloadAttachment',
      transmissionAttachment,
    );
    const dialogNode = transmissionAttachment.dialog;
    const token = dialogNode.details.dialog.dialogToken as string;
    const url = (transmissionAttachment.attachment.urls as { url: string; consumerType?: string }[]).find(
      (u) => u.consumerType !== 'Api',
    )!.url;
    const served = Buffer.from(
      await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
    );
    assert.ok(readFileSync(second).equals(served), 'the transmission attachment too');
    assert.equal(dialogOutcome.bytes, served.length);
  });
});
