// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Search/SearchDialogQuery.cs
import type { DialogStore } from '../data/dialogStore';
import type { StoredDialog } from '../data/dialogTypes';
import { canSee, type DialogportenCaller } from './caller';
import { comparatorFor, continuationTokenFor, indexAfter, keysOf, compareKeys, orderString } from './ordering';
import { isContentSeen } from './render';
import type { SearchQuery } from './searchQuery';

/** A free-text search over more dialogs than this without `contentUpdatedAfter` hits the statement timeout (422). */
export const BROAD_SEARCH_LIMIT = 50_000;

export type SearchOutcome =
  | { kind: 'page'; items: StoredDialog[]; hasNextPage: boolean; continuationToken: string | null; orderBy: string }
  | { kind: 'too-broad'; candidates: number };

/**
 * Walks the parties' sorted views from the cursor (binary search), merging them in order and filtering,
 * until the page is full: the cost follows the page, not the inbox size.
 */
export function searchDialogs(store: DialogStore, caller: DialogportenCaller, query: SearchQuery): SearchOutcome {
  const requested = query.party.length ? query.party : [...caller.grants.keys()];
  const parties = [...new Set(requested)].filter((p) => caller.grants.has(p));
  const orderBy = orderString(query.order);
  if (query.search !== undefined && query.contentUpdatedAfter === undefined) {
    const candidates = parties.reduce((n, p) => n + store.dialogsOf(p).length, 0);
    if (candidates > BROAD_SEARCH_LIMIT) return { kind: 'too-broad', candidates };
  }
  const key = orderBy;
  const compare = comparatorFor(query.order);
  const lists = parties.map((p) => store.sortedDialogsOf(p, key, compare)).filter((l) => l.length > 0);
  const positions = lists.map((l) => (query.cursor ? indexAfter(l, query.cursor, query.order) : 0));
  const matches = matcherFor(query, caller);
  // Each list's head keys are computed once per step, not once per comparison: with 100 parties in a search, a
  // page of 100 would otherwise build 20,000 key arrays.
  const headKeys = lists.map((l, i) => (positions[i] < l.length ? keysOf(l[positions[i]], query.order) : undefined));
  const items: StoredDialog[] = [];
  let hasNextPage = false;
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const keys = headKeys[i];
      if (keys && (best < 0 || compareKeys(keys, headKeys[best]!, query.order) < 0)) best = i;
    }
    if (best < 0) break;
    const list = lists[best];
    const candidate = list[positions[best]++];
    headKeys[best] = positions[best] < list.length ? keysOf(list[positions[best]], query.order) : undefined;
    if (!matches(candidate)) continue;
    if (items.length === query.limit) {
      hasNextPage = true;
      break;
    }
    items.push(candidate);
  }
  const last = items[items.length - 1];
  return {
    kind: 'page',
    items,
    hasNextPage,
    orderBy,
    continuationToken: last ? continuationTokenFor(last, query.order) : (query.continuationToken ?? null),
  };
}

function matcherFor(query: SearchQuery, caller: DialogportenCaller): (dialog: StoredDialog) => boolean {
  const lower = (values: readonly string[]): Set<string> => new Set(values.map((v) => v.toLowerCase()));
  const resources = lower(query.serviceResource);
  const orgs = lower(query.org);
  const extended = lower(query.extendedStatus);
  const statuses = new Set(query.status);
  const search = query.search?.toLowerCase();
  const inRange = (value: number | null, after?: number, before?: number): boolean => {
    if (after === undefined && before === undefined) return true;
    if (value === null) return false;
    return (after === undefined || value >= after) && (before === undefined || value <= before);
  };
  return (dialog) => {
    const f = dialog.fields;
    if (dialog.state.deleted || !canSee(caller, dialog)) return false;
    if (resources.size && !resources.has(f.serviceResource.toLowerCase())) return false;
    if (orgs.size && !orgs.has(f.org.toLowerCase())) return false;
    if (extended.size && (f.extendedStatus === null || !extended.has(f.extendedStatus.toLowerCase()))) return false;
    if (query.externalReference !== undefined && f.externalReference !== query.externalReference) return false;
    if (statuses.size && !statuses.has(f.status)) return false;
    if (query.process !== undefined && f.process !== query.process) return false;
    if (query.excludeApiOnly && f.isApiOnly) return false;
    if (!inRange(f.createdAtMs, query.createdAfter, query.createdBefore)) return false;
    if (!inRange(f.updatedAtMs, query.updatedAfter, query.updatedBefore)) return false;
    if (!inRange(f.contentUpdatedAtMs, query.contentUpdatedAfter, query.contentUpdatedBefore)) return false;
    if (!inRange(f.dueAtMs, query.dueAfter, query.dueBefore)) return false;
    if (query.systemLabel.length && !query.systemLabel.some((l) => dialog.state.systemLabels.includes(l))) return false;
    if (query.isContentSeen !== undefined && isContentSeen(dialog) !== query.isContentSeen) return false;
    if (search !== undefined) {
      const texts = dialog
        .searchTexts()
        .filter((t) => !query.searchLanguageCode || t.languageCode.toLowerCase().startsWith(query.searchLanguageCode));
      if (!texts.some((t) => t.value.toLowerCase().includes(search))) return false;
    }
    return true;
  };
}
