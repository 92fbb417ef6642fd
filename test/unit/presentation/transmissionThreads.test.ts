import assert from 'node:assert/strict';
import { nestTransmissions, type TransmissionEntry, type TransmissionLike } from '../../../src/platform/presentation';

const tx = (id: string, createdAt: string, relatedTransmissionId?: string | null): TransmissionLike => ({
  id,
  createdAt,
  relatedTransmissionId,
});

/** The forest as `id(child,child)` text, so a test reads the order and the nesting at once. */
function shape(entries: readonly TransmissionEntry<TransmissionLike>[]): string {
  return entries
    .map((e) => (e.related.length ? `${e.transmission.id}(${shape(e.related)})` : e.transmission.id))
    .join(',');
}

function ids(entries: readonly TransmissionEntry<TransmissionLike>[]): string[] {
  return entries.flatMap((e) => [e.transmission.id, ...ids(e.related)]);
}

describe('presentation core: transmission threads', () => {
  it('nests replies under what they relate to, newest first at every level, and keeps each index into the response', () => {
    const nested = nestTransmissions([
      tx('a', '2025-01-01T00:00:00Z'),
      tx('b', '2025-01-03T00:00:00Z', 'a'),
      tx('c', '2025-01-02T00:00:00Z', 'a'),
      tx('d', '2025-01-04T00:00:00Z'),
      tx('e', '2025-01-05T00:00:00Z', 'b'),
    ]);
    assert.equal(shape(nested), 'd,a(b(e),c)');
    assert.equal(nested[1].related[0].index, 1, 'b is the second item of the response');
    assert.equal(nested[1].related[0].related[0].index, 4);
  });

  it('orders by instant, not by text, so timestamps with different UTC offsets compare right', () => {
    // 10:00+02:00 is 08:00Z: earlier than 09:00Z although its text sorts later.
    const nested = nestTransmissions([tx('late', '2025-01-01T09:00:00Z'), tx('early', '2025-01-01T10:00:00+02:00')]);
    assert.equal(shape(nested), 'late,early');
  });

  it('keeps a transmission whose related one is missing, or that names itself, at the top', () => {
    const nested = nestTransmissions([
      tx('orphan', '2025-01-01T00:00:00Z', 'not-in-this-dialog'),
      tx('self', '2025-01-02T00:00:00Z', 'self'),
      tx('reply', '2025-01-03T00:00:00Z', 'ORPHAN'),
    ]);
    assert.equal(shape(nested), 'self,orphan(reply)', 'ids match without regard to case');
  });

  it('breaks a cycle at its newest member and loses no transmission', () => {
    const nested = nestTransmissions([
      tx('x', '2025-01-01T00:00:00Z', 'y'),
      tx('y', '2025-01-02T00:00:00Z', 'x'),
      tx('z', '2025-01-03T00:00:00Z', 'missing'),
    ]);
    assert.equal(shape(nested), 'z,y(x)');
    const ring = nestTransmissions([
      tx('p', '2025-02-01T00:00:00Z', 'r'),
      tx('q', '2025-02-03T00:00:00Z', 'p'),
      tx('r', '2025-02-02T00:00:00Z', 'q'),
    ]);
    assert.equal(shape(ring), 'q(r(p))');
  });

  it('places every transmission of a long chain exactly once, however deep', () => {
    const chain = Array.from({ length: 60 }, (_, i) =>
      tx(`t${i}`, new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), i ? `t${i - 1}` : null),
    );
    const nested = nestTransmissions(chain);
    assert.equal(nested.length, 1);
    assert.deepEqual(
      ids(nested),
      chain.map((t) => t.id),
    );
  });
});
