import * as vscode from 'vscode';
import type { PartyGroup } from '../../platform/parties/partyLevel';
import { InboxNode, type InboxContext } from './inboxNode';
import type { TreeRow } from '../shared/treeRow';
import type { PartyEntry } from './partyTree';

/** A group of parties (persons, organisations, or names starting with some letters) with how many it holds. */
export class PartyGroupNode extends InboxNode {
  private rows: InboxNode[] | undefined;

  constructor(
    parent: InboxNode,
    readonly group: PartyGroup<PartyEntry>,
    ctx: InboxContext,
    private readonly makeRows: (self: PartyGroupNode) => InboxNode[],
  ) {
    super(`pg/${ctx.profile.id}/${group.key}`, parent);
    // Built now, not on expansion: the parties' nodes must exist for filters, reveal and "all parties".
    this.rows = this.makeRows(this);
  }

  row(): TreeRow {
    const label = this.group.range
      ? vscode.l10n.t('{0} – {1}', this.group.range.first, this.group.range.last)
      : this.group.prefix
        ? vscode.l10n.t('{0}…', this.group.prefix.trimEnd())
        : this.group.category === 'persons'
          ? vscode.l10n.t('Persons')
          : vscode.l10n.t('Organisations');
    return {
      id: this.id,
      label,
      description: this.group.count === 1 ? vscode.l10n.t('1 party') : vscode.l10n.t('{0} parties', this.group.count),
      icon: {
        id:
          this.group.prefix || this.group.range
            ? 'symbol-folder'
            : this.group.category === 'persons'
              ? 'person'
              : 'organization',
      },
      contextValue: `partyGroup partyGroup-${this.group.category}`,
      collapsible: 'collapsed',
    };
  }

  override tooltip(): string {
    return this.group.prefix
      ? vscode.l10n.t('{0}: names starting with "{1}"', this.group.category, this.group.prefix)
      : vscode.l10n.t(
          'Grouped because the Inbox has more parties than one list shows well; filter by name or number at the top.',
        );
  }

  override children(): InboxNode[] {
    this.rows ??= this.makeRows(this);
    return this.rows;
  }
}
