import { ResponseShapeError } from '../errors';
import type { Page } from './schemas';

const MAX_PAGES = 200;

/** Follows `nextToken` until the last page (bounded: a server that keeps announcing more is an error, not a loop). */
export async function allPages<T>(
  payload: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(token);
    items.push(...result.items);
    if (!result.nextToken) return items;
    if (result.nextToken === token)
      throw new ResponseShapeError(payload, 'links.next', 'announced the same page again; refusing to loop');
    token = result.nextToken;
  }
  throw new ResponseShapeError(payload, 'links.next', `still announced more after ${MAX_PAGES} pages`);
}

/** `?token=…` for a page after the first. */
export function pageQuery(token: string | undefined): string {
  return token ? `?${new URLSearchParams({ token })}` : '';
}

/** What a list whose server may ignore `token` gave: its items, and whether the last page was reached. */
export interface PagedList<T> {
  readonly items: T[];
  /** False when a later page brought nothing new: the server answered an earlier page again. */
  readonly complete: boolean;
}

/**
 * Like allPages, for a list whose server answers its first page whatever `token` says (Altinn's change-request list
 * does: ChangeRequestSystemUserService.GetAllChangeRequestsForVendor never passes the token on). A page that brings
 * no item not seen before ends the list, marked incomplete, instead of looping.
 */
export async function distinctPages<T>(
  payload: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  keyOf: (item: T) => string,
): Promise<PagedList<T>> {
  const items = new Map<string, T>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(token);
    const before = items.size;
    for (const item of result.items) if (!items.has(keyOf(item))) items.set(keyOf(item), item);
    if (!result.nextToken) return { items: [...items.values()], complete: true };
    if (page > 0 && items.size === before) return { items: [...items.values()], complete: false };
    token = result.nextToken;
  }
  throw new ResponseShapeError(payload, 'links.next', `still announced more after ${MAX_PAGES} pages`);
}
