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
