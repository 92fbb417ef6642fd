import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { createApiClients } from '../../../src/vscode/shared/apiClients';
import { activateExtension, step } from './hostHelpers';
import { InboxTreeDriver, type Node } from './inboxTreeDriver';

/* eslint-disable @typescript-eslint/no-explicit-any */

// The accountant's Inbox: an agent system user acting for 5,000 client organisations (the sandbox's
// `clients` option). Real tree provider, real commands, real HTTP to a sandbox swapped in for the embedded one.

const CLIENTS = 5_000;

describe('accountant-inbox: 5,000 parties, All parties, bulk actions, saved searches, export', function () {
  this.timeout(180_000);
  let hooks: TestHooks;
  let tree: InboxTreeDriver;
  let prompts: ScriptedPrompts;
  let big: SandboxHandle;
  let agentProfileId: string | undefined;
  const manager = (): { handle?: SandboxHandle; starting?: Promise<SandboxHandle> } =>
    hooks.services.sandbox as unknown as { handle?: SandboxHandle; starting?: Promise<SandboxHandle> };

  /** Rows of a party level, walking into groups: the widest level and every party row. */
  async function walkLevel(rows: Node[]): Promise<{ widest: number; parties: Node[]; groups: Node[] }> {
    let widest = rows.length;
    const parties: Node[] = [];
    const groups: Node[] = [];
    for (const row of rows) {
      if (tree.has(row, 'party')) parties.push(row);
      if (tree.has(row, 'partyGroup')) {
        groups.push(row);
        const inner = await walkLevel(await tree.children(row));
        widest = Math.max(widest, inner.widest);
        parties.push(...inner.parties);
        groups.push(...inner.groups);
        assert.equal(
          String(tree.item(row).description),
          `${countWithSubUnits(inner.parties)} parties`,
          `the count on ${tree.label(row)}`,
        );
      }
    }
    return { widest, parties, groups };
  }
  const countWithSubUnits = (parties: Node[]): number =>
    parties.reduce((sum, p) => sum + 1 + (p.subUnits?.length ?? 0), 0);

  /** How many dialogs Dialogporten lists for these parties, one search per party (what an export must hold). */
  async function listedCount(parties: readonly string[]): Promise<number> {
    const clients = await createApiClients(hooks.services, hooks.services.connections.activeProfile!);
    let count = 0;
    for (const party of parties) {
      for await (const page of clients.dialogporten.searchDialogPages({ party: [party], limit: 1000 }))
        count += page.items?.length ?? 0;
    }
    return count;
  }

  async function allPartiesNode(): Promise<Node> {
    const all = (await tree.children()).find((r) => tree.has(r, 'allParties'));
    assert.ok(all, 'an All parties row');
    return all;
  }

  before(async () => {
    tree = await InboxTreeDriver.connect();
    const api = await activateExtension();
    assert.ok(api.testHooks, 'test hooks');
    hooks = api.testHooks;
    prompts = new hooks.ScriptedPrompts();
    hooks.usePrompts(prompts);
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    big = await step('start a sandbox with 5,000 clients', startSandbox({ clients: CLIENTS, seed: 1717 }), 120);
    await hooks.services.sandbox.stop();
    manager().handle = big;
    manager().starting = Promise.resolve(big);
    // The accounting firm's agent system user: its token sees every client organisation as a party.
    const agent = await hooks.services.profiles.add({
      kind: 'sandbox',
      environment: 'sandbox',
      label: 'Sandbox accountant',
      identity: { type: 'systemUser', organisationNumber: big.context.world.accountingFirm!.organisationNumber },
    });
    agentProfileId = agent.id;
    await hooks.services.profiles.setActive(agent.id);
    tree.internals.provider.clearFilters();
    tree.internals.provider.setPartyQuery('');
    tree.internals.provider.refresh();
  });

  after(async () => {
    hooks.usePrompts(undefined);
    tree.internals.provider.setPartyQuery('');
    tree.internals.provider.clearFilters();
    if (agentProfileId) await hooks.services.profiles.remove(agentProfileId);
    if (big) await step('stop the 5,000-client sandbox', big.close(), 30);
    manager().handle = undefined;
    manager().starting = undefined;
    await vscode.commands.executeCommand('altinnInbox.useSandbox');
    const person = hooks.services.profiles.list().find((p) => p.kind === 'sandbox' && p.identity.type !== 'systemUser');
    if (person) await hooks.services.profiles.setActive(person.id);
    tree.internals.provider.refresh();
    await step('close the reports', vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  });

  it('groups 5,000 parties so no level shows more than 200 rows, with counts, without listing any dialogs', async () => {
    const searches: string[] = [];
    const stop = tree.internals.payloads.store.onDidAdd((exchange) => {
      if (/\/enduser\/dialogs(\?|$)/.test(exchange.url)) searches.push(exchange.url);
    });
    try {
      const roots = await step('the party level', tree.children());
      assert.ok(tree.has(roots[0], 'partyFilter'), 'the quick filter row comes first');
      assert.match(String(tree.item(roots[0]).description), /\b4\d{3} parties/, 'about 5,000 live clients');
      const groups = roots.filter((r) => tree.has(r, 'partyGroup'));
      assert.ok(
        groups.some((g) => tree.has(g, 'partyGroup-organisations')),
        'an Organisations group',
      );
      const { widest, parties } = await walkLevel(roots);
      assert.ok(widest <= 200, `no level shows more than 200 rows (widest ${widest})`);
      const urns = parties.map((p) => p.partyUrn as string);
      assert.equal(new Set(urns).size, urns.length, 'each party once');
      const clients = big.context.world.accountingFirm!.clientOrganisations;
      const live = clients.filter(
        (number) => !big.context.world.organisations.find((o) => o.organisationNumber === number)?.isDeleted,
      );
      assert.equal(
        urns.filter((u) => u.startsWith('urn:altinn:organization:')).length,
        live.length,
        'every live client organisation is reachable',
      );
      assert.ok(
        roots.some((r) => tree.has(r, 'deletedHidden')),
        'deleted clients are hidden, and a row says so',
      );
      assert.deepEqual(searches, [], 'showing the parties lists no dialogs');
    } finally {
      stop();
    }
  });

  it('narrows to one party by number or by name, typed in the quick filter', async () => {
    const world = big.context.world;
    const number = world.accountingFirm!.clientOrganisations[1234];
    const org = world.organisations.find((o) => o.organisationNumber === number)!;
    const spaced = `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
    prompts.enqueue(spaced);
    const matches = await step('filter parties', vscode.commands.executeCommand('altinnInbox.filterParties'));
    assert.equal(prompts.asked.at(-1)?.title, 'Filter Parties');
    assert.equal(matches, 1);
    const roots = await tree.children();
    assert.ok(tree.has(roots[0], 'partyFilterActive'));
    const parties = roots.filter((r) => tree.has(r, 'party'));
    assert.deepEqual(
      parties.map((p) => p.partyUrn),
      [`urn:altinn:organization:identifier-no:${number}`],
    );
    assert.ok(!roots.some((r) => tree.has(r, 'partyGroup')), 'one match is shown without groups');

    const byName = await vscode.commands.executeCommand<number>('altinnInbox.filterParties', org.name.toLowerCase());
    assert.ok(byName >= 1, `"${org.name}" matches itself`);
    const named = (await tree.children()).filter((r) => tree.has(r, 'party'));
    assert.ok(named.some((p) => p.partyUrn === `urn:altinn:organization:identifier-no:${number}`));

    await vscode.commands.executeCommand('altinnInbox.filterParties', 'no such client anywhere');
    assert.ok((await tree.children()).some((r) => tree.has(r, 'partyNoMatch')));
    await vscode.commands.executeCommand('altinnInbox.clearPartyFilter');
    assert.ok(
      (await tree.children()).some((r) => tree.has(r, 'partyGroup')),
      'groups again',
    );
  });

  it('lists All parties newest first, a page at a time, each row naming its party', async () => {
    const all = await allPartiesNode();
    const firstPage = await step('All parties, first page', tree.children(all));
    const dialogs = firstPage.filter((r) => tree.has(r, 'dialog'));
    assert.equal(dialogs.length, 100, 'one page of the default page size');
    assert.ok(tree.has(firstPage.at(-1)!, 'loadMore'));
    for (let page = 0; page < 2; page++) {
      const last = (await tree.children(all)).at(-1)!;
      assert.ok(tree.has(last, 'loadMore'), 'more pages');
      await step('Load more', vscode.commands.executeCommand('altinnInbox.loadMore', last));
    }
    const rows = await tree.children(all);
    const listed = rows.filter((r) => tree.has(r, 'dialog'));
    assert.ok(listed.length >= 200, `${listed.length} dialogs after Load more`);
    const ids = listed.map((d) => d.dialogId as string);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates across pages');
    for (let i = 1; i < listed.length; i++)
      assert.ok(
        Date.parse(listed[i - 1].item.contentUpdatedAt) >= Date.parse(listed[i].item.contentUpdatedAt),
        `newest first at ${i}`,
      );
    const parties = new Set(listed.map((d) => d.item.party as string));
    assert.ok(parties.size > 10, `dialogs of many parties (${parties.size})`);
    const store = dialogStoreOf(big.context);
    const clientUrns: string[] = (await allPartiesNode()).directory.urns;
    const newest = Math.max(
      ...clientUrns.flatMap((urn) =>
        store
          .dialogsOf(urn)
          .filter((d) => !d.state.deleted)
          .map((d) => d.fields.contentUpdatedAtMs),
      ),
    );
    assert.ok(
      Math.abs(Date.parse(listed[0].item.contentUpdatedAt) - newest) < 1000,
      'the first row is the newest dialog of all the parties',
    );
    for (const row of listed.slice(0, 20)) {
      const name = (await allPartiesNode()).directory.nameOf(row.item.party);
      assert.ok(name && String(tree.item(row).description).startsWith(name), 'the row names its party');
      assert.ok(tree.has(row, 'acrossParties'));
    }
  });

  it('archives several dialogs in one bulk action and reports the one bad id, finishing the rest', async () => {
    const all = await allPartiesNode();
    const rows = (await tree.children(all)).filter(
      (r) => tree.has(r, 'dialog') && !(r.item.endUserContext?.systemLabels ?? []).includes('Archive'),
    );
    const chosen = rows.slice(0, 5).map((r) => r.dialogId as string);
    const bad = '0194ffff-ffff-7fff-bfff-ffffffffffff';
    const outcome = await step(
      'bulk archive',
      vscode.commands.executeCommand<Record<string, any>>('altinnInbox.labelDialogs', {
        dialogIds: [...chosen.slice(0, 2), bad, ...chosen.slice(2)],
        action: 'archive',
      }),
      60,
    );
    assert.equal(outcome.succeeded, 5);
    assert.equal(outcome.failed, 1);
    const failure = outcome.outcomes.find((o: { status: string }) => o.status === 'failed');
    assert.equal(failure.dialogId, bad);
    assert.equal(failure.reason, 'not-found');
    assert.ok(outcome.requests >= 2 && outcome.requests <= 6, `${outcome.requests} calls to narrow the bad id down`);
    assert.match(outcome.report, new RegExp(bad));
    assert.match(outcome.report, /not found/);
    const store = dialogStoreOf(big.context);
    for (const id of chosen) assert.ok(store.get(id)!.state.systemLabels.includes('Archive'), `${id} archived`);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.getText().includes(bad), 'the report is open');

    // From a multi-selection in the tree: VS Code passes the clicked row and the selection.
    const again = (await tree.children(await allPartiesNode())).filter(
      (r) => tree.has(r, 'dialog') && chosen.includes(r.dialogId),
    );
    assert.ok(again.length >= 2, 'the archived dialogs are still listed (All parties shows every view)');
    const restored = await vscode.commands.executeCommand<Record<string, any>>(
      'altinnInbox.restoreDialog',
      again[0],
      again.slice(0, 2),
    );
    assert.equal(restored.succeeded, 2);
    assert.equal(restored.requests, 1, 'one bulkset call');
    for (const row of again.slice(0, 2))
      assert.ok(!store.get(row.dialogId)!.state.systemLabels.includes('Archive'), 'restored');
  });

  it('saves the current filter set, reopens, renames and deletes it, per profile', async () => {
    const world = big.context.world;
    const parties = world
      .accountingFirm!.clientOrganisations.slice(0, 3)
      .map((n) => `urn:altinn:organization:identifier-no:${n}`);
    await vscode.commands.executeCommand('altinnInbox.filterDialogs', {
      partyUrn: '*',
      filter: { parties, unreadOnly: true },
    });
    const filtered = (await tree.children(await allPartiesNode())).filter((r) => tree.has(r, 'dialog'));
    assert.ok(
      filtered.every((d) => parties.includes(d.item.party)),
      'only the chosen parties',
    );
    prompts.enqueue('Three clients, unread');
    const saved = await vscode.commands.executeCommand<Record<string, any>>('altinnInbox.saveSearch');
    assert.equal(saved.name, 'Three clients, unread');
    await vscode.commands.executeCommand('altinnInbox.clearDialogFilters');
    assert.equal(tree.internals.provider.filterFor('*'), undefined);

    prompts.enqueue('Three clients, unread');
    await vscode.commands.executeCommand('altinnInbox.openSavedSearch');
    assert.deepEqual(tree.internals.provider.filterFor('*'), { parties: [...parties].sort(), unreadOnly: true });
    assert.match(tree.internals.treeView.message ?? '', /All parties: .*3 parties/);

    prompts.enqueue('Three clients, unread', 'Key clients');
    await vscode.commands.executeCommand('altinnInbox.renameSavedSearch');
    const key = 'altinnInbox.inbox.savedSearches';
    const stored = hooks.services.context.globalState.get<Record<string, { name: string }[]>>(key)!;
    const profileId = hooks.services.connections.activeProfile!.id;
    assert.deepEqual(
      stored[profileId].map((s) => s.name),
      ['Key clients'],
    );
    prompts.enqueue('Key clients', true);
    assert.equal(await vscode.commands.executeCommand('altinnInbox.deleteSavedSearch'), true);
    assert.equal(hooks.services.context.globalState.get<Record<string, unknown>>(key)?.[profileId], undefined);
    await vscode.commands.executeCommand('altinnInbox.clearDialogFilters');
  });

  it('exports a party to CSV and All parties (narrowed) to JSON, every page, with the columns a user wants', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'altinn-export-'));
    const store = dialogStoreOf(big.context);
    const number = big.context.world.accountingFirm!.clientOrganisations.find(
      (n) => store.dialogsOf(`urn:altinn:organization:identifier-no:${n}`).length >= 3,
    )!;
    const urn = `urn:altinn:organization:identifier-no:${number}`;
    await vscode.commands.executeCommand('altinnInbox.filterParties', number);
    const party = (await tree.children()).find((r) => r.partyUrn === urn)!;
    const csvPath = join(dir, 'party.csv');
    prompts.enqueue(csvPath);
    const csv = await step(
      'export CSV',
      vscode.commands.executeCommand<Record<string, any>>('altinnInbox.exportDialogs', party, undefined, {
        format: 'csv',
      }),
    );
    const expected = await listedCount([urn]);
    assert.equal(csv.dialogs, expected);
    const text = readFileSync(csvPath, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, so spreadsheets read UTF-8 (æøå)');
    const lines = text.slice(1).trim().split('\r\n');
    assert.match(lines[0], /^Party;Party name;Sender;Title;Status/);
    assert.equal(lines.length, expected + 1, 'a header and one line per dialog');
    assert.ok(lines.slice(1).every((l) => l.includes(number)));
    await vscode.commands.executeCommand('altinnInbox.clearPartyFilter');

    const parties = big.context.world
      .accountingFirm!.clientOrganisations.slice(0, 40)
      .map((n) => `urn:altinn:organization:identifier-no:${n}`);
    await vscode.commands.executeCommand('altinnInbox.filterDialogs', { partyUrn: '*', filter: { parties } });
    const jsonPath = join(dir, 'all.json');
    prompts.enqueue(jsonPath);
    const json = await vscode.commands.executeCommand<Record<string, any>>(
      'altinnInbox.exportDialogs',
      await allPartiesNode(),
      undefined,
      { format: 'json' },
    );
    const rows = JSON.parse(readFileSync(jsonPath, 'utf8')) as { party: string; id: string; link: string }[];
    const total = await listedCount(parties);
    assert.equal(rows.length, total);
    assert.equal(json.dialogs, total);
    assert.equal(new Set(rows.map((r) => r.id)).size, total, 'each dialog once');
    assert.ok(rows.every((r) => parties.includes(r.party) && r.link.endsWith(r.id)));
    await vscode.commands.executeCommand('altinnInbox.clearDialogFilters');
  });
});
