// Paging as Altinn/altinn-authentication src/Authentication/Model/{Paginated,Opaque}.cs and src/Core/Models/Page.cs:
// `{"links":{"next":"<absolute URL>"},"data":[...]}`, `links` is `{}` on the last page (a null `next` is left out),
// and `token` is the base64url (no padding) of the JSON of the next page's first key.
//
// Requests are keyed by id (a quoted GUID); system users by their sequence number. Altinn's request query reads
// `id > token` although the token is the next page's first id, which would skip one request per later page
// (RequestRepository.GetAllRequestsBySystem; unverified live). The sandbox does NOT copy that: it reads `id >= token`
// for both lists, so a client that pages correctly sees every item here.
// The change-request list is different and copied as it is: Altinn ignores its token (changeRequestRoutes.ts).
import type { RequestContext } from '../core/router';
import { sendModelBindingProblem } from './problems';

export function encodeToken(key: string | number): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key in `?token=`, null without one; answers 400 itself (undefined) when it is not a token. */
export function readToken(request: RequestContext): string | number | null | undefined {
  const token = request.query.get('token');
  if (token === null || token === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'string' || typeof value === 'number') return value;
  } catch {
    // answered below
  }
  sendModelBindingProblem(request.res, 'token', `The value '${token}' is not valid.`);
  return undefined;
}

/** One page of `items` (sorted by `keyOf`) from `from` on, with the next link when more remain. */
export function pageOf<T, K extends string | number>(
  items: readonly T[],
  keyOf: (item: T) => K,
  from: K | null,
  pageSize: number,
  linkFor: (token: string) => string,
): { links: { next?: string }; data: T[] } {
  const rest = from === null ? items : items.filter((item) => keyOf(item) >= from);
  const data = rest.slice(0, pageSize);
  const next = rest[pageSize];
  return { links: next === undefined ? {} : { next: linkFor(encodeToken(keyOf(next))) }, data };
}
