import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resetWorkbench } from './workbenchReset';

export interface HostTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: { message: string; stack?: string };
}

export interface HostRunResult {
  readonly vscodeVersion: string;
  readonly uiKind: string;
  readonly appHost: string;
  readonly remoteName?: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly tests: HostTestResult[];
  /** Lines the suites wrote with console.log (count summaries, for example), for the driver to print. */
  readonly printed: string[];
}

interface MochaSuite {
  title: string;
  suites: MochaSuite[];
  _beforeAll: unknown[];
  beforeAll(title: string, fn: () => Promise<void>): void;
}
interface MochaTest {
  fullTitle(): string;
  duration?: number;
  state?: string;
  pending?: boolean;
}
interface MochaRunner {
  on(event: string, listener: (...args: never[]) => void): void;
}
interface MochaInstance {
  suite: MochaSuite;
  addFile(file: string): void;
  loadFiles(): void;
  lazyLoadFiles(enable: boolean): void;
  run(done: (failures: number) => void): MochaRunner;
}
type MochaConstructor = new (options: Record<string, unknown>) => MochaInstance;

/** Runs every `*.test.js` in `suitesDir` with mocha inside the current extension host and collects the results. */
export async function runSuites(
  suitesDir: string,
  Mocha: MochaConstructor,
  environment: Pick<HostRunResult, 'vscodeVersion' | 'uiKind' | 'appHost' | 'remoteName'>,
): Promise<HostRunResult> {
  const printed: string[] = [];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: class {
      constructor() {
        /* results are collected below */
      }
    },
  });
  const grep = process.env.ALTINN_HOST_GREP;
  for (const file of readdirSync(suitesDir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(suitesDir, file));
  }
  if (grep) (mocha as unknown as { grep(pattern: string): void }).grep(grep);
  startEachSuiteFresh(mocha, printed);
  const tests: HostTestResult[] = [];
  const started = Date.now();
  // The extension host's console goes to its own log, not to the driver: suites print summaries through
  // printSummary() (hostHelpers.ts), which also hands each line to the driver here.
  (globalThis as { __altinnHostPrinted?: string[] }).__altinnHostPrinted = printed;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test: MochaTest) => {
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
    });
    runner.on('pending', (test: MochaTest) => {
      tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
    });
    runner.on('fail', (test: MochaTest, error: Error) => {
      tests.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: { message: error?.message ?? String(error), stack: error?.stack },
      });
    });
  }).finally(() => {
    delete (globalThis as { __altinnHostPrinted?: string[] }).__altinnHostPrinted;
  });
  return {
    ...environment,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
    printed,
  };
}

/**
 * Makes resetWorkbench() the first `before` hook of every top-level suite, ahead of the suite's own, so each suite
 * starts from a known workbench even when the one before it failed half-way. Mocha has no public "prepend hook",
 * so the files are loaded here and the hook just added is moved to the front of the suite's list.
 */
function startEachSuiteFresh(mocha: MochaInstance, printed: string[]): void {
  mocha.loadFiles();
  mocha.lazyLoadFiles(true); // loaded above: run() must not load (and define) them again
  for (const suite of mocha.suite.suites) {
    suite.beforeAll('start from a fresh workbench', async () => {
      const leftOver = await resetWorkbench();
      if (leftOver.length) printed.push(`[reset] before "${suite.title}": ${leftOver.join('; ')}`);
    });
    suite._beforeAll.unshift(suite._beforeAll.pop()!);
  }
}
