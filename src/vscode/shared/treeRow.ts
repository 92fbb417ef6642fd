// One row of either tree (Connections, Inbox) as plain data: no `vscode` import, so the code that decides what a
// row says is unit-tested in Node. `treeItems.ts` turns a row into a TreeItem, the same way for both trees.

export type RowCollapsible = 'none' | 'collapsed' | 'expanded';

export interface RowIcon {
  /** A codicon id. */
  readonly id: string;
  /** A theme colour id. */
  readonly color?: string;
}

export interface RowCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

export interface TreeRow {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly label: string;
  /** Highlights the whole label (unread); screen readers hear "unread" instead. */
  readonly emphasize?: boolean;
  readonly description?: string;
  readonly icon?: RowIcon;
  /** Space-separated tokens, matched in when-clauses with `viewItem =~ /\btoken\b/`. */
  readonly contextValue?: string;
  readonly collapsible: RowCollapsible;
  readonly command?: RowCommand;
}
