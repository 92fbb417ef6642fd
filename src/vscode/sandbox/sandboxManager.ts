import * as vscode from 'vscode';
import type { SandboxHandle } from '../../sandbox';

/**
 * The embedded sandbox: started on first use (never at activation), shared by every caller, stopped on dispose.
 */
export class SandboxManager implements vscode.Disposable {
  private starting: Promise<SandboxHandle> | undefined;
  private handle: SandboxHandle | undefined;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly seed?: number) {}

  get running(): SandboxHandle | undefined {
    return this.handle;
  }

  ensureStarted(): Promise<SandboxHandle> {
    this.starting ??= loadSandbox().startSandbox({ seed: this.seed }).then(
      (handle) => {
        this.handle = handle;
        this.log.info(`[sandbox] listening on ${handle.urls.baseUrl}`);
        return handle;
      },
      (error: unknown) => {
        this.starting = undefined;
        this.log.error(`[sandbox] could not start: ${(error as Error).message}`);
        throw error;
      },
    );
    return this.starting;
  }

  async stop(): Promise<void> {
    const handle = this.handle ?? (this.starting ? await this.starting.catch(() => undefined) : undefined);
    this.handle = undefined;
    this.starting = undefined;
    if (handle) {
      await handle.close();
      this.log.info('[sandbox] stopped');
    }
  }

  dispose(): void {
    void this.stop();
  }
}

/** The sandbox is a chunk of its own (dist/sandbox.js), loaded the first time it is needed, never at activation. */
function loadSandbox(): typeof import('../../sandbox') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../sandbox') as typeof import('../../sandbox');
}
