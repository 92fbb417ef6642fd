import type { DateOptions, Localizer } from '../../platform/presentation';
import { escapeMarkdown } from '../shared/markdownText';

/**
 * How inbox items look in the tree, as plain data (no vscode): label, description, codicon, context tokens and
 * a Markdown tooltip. Everything a service owner wrote is reduced to plain text and escaped for Markdown. The
 * names, dates and threading come from the presentation core (src/platform/presentation), shared with the panel.
 */
export interface Presentation {
  readonly label: string;
  readonly description: string;
  readonly icon: { readonly id: string; readonly color?: string };
  /** Space-separated tokens, matched in when-clauses with `viewItem =~ /\btoken\b/`. */
  readonly contextValue: string;
  /** Highlight the whole label (unread). */
  readonly emphasize?: boolean;
}

export interface FormatOptions extends DateOptions {
  /** Translations of the words around the data (default English). */
  readonly l10n?: Localizer;
  /** Preferred content languages before nb → nn → en. */
  readonly languages?: readonly string[];
}

/** A two-column Markdown table of facts, every cell escaped. */
export function markdownTable(rows: readonly [string, string][]): string {
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`)].join('\n');
}

export function fileIcon(name: string | undefined, mediaType: string | undefined): string {
  const lower = `${name ?? ''} ${mediaType ?? ''}`.toLowerCase();
  if (/pdf/.test(lower)) return 'file-pdf';
  if (/zip|compressed|octet/.test(lower)) return 'file-zip';
  if (/image|\.png|\.jpe?g|\.gif/.test(lower)) return 'file-media';
  if (/xml|json|html|\.xsd/.test(lower)) return 'file-code';
  return 'file';
}
