import * as vscode from 'vscode';
import type { RowCollapsible, TreeRow } from './treeRow';

const COLLAPSIBLE: Record<RowCollapsible, vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** The TreeItem for a row of either tree. */
export function toTreeItem(row: TreeRow): vscode.TreeItem {
  const label: vscode.TreeItemLabel = row.emphasize
    ? { label: row.label, highlights: [[0, row.label.length]] }
    : { label: row.label };
  const item = new vscode.TreeItem(label, COLLAPSIBLE[row.collapsible]);
  item.id = row.id;
  item.description = row.description;
  item.contextValue = row.contextValue;
  if (row.icon)
    item.iconPath = new vscode.ThemeIcon(
      row.icon.id,
      row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined,
    );
  if (row.command)
    item.command = {
      command: row.command.command,
      title: row.command.title,
      arguments: row.command.arguments ? [...row.command.arguments] : undefined,
    };
  // Highlights are invisible to screen readers: say "unread" in words.
  const spoken = row.emphasize
    ? [row.label, vscode.l10n.t('unread'), row.description?.replace(/^\u25cf /, '')]
    : [row.label, row.description];
  item.accessibilityInformation = { label: spoken.filter(Boolean).join(', ') };
  return item;
}

/** Sets a row's tooltip when it is hovered (resolveTreeItem). The text is untrusted Markdown: no commands, no icons. */
export function withTooltip(item: vscode.TreeItem, markdown: string | undefined): vscode.TreeItem {
  if (markdown) item.tooltip = new vscode.MarkdownString(markdown, false);
  return item;
}
