/** The fields the threading needs; list items and a dialog's own transmissions alike. */
export interface TransmissionLike {
  readonly id: string;
  readonly createdAt: string;
  readonly relatedTransmissionId?: string | null;
}

export interface TransmissionEntry<T extends TransmissionLike> {
  readonly transmission: T;
  /** Position in the response array, for the raw JSON view. */
  readonly index: number;
  /** Transmissions that name this one as `relatedTransmissionId` (replies, corrections…), newest first. */
  readonly related: readonly TransmissionEntry<T>[];
}

/**
 * Nests transmissions under the one they relate to, newest first at every level (by instant, so differing UTC
 * offsets compare right). A transmission whose related one is missing (deleted, not authorised) or that names
 * itself stays at the top; a cycle is broken at its newest member. Every transmission appears exactly once, however
 * deep the chain. The Altinn inbox also shows each thread newest first (Altinn/dialogporten-frontend,
 * packages/frontend/src/utils/transmissions.ts: groupTransmissions and getTransmissions), so the tree and the panel
 * read in the order a person sees there.
 */
export function nestTransmissions<T extends TransmissionLike>(transmissions: readonly T[]): TransmissionEntry<T>[] {
  const byId = new Map<string, number>();
  transmissions.forEach((t, index) => byId.set(t.id.toLowerCase(), index));
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  transmissions.forEach((t, index) => {
    const parent = t.relatedTransmissionId ? byId.get(t.relatedTransmissionId.toLowerCase()) : undefined;
    if (parent === undefined || parent === index) roots.push(index);
    else children.set(parent, [...(children.get(parent) ?? []), index]);
  });
  const newestFirst = (a: number, b: number): number =>
    Date.parse(transmissions[b].createdAt) - Date.parse(transmissions[a].createdAt) || a - b;
  const placed = new Set<number>();
  const build = (index: number): TransmissionEntry<T> => {
    placed.add(index);
    const related = (children.get(index) ?? [])
      .filter((c) => !placed.has(c))
      .sort(newestFirst)
      .map(build);
    return { transmission: transmissions[index], index, related };
  };
  const result = roots.sort(newestFirst).map(build);
  // Members of a cycle have no root; start from the newest unplaced one until all are placed.
  for (const index of transmissions.map((_, i) => i).sort(newestFirst)) {
    if (!placed.has(index)) result.push(build(index));
  }
  return result.sort((a, b) => newestFirst(a.index, b.index));
}
