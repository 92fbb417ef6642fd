import type { DialogportenClient } from '../../platform/dialogporten';
import type { DialogListItem } from '../../platform/dialogporten/schemas/dialogListItem';
import { toSearchFilters, type InboxFilter } from './inboxFilter';

const WINDOW_MS = 1_000;
const MAX_PAGES = 5;

/**
 * The current list item of one dialog, without opening it (GET details would mark it as seen): a search for
 * its party narrowed to the second it was created (which never changes), with the party's filter applied.
 * Undefined when it no longer matches the filter (e.g. archived while the Inbox view is shown) or is gone.
 */
export async function refetchListItem(
  client: DialogportenClient,
  partyUrn: string,
  filter: InboxFilter | undefined,
  item: Pick<DialogListItem, 'id' | 'createdAt'>,
  options: { signal?: AbortSignal } = {},
): Promise<DialogListItem | undefined> {
  const created = Date.parse(item.createdAt);
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const filters = {
      ...toSearchFilters(partyUrn, filter, 100, continuationToken),
      createdAfter: new Date(created - WINDOW_MS),
      createdBefore: new Date(created + WINDOW_MS),
    };
    const result = await client.searchDialogs(filters, options);
    const found = (result.items ?? []).find((candidate) => candidate.id.toLowerCase() === item.id.toLowerCase());
    if (found) return found;
    if (!result.hasNextPage || !result.continuationToken) return undefined;
    continuationToken = result.continuationToken;
  }
  return undefined;
}
