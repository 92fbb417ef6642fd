import type { SeededRandom } from '../core/random';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hex digits from one draw, by table (bodies of many dialogs need millions of ids). */
function hex8(random: SeededRandom): string {
  const n = (random.next() * 0x1_0000_0000) >>> 0;
  return HEX[n >>> 24] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

/** A deterministic version-4-shaped UUID from four draws (SeededRandom.uuid() draws once per hex digit). */
export function fastUuid(random: SeededRandom): string {
  const a = hex8(random);
  const b = hex8(random);
  const c = hex8(random);
  const d = hex8(random);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[parseInt(c[0], 16) & 3]}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** A UUIDv7: the first 48 bits are the time, so ids sort by creation time like Dialogporten's. */
export function fastUuidV7(random: SeededRandom, timeMs: number): string {
  const time = Math.max(0, Math.floor(timeMs)).toString(16).padStart(12, '0');
  const b = hex8(random);
  const c = hex8(random);
  const d = hex8(random);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${b.slice(0, 3)}-${'89ab'[parseInt(b[3], 16) & 3]}${b.slice(4, 7)}-${b[7]}${c}${d.slice(0, 3)}`;
}
