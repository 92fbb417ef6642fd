// Starts code-server (VS Code's server from npm, run on Node 24) on loopback with a throw-away profile,
// installs the given VSIX files into a throw-away extensions folder, and stops it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerVersion, hostPaths, provision } from '../../scripts/provision-host.mjs';

/** A calm workbench for tests and screenshots: no welcome page, no chat panel, no telemetry prompts. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function codeServerArgs(paths, extra) {
  return [paths.codeServerEntry, ...extra];
}

/**
 * @param {{ vsixFiles: string[], workspace: string, env?: Record<string,string>, port?: number, keepProfile?: string, settings?: Record<string, unknown>, log?: (line: string) => void }} options
 */
export async function startCodeServer(options) {
  const paths = provision();
  const profile = options.keepProfile ?? mkdtempSync(join(tmpdir(), 'aii-host-'));
  const userDataDir = join(profile, 'ud');
  const extensionsDir = join(profile, 'exts');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  // A kept profile (npm start) keeps whatever the developer changed in it.
  if (!existsSync(settingsFile))
    writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const baseEnv = { ...process.env, PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH}` };

  for (const vsix of options.vsixFiles) {
    const result = spawnSync(
      paths.nodeBin,
      codeServerArgs(paths, [
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        userDataDir,
        '--install-extension',
        vsix,
        '--force',
      ]),
      {
        env: baseEnv,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (result.status !== 0)
      throw new Error(`code-server could not install ${vsix}:\n${result.stdout}\n${result.stderr}`);
  }

  const port = options.port ?? (await freePort());
  const child = spawn(
    paths.nodeBin,
    codeServerArgs(paths, [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      options.workspace,
    ]),
    { env: { ...baseEnv, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );

  // Detached so it can be stopped as a group; make sure it never outlives this process.
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup);
  const output = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within 60 s:\n${output.join('')}`)),
      60_000,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      options.log?.(text);
      if (text.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}):\n${output.join('')}`));
    });
  });
  await ready;

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`;
  return {
    url,
    port,
    profile,
    userDataDir,
    vscodeVersion: codeServerVersion(paths),
    output: () => output.join(''),
    /** The extension host's log files (remoteexthost.log), newest session first. */
    extensionHostLogs: () => findFiles(join(userDataDir, 'logs'), (name) => name === 'remoteexthost.log'),
    /** The extension's own log channel ("Altinn Inbox Inspector"), newest session first. */
    extensionLogs: () => findFiles(join(userDataDir, 'logs'), (name) => name.endsWith('Altinn Inbox Inspector.log')),
    async stop({ removeProfile = !options.keepProfile } = {}) {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              /* already gone */
            }
            resolve();
          }, 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      if (removeProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

function findFiles(dir, predicate, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) findFiles(full, predicate, found);
    else if (predicate(name)) found.push(full);
  }
  return found.sort().reverse();
}

export { hostPaths };
