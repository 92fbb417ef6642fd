import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InboxNode } from '../../../src/vscode/inbox/inboxNode';
import type { InboxTestInternals } from '../../../src/vscode/inbox/registerInbox';
import { activateExtension } from './hostHelpers';

// Drives the Inbox tree the way VS Code does (getChildren/getTreeItem, commands of rows). Nodes come from the
// extension's bundle, so they are recognised by their context tokens and fields, never by instanceof.

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Node = InboxNode & Record<string, any>;

export class InboxTreeDriver {
  constructor(readonly internals: InboxTestInternals) {}

  static async connect(): Promise<InboxTreeDriver> {
    const internals = (await activateExtension()).testHooks?.inbox;
    assert.ok(internals?.provider, 'the inbox exposes its provider to tests');
    return new InboxTreeDriver(internals);
  }

  item(node: Node): vscode.TreeItem {
    return this.internals.provider.getTreeItem(node);
  }

  has(node: Node, token: string): boolean {
    return (this.item(node).contextValue ?? '').split(' ').includes(token);
  }

  label(node: Node): string {
    const value = this.item(node).label;
    return typeof value === 'string' ? value : (value?.label ?? '');
  }

  async children(node?: Node): Promise<Node[]> {
    return (await this.internals.provider.getChildren(node)) as Node[];
  }

  /** Runs the command a row runs when clicked. */
  async click(row: Node): Promise<unknown> {
    const command = this.item(row).command;
    assert.ok(command, `the row "${this.label(row)}" has a command`);
    return vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  /** The action rows under an error row, by label. */
  async errorActions(error: Node): Promise<Map<string, Node>> {
    return new Map(
      (await this.children(error)).filter((a) => this.has(a, 'errorAction')).map((a) => [this.label(a), a]),
    );
  }

  async personParty(): Promise<Node> {
    const roots = await this.children();
    const person = roots.find((r) => this.has(r, 'party') && r.party?.isCurrentEndUser);
    assert.ok(person, `the user's own party is listed: ${roots.map((r) => this.label(r)).join(', ')}`);
    return person;
  }

  dialogIds(rows: Node[]): string[] {
    return rows.filter((r) => this.has(r, 'dialog')).map((r) => String(r.dialogId));
  }

  /** Clicks "Load more…" until the list ends; returns the party's rows. */
  async pageToEnd(party: Node, maxPages = 50): Promise<Node[]> {
    let rows = await this.children(party);
    for (let pages = 0; this.has(rows.at(-1)!, 'loadMore'); pages++) {
      assert.ok(pages < maxPages, 'paging ends');
      await vscode.commands.executeCommand('altinnInbox.loadMore', rows.at(-1));
      rows = await this.children(party);
    }
    return rows;
  }
}
