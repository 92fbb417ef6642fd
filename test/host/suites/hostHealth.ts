import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Watches the extension host for a suite's duration: unhandled promise rejections and uncaught exceptions in
// the process, and the errors VS Code writes to the extension host's own log (exthost.log) on our behalf.

// Our extension's install folder and the test runner's both contain this; other extensions' errors are not ours.
const OURS = /altinn/i;

export interface HostProblem {
  readonly source: 'unhandledRejection' | 'uncaughtException' | 'exthost.log';
  readonly text: string;
}

export class HostHealthWatch {
  private readonly problems: HostProblem[] = [];
  private readonly logOffsets = new Map<string, number>();
  private readonly onRejection = (reason: unknown): void => {
    this.problems.push({ source: 'unhandledRejection', text: describe(reason) });
  };
  private readonly onException = (error: unknown): void => {
    this.problems.push({ source: 'uncaughtException', text: describe(error) });
  };

  /** `extensionLogDir` is the extension's context.logUri: exthost.log is in the folder above it. */
  constructor(private readonly extensionLogDir: string) {}

  start(): void {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
    for (const file of this.hostLogs()) this.logOffsets.set(file, statSync(file).size);
  }

  stop(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
  }

  /** Problems seen so far; `ignore` drops entries a test caused on purpose (a calibration marker). */
  collect(ignore?: RegExp): HostProblem[] {
    const fromLog: HostProblem[] = [];
    for (const file of this.hostLogs()) {
      const text = readFileSync(file, 'utf8').slice(this.logOffsets.get(file) ?? 0);
      // One entry per timestamped line, with the stack lines that follow it.
      for (const entry of text.split(/\n(?=\d{4}-\d\d-\d\d[ T])/)) {
        if (/\[error\]/.test(entry) && OURS.test(entry))
          fromLog.push({ source: 'exthost.log', text: entry.slice(0, 2_000) });
      }
    }
    return [...this.problems, ...fromLog].filter((p) => !ignore || !ignore.test(p.text));
  }

  /** exthost.log (and any sibling host log) of this extension host. */
  hostLogs(): string[] {
    const dir = dirname(this.extensionLogDir);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .map((name) => join(dir, name))
      .filter((file) => statSync(file).isFile());
  }
}

function describe(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : String(value);
}
