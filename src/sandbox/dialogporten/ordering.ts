// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Common/Pagination/Order/OrderSet.cs, Continuation/ContinuationTokenSet.cs
import type { StoredDialog } from '../data/dialogTypes';

export type OrderField = 'contentupdatedat' | 'updatedat' | 'createdat' | 'dueat' | 'id';
export interface OrderPart {
  readonly field: OrderField;
  readonly direction: 'asc' | 'desc';
}

const FIELDS: Readonly<Record<string, OrderField>> = {
  contentupdatedat: 'contentupdatedat',
  updatedat: 'updatedat',
  createdat: 'createdat',
  dueat: 'dueat',
  id: 'id',
};

export const DEFAULT_ORDER: readonly OrderPart[] = [
  { field: 'contentupdatedat', direction: 'desc' },
  { field: 'id', direction: 'desc' },
];

/** Parses `orderBy` (`createdAt_asc,dueAt_desc`); `id` is the last key, `id_desc` when not given, like Dialogporten. */
export function parseOrderBy(value: string | undefined): { order: readonly OrderPart[] } | { error: string } {
  if (value === undefined || value.trim() === '') return { order: DEFAULT_ORDER };
  const parts: OrderPart[] = [];
  for (const raw of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)(?:_(asc|desc))?$/i.exec(raw);
    const field = match ? FIELDS[match[1].toLowerCase()] : undefined;
    if (!match || !field)
      return {
        error: `Invalid orderBy parameter: "${raw}". Use <field>_<asc|desc> with one of contentUpdatedAt, updatedAt, createdAt, dueAt.`,
      };
    if (parts.some((p) => p.field === field))
      return { error: `The field "${match[1]}" appears more than once in orderBy.` };
    parts.push({ field, direction: (match[2]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'desc' });
  }
  // Like OrderSet.TryParse: id goes last (id_desc when not given), and an id-only order gets the default in front.
  const id = parts.find((p) => p.field === 'id') ?? { field: 'id', direction: 'desc' };
  const ordered = parts.filter((p) => p.field !== 'id');
  if (ordered.length === 0) ordered.push(DEFAULT_ORDER[0]);
  return { order: [...ordered, id] };
}

export function orderString(order: readonly OrderPart[]): string {
  return order.map((p) => `${p.field}_${p.direction}`).join(',');
}

type KeyValue = number | string | null;

export function keyOf(dialog: StoredDialog, field: OrderField): KeyValue {
  const f = dialog.fields;
  switch (field) {
    case 'contentupdatedat':
      return f.contentUpdatedAtMs;
    case 'updatedat':
      return f.updatedAtMs;
    case 'createdat':
      return f.createdAtMs;
    case 'dueat':
      return f.dueAtMs;
    case 'id':
      return f.id.toLowerCase();
  }
}

/** Nulls sort as the largest value (PostgreSQL's default): last ascending, first descending. */
function compareValues(a: KeyValue, b: KeyValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function compareKeys(a: readonly KeyValue[], b: readonly KeyValue[], order: readonly OrderPart[]): number {
  for (let i = 0; i < order.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return order[i].direction === 'asc' ? c : -c;
  }
  return 0;
}

export function keysOf(dialog: StoredDialog, order: readonly OrderPart[]): KeyValue[] {
  return order.map((p) => keyOf(dialog, p.field));
}

export function comparatorFor(order: readonly OrderPart[]): (a: StoredDialog, b: StoredDialog) => number {
  return (a, b) => compareKeys(keysOf(a, order), keysOf(b, order), order);
}

/** `contentupdatedat_2025-01-01T00:00:00.0000000Z,id_<uuid>`: the last item's keys, readable like Dialogporten's. */
export function continuationTokenFor(dialog: StoredDialog, order: readonly OrderPart[]): string {
  return order
    .map((p) => {
      const value = keyOf(dialog, p.field);
      if (value === null) return `${p.field}_null`;
      return `${p.field}_${typeof value === 'number' ? dotNetTimestamp(value) : value}`;
    })
    .join(',');
}

/** Reads a token back into key values in `order`'s sequence; undefined when it does not fit this order. */
export function parseContinuationToken(token: string, order: readonly OrderPart[]): KeyValue[] | undefined {
  const values = new Map<string, string>();
  for (const part of token.split(',')) {
    const at = part.indexOf('_');
    if (at <= 0) return undefined;
    values.set(part.slice(0, at).toLowerCase(), part.slice(at + 1));
  }
  if (values.size !== order.length) return undefined;
  const keys: KeyValue[] = [];
  for (const p of order) {
    const raw = values.get(p.field);
    if (raw === undefined) return undefined;
    if (p.field === 'id') {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) return undefined;
      keys.push(raw.toLowerCase());
    } else if (raw === 'null') {
      keys.push(null);
    } else {
      const ms = Date.parse(raw);
      if (Number.isNaN(ms)) return undefined;
      keys.push(ms);
    }
  }
  return keys;
}

/** First index in `sorted` whose keys come strictly after `cursor`. */
export function indexAfter(
  sorted: readonly StoredDialog[],
  cursor: readonly KeyValue[],
  order: readonly OrderPart[],
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keysOf(sorted[mid], order), cursor, order) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** .NET's round-trip format: seven fraction digits. */
function dotNetTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
