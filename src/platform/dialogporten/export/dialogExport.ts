import { localizedText, serviceOwnerName } from '../../presentation';
import type { AllPartiesDialog } from '../allParties/allPartiesSearch';
import type { DialogListItem } from '../schemas';
import { csvRecord, UTF8_BOM } from './csv';

/** The columns of an export, in order. */
export const EXPORT_COLUMNS = [
  'party',
  'partyName',
  'sender',
  'title',
  'status',
  'systemLabels',
  'isContentSeen',
  'createdAt',
  'updatedAt',
  'contentUpdatedAt',
  'dueAt',
  'serviceResource',
  'id',
  'link',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Readonly<Record<ExportColumn, string>>;

export const DEFAULT_EXPORT_HEADERS: Readonly<Record<ExportColumn, string>> = {
  party: 'Party',
  partyName: 'Party name',
  sender: 'Sender',
  title: 'Title',
  status: 'Status',
  systemLabels: 'Labels',
  isContentSeen: 'Read',
  createdAt: 'Created (UTC)',
  updatedAt: 'Updated (UTC)',
  contentUpdatedAt: 'Content updated (UTC)',
  dueAt: 'Due (UTC)',
  serviceResource: 'Service resource',
  id: 'Dialog id',
  link: 'Link to the Altinn inbox',
};

/** A dialog as listed by a search, or by an all-parties search (with the party as the caller named it). */
export type ExportItem = DialogListItem | AllPartiesDialog;

export interface ExportOptions {
  /** The Altinn inbox of the environment (e.g. https://af.tt02.altinn.no); links are `<inboxUrl>/inbox/<id>`. */
  readonly inboxUrl?: string;
  /** Preferred languages of titles and sender names (then nb, nn, en). */
  readonly languages?: readonly string[];
  /** A party's name by its URN, when the caller knows it. */
  readonly partyName?: (party: string) => string | undefined;
  /** Column titles (translated by the caller); English by default. */
  readonly headers?: Partial<Record<ExportColumn, string>>;
  /** Called after each page with the number of dialogs written so far. */
  readonly onProgress?: (written: number) => void;
}

/** One dialog as export values; dates as `YYYY-MM-DD HH:MM:SS` in UTC, which spreadsheets read as dates. */
export function exportRow(item: ExportItem, options: ExportOptions = {}): ExportRow {
  const dialog = isAllPartiesDialog(item) ? item.dialog : item;
  const party = isAllPartiesDialog(item) ? item.party : dialog.party;
  const inbox = options.inboxUrl?.replace(/\/+$/, '');
  return {
    party,
    partyName: options.partyName?.(party) ?? options.partyName?.(dialog.party) ?? '',
    sender: localizedText(dialog.content?.senderName, options.languages) ?? serviceOwnerName(dialog.org),
    title: localizedText(dialog.content?.title, options.languages) ?? '',
    status: dialog.status,
    systemLabels: (dialog.endUserContext?.systemLabels ?? []).join(', '),
    isContentSeen: dialog.isContentSeen === undefined ? '' : dialog.isContentSeen ? 'yes' : 'no',
    createdAt: spreadsheetDate(dialog.createdAt),
    updatedAt: spreadsheetDate(dialog.updatedAt),
    contentUpdatedAt: spreadsheetDate(dialog.contentUpdatedAt),
    dueAt: spreadsheetDate(dialog.dueAt),
    serviceResource: dialog.serviceResource,
    id: dialog.id,
    link: inbox ? `${inbox}/inbox/${encodeURIComponent(dialog.id)}` : '',
  };
}

/**
 * CSV text, streamed: the byte-order mark and header first, then one chunk per page, so no more than one page of
 * dialogs is held at a time. Pipe it to a file with `stream.pipeline(Readable.from(...), createWriteStream(...))`.
 */
export async function* dialogsToCsv(
  pages: AsyncIterable<readonly ExportItem[]>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const headers = { ...DEFAULT_EXPORT_HEADERS, ...options.headers };
  yield UTF8_BOM + csvRecord(EXPORT_COLUMNS.map((c) => headers[c]));
  let written = 0;
  for await (const page of pages) {
    let chunk = '';
    for (const item of page) {
      const row = exportRow(item, options);
      chunk += csvRecord(EXPORT_COLUMNS.map((c) => row[c]));
    }
    written += page.length;
    if (chunk) yield chunk;
    options.onProgress?.(written);
  }
}

/** A JSON array of export rows (the same fields as the CSV, by column name), streamed one page per chunk. */
export async function* dialogsToJson(
  pages: AsyncIterable<readonly ExportItem[]>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield '[';
  let written = 0;
  for await (const page of pages) {
    let chunk = '';
    for (const item of page) {
      chunk += `${written === 0 ? '\n' : ',\n'}  ${JSON.stringify(exportRow(item, options))}`;
      written++;
    }
    if (chunk) yield chunk;
    options.onProgress?.(written);
  }
  yield written === 0 ? ']\n' : '\n]\n';
}

function isAllPartiesDialog(item: ExportItem): item is AllPartiesDialog {
  const dialog = (item as Partial<AllPartiesDialog>).dialog;
  return typeof dialog === 'object' && dialog !== null && typeof (item as Partial<DialogListItem>).id !== 'string';
}

function spreadsheetDate(value: string | null | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
