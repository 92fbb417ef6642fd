import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AllPartiesDialog, AllPartiesSearch } from '../allParties/allPartiesSearch';
import type { CallOptions, DialogportenClient } from '../client/dialogportenClient';
import type { DialogSearchFilters } from '../client/searchFilters';
import type { DialogListItem } from '../schemas';

/** The pages of an all-parties search as lists of dialogs, for dialogsToCsv / dialogsToJson. */
export async function* allPartiesExportPages(
  search: AllPartiesSearch,
  call: CallOptions = {},
): AsyncGenerator<readonly AllPartiesDialog[]> {
  for await (const page of search.pages(call)) yield page.items;
}

/** The pages of one search (one party batch or a service-resource search) as lists of dialogs. */
export async function* searchExportPages(
  client: Pick<DialogportenClient, 'searchDialogPages'>,
  filters: DialogSearchFilters,
  call: CallOptions = {},
): AsyncGenerator<readonly DialogListItem[]> {
  for await (const page of client.searchDialogPages(filters, call)) yield page.items ?? [];
}

/** Writes streamed text (UTF-8) to `out`, waiting whenever it is full, and ends it. */
export async function writeExport(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  await pipeline(Readable.from(chunks, { objectMode: false }), out);
}
