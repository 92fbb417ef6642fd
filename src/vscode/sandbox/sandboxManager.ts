import * as vscode from 'vscode';
import type { SandboxHandle } from '../../sandbox';
import { describeLoadReport } from './describeLoadReport';

/**
 * The embedded sandbox: started on first use (never at activation), shared by every caller, stopped on dispose.
 */
export class SandboxManager implements vscode.Disposable {
  private starting: Promise<SandboxHandle> | undefined;
  private handle: SandboxHandle | undefined;
  /** Client organisations of the sandbox's accounting firm (0: none); set by restartWithClients. */
  private clients = 0;

  /** `dataFolder` is asked each time the sandbox starts (the `altinnInbox.sandbox.dataFolder` setting). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly dataFolder: () => string | undefined = () => undefined,
    private readonly seed?: number,
  ) {}

  get running(): SandboxHandle | undefined {
    return this.handle;
  }

  /** Whether something asked for the sandbox since it last stopped (it may still be starting). */
  get startRequested(): boolean {
    return this.starting !== undefined;
  }

  ensureStarted(): Promise<SandboxHandle> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Starts the sandbox again with an accounting firm whose agent system user acts for `clients` organisations. */
  async restartWithClients(clients: number): Promise<SandboxHandle> {
    await this.stop();
    this.clients = clients;
    return this.ensureStarted();
  }

  private start(): Promise<SandboxHandle> {
    const dataDir = this.dataFolder();
    return loadSandbox()
      .startSandbox({ seed: this.seed, dataDir, ...(this.clients > 0 ? { clients: this.clients } : {}) })
      .then(
        (handle) => {
          this.handle = handle;
          this.log.info(`[sandbox] listening on ${handle.urls.baseUrl}`);
          if (dataDir) this.reportDataFolder(handle);
          return handle;
        },
        (error: unknown) => {
          this.starting = undefined;
          this.log.error(`[sandbox] could not start: ${(error as Error).message}`);
          throw error;
        },
      );
  }

  private reportDataFolder(handle: SandboxHandle): void {
    const { summary, problems } = describeLoadReport(loadSandbox().dialogLoadReport(handle.context));
    this.log.info(summary);
    for (const problem of problems) this.log.warn(problem);
    if (problems.length) {
      const show = vscode.l10n.t('Show Log');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t('The sandbox could not use {0} files of its data folder; the log says why.', problems.length),
          show,
        )
        .then((choice) => {
          if (choice === show) this.log.show(true);
        });
    }
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
