import * as vscode from 'vscode';
import { HttpClient } from './platform/http';
import { registerCommand } from './vscode/commands';
import { registerDialogPanel, type DialogPanelTestInternals } from './vscode/dialogPanel/registerDialogPanel';
import { ConnectionService } from './vscode/connectionService';
import { registerConnections } from './vscode/connections/registerConnections';
import { registerCredentialCommands } from './vscode/credentials/credentialCommands';
import { ContextKeys, setContextKey } from './vscode/contextKeys';
import { registerInbox, type InboxTestInternals } from './vscode/inbox/registerInbox';
import { createLog } from './vscode/log';
import { registerOnboarding } from './vscode/onboarding/registerOnboarding';
import { registerPayloads } from './vscode/payloads/registerPayloads';
import { ProfileStore } from './vscode/profiles/profileStore';
import { ScriptedPrompts, WindowPrompts, type Prompts } from './vscode/prompts';
import { sandboxDataFolder, watchSandboxDataFolder } from './vscode/sandbox/sandboxDataFolder';
import { applyHttpTimeoutSetting } from './vscode/settings/httpTimeout';
import { SandboxManager } from './vscode/sandbox/sandboxManager';
import type { ExtensionServices } from './vscode/services';
import { ConnectionStatusBar } from './vscode/statusBar';
import { registerTokenInspector } from './vscode/tokenInspector/inspectTokenCommand';
import { registerSystems, type SystemsTestInternals } from './vscode/systems/registerSystems';
import { registerDiagnose } from './vscode/diagnose/registerDiagnose';
import { withSecretLedger } from './vscode/testing/ledgerSecretStorage';

export interface ExtensionApi {
  readonly version: string;
  /** Only when the test harness sets ALTINN_INBOX_TEST_HOOKS=1 (never in normal use). */
  readonly testHooks?: TestHooks;
}

/**
 * The one test seam. Host suites are bundled apart from the extension, so a class they import from src is another copy
 * and `instanceof` fails inside the extension: whatever a suite constructs and hands over (scripted prompts) must be
 * made from the classes here, and the internals suites inspect are reached here (no test-only commands).
 */
export interface TestHooks {
  readonly secrets: vscode.SecretStorage;
  readonly services: ExtensionServices;
  /** The extension's own class: construct (or subclass) it here, never from an import of src. */
  readonly ScriptedPrompts: typeof ScriptedPrompts;
  readonly inbox: InboxTestInternals;
  readonly dialogPanels: DialogPanelTestInternals;
  readonly systems: SystemsTestInternals;
  /** Set to script the answers of the next prompts; undefined restores the real UI. */
  usePrompts(prompts: ScriptedPrompts | undefined): void;
  /** Whether anything had asked for the sandbox when activate() returned (it must not have: it starts on first use). */
  readonly sandboxRequestedAtActivation: boolean;
}

let sandboxToStop: SandboxManager | undefined;
let httpToClose: HttpClient | undefined;

/** Wiring only: no network and no heavy work happen here. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLog();
  context.subscriptions.push(log);
  const http = new HttpClient({
    onRequest: (entry) =>
      log.info(
        `[http] ${entry.method} ${entry.url} → ${entry.status ?? entry.error ?? '?'} ${entry.durationMs} ms ${entry.responseBytes ?? 0} B${entry.retries ? ` (${entry.retries} retries)` : ''}`,
      ),
  });
  httpToClose = http;
  context.subscriptions.push(applyHttpTimeoutSetting(http, log));
  const profiles = new ProfileStore(context.globalState, withSecretLedger(context.secrets));
  const sandbox = new SandboxManager(log, () => sandboxDataFolder(log));
  sandboxToStop = sandbox;
  const connections = new ConnectionService(profiles, sandbox, http, log);
  const statusBar = new ConnectionStatusBar();
  context.subscriptions.push(
    profiles,
    sandbox,
    connections,
    statusBar,
    watchSandboxDataFolder(() => sandbox.running !== undefined),
  );
  const windowPrompts = new WindowPrompts();
  let scriptedPrompts: ScriptedPrompts | undefined;
  const services: ExtensionServices = {
    context,
    log,
    http,
    profiles,
    sandbox,
    connections,
    prompts: (): Prompts => scriptedPrompts ?? windowPrompts,
  };

  const updateContext = (): void => {
    const active = profiles.active();
    void setContextKey(ContextKeys.hasProfiles, profiles.list().length > 0);
    void setContextKey(ContextKeys.hasActiveProfile, active !== undefined);
    statusBar.update(active, connections.defaultEnvironment());
  };
  updateContext();
  context.subscriptions.push(profiles.onDidChange(updateContext));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('altinnInbox')) updateContext();
    }),
  );

  registerCommand(context, { log }, 'altinnInbox.showLog', () => log.show(true));
  registerCommand(context, { log }, 'altinnInbox.useSandbox', async () => {
    const profile = await connections.useSandbox();
    log.info(`[connections] using the sandbox as "${profile.label}"`);
  });
  registerConnections(services);
  registerCredentialCommands(services);
  registerTokenInspector(services);
  registerOnboarding(services);
  const dialogPanels = registerDialogPanel(services);
  registerPayloads(services);
  const inbox = registerInbox(services);
  const systems = registerSystems(services);
  registerDiagnose(services);

  log.info(`activated ${context.extension.id} ${context.extension.packageJSON.version}`);
  const testHooks: TestHooks | undefined =
    process.env.ALTINN_INBOX_TEST_HOOKS === '1'
      ? {
          secrets: context.secrets,
          services,
          ScriptedPrompts,
          inbox,
          dialogPanels,
          systems,
          usePrompts: (prompts) => {
            scriptedPrompts = prompts;
          },
          sandboxRequestedAtActivation: sandbox.startRequested,
        }
      : undefined;
  return { version: context.extension.packageJSON.version as string, testHooks };
}

/** Stops the embedded sandbox and closes the HTTP connections (open event streams included) before the extension host goes away. */
export async function deactivate(): Promise<void> {
  await Promise.all([sandboxToStop?.stop(), httpToClose?.close()]);
  sandboxToStop = undefined;
  httpToClose = undefined;
}
