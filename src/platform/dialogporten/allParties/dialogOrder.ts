// Dialogporten's end-user search sorts by the orderBy fields and then by id, contentUpdatedAt_desc by default, the
// direction desc when not named (Altinn/dialogporten src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/
// Dialogs/Queries/Search/IDialogRepository.cs: SearchDialogQueryOrderDefinition; Common/Pagination/Order/OrderSet.cs).
// Paging is keyset: the continuation token holds the last item's sort keys and the next page starts strictly after
// them (Common/Pagination/PaginationExtensions.cs), so pages of one search never overlap.
import { InvalidInputError } from '../../errors';
import type { DialogListItem } from '../schemas';
import type { OrderBy, OrderField } from '../client/searchFilters';

type Direction = 'asc' | 'desc';
interface SortPart {
  readonly field: OrderField | 'id';
  readonly direction: Direction;
}
/** A dialog's sort keys, in the order's sequence; null sorts as the largest value, as PostgreSQL does. */
export type SortKeys = readonly (number | string | null)[];

const FIELDS: Readonly<Record<string, OrderField | 'id'>> = {
  contentupdatedat: 'contentUpdatedAt',
  updatedat: 'updatedAt',
  createdat: 'createdAt',
  dueat: 'dueAt',
  id: 'id',
};

/** How a merged list is ordered; built from the same `orderBy` the searches are sent with. */
export class DialogOrder {
  private constructor(private readonly parts: readonly SortPart[]) {}

  static from(orderBy: OrderBy | undefined): DialogOrder {
    const raw =
      orderBy === undefined
        ? []
        : typeof orderBy === 'string'
          ? orderBy
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : orderBy.map((o) => `${o.field}_${o.direction}`);
    const parts: SortPart[] = [];
    for (const item of raw) {
      const match = /^([a-z]+)(?:_(asc|desc))?$/i.exec(item);
      const field = match ? FIELDS[match[1].toLowerCase()] : undefined;
      if (!match || !field)
        throw new InvalidInputError(
          'orderBy',
          `"${item}" is not a sort order; use <field>_<asc|desc> with contentUpdatedAt, updatedAt, createdAt or dueAt.`,
        );
      if (parts.some((p) => p.field === field))
        throw new InvalidInputError('orderBy', `${match[1]} appears more than once in orderBy.`);
      parts.push({ field, direction: (match[2]?.toLowerCase() as Direction | undefined) ?? 'desc' });
    }
    const id = parts.find((p) => p.field === 'id') ?? { field: 'id', direction: 'desc' };
    const rest = parts.filter((p) => p.field !== 'id');
    if (rest.length === 0) rest.push({ field: 'contentUpdatedAt', direction: 'desc' });
    return new DialogOrder([...rest, id]);
  }

  keysOf(dialog: DialogListItem): SortKeys {
    return this.parts.map((p) => (p.field === 'id' ? dialog.id.toLowerCase() : instantKey(dialog[p.field])));
  }

  /** Negative when `a` comes first. */
  compare(a: SortKeys, b: SortKeys): number {
    for (let i = 0; i < this.parts.length; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      const c = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return this.parts[i].direction === 'asc' ? c : -c;
    }
    return 0;
  }
}

/**
 * Microseconds since the epoch: PostgreSQL keeps timestamps to the microsecond and Dialogporten writes up to seven
 * fraction digits, so milliseconds alone could tie two dialogs the server tells apart.
 */
function instantKey(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const micros = /\.\d{3}(\d{1,3})/.exec(value)?.[1].padEnd(3, '0') ?? '000';
  return ms * 1000 + Number(micros);
}
