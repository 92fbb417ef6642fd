import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  floor?: number;
  ratio?: number;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median wall time of `fn` over `repeat` runs after `warmup` runs. Between runs the event loop gets a turn: the
 * sandbox shares this process, and a synchronous `fn` (rendering) would otherwise hold back its timers, so idle
 * keep-alive sockets would be closed by the server only when the next request is already on its way (ECONNRESET).
 */
export async function timeMedian(
  fn: () => Promise<unknown> | unknown,
  { repeat, warmup = 3 }: { repeat: number; warmup?: number },
): Promise<number> {
  for (let i = 0; i < warmup; i++) {
    await fn();
    await nextTurn();
  }
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
    await nextTurn();
  }
  return median(samples);
}

/**
 * Like timeMedian, for synchronous work, also giving the median CPU time of the process (all its threads, so the
 * garbage collector's helpers count too). On a machine shared with other developers' jobs the wall time includes
 * waiting for a core; the CPU time shows how much of it was this work.
 */
export async function timeAndCpuMedian(
  fn: () => unknown,
  { repeat, warmup = 3 }: { repeat: number; warmup?: number },
): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) {
    fn();
    await nextTurn();
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    fn();
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    await nextTurn();
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Ours and the floor (or any two variants), interleaved run by run so both see the same machine noise and garbage
 * collector state; medians of each.
 */
export async function timeAgainstFloor(
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  { repeat, warmup = 3 }: { repeat: number; warmup?: number },
): Promise<{ ours: number; floor: number }> {
  for (let i = 0; i < warmup; i++) {
    await floor();
    await ours();
    await nextTurn();
  }
  const oursSamples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const [first, second] = i % 2 ? [floor, ours] : [ours, floor];
    const a = performance.now();
    await first();
    const b = performance.now();
    await second();
    const c = performance.now();
    (first === ours ? oursSamples : floorSamples).push(b - a);
    (first === ours ? floorSamples : oursSamples).push(c - b);
    await nextTurn();
  }
  return { ours: median(oursSamples), floor: median(floorSamples) };
}

export function ratioFigure(name: string, ours: number, floor: number, maxRatio: number, unit = 'ms'): Figure {
  const ratio = ours / floor;
  return {
    name,
    value: round(ours),
    unit,
    target: `≤ ${maxRatio} × floor`,
    pass: ratio <= maxRatio,
    floor: round(floor),
    ratio: round(ratio, 3),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
