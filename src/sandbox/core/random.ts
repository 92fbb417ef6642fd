/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same world. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A version-4-shaped UUID derived from the stream (deterministic, not cryptographic). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(this.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A version-7-shaped UUID whose leading 48 bits are the given time, so ids sort by creation time like Dialogporten's. */
  uuidV7(timeMs: number): string {
    const time = Math.floor(timeMs).toString(16).padStart(12, '0');
    const rest = this.uuid().replace(/-/g, '');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(13, 16)}-${rest.slice(16, 20)}-${rest.slice(20, 32)}`;
  }
}
