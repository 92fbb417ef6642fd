#!/usr/bin/env node
// Provisions the offline VS Code host used by `npm start` and the host/e2e test tiers:
// Debian packages (Chromium and code-server's native build deps), Node 24 from npm, code-server from npm.
// Everything lands in a cache outside the clone so a second run and CI's fresh clone reuse it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config'];
const DEBIAN_FILES = {
  chromium: '/usr/bin/chromium',
  'libkrb5-dev': '/usr/include/gssapi/gssapi.h',
  'libxkbfile-dev': '/usr/include/X11/extensions/XKBfile.h',
  'libsecret-1-dev': '/usr/include/libsecret-1/libsecret/secret.h',
  'pkg-config': '/usr/bin/pkg-config',
};

export function cacheRoot() {
  const base =
    process.env.ALTINN_INBOX_HOST_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'altinn-inbox-inspector');
  return base;
}

export function hostPaths() {
  const root = cacheRoot();
  const nodeDir = join(root, `node${NODE_MAJOR}`);
  const codeServerDir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  return {
    root,
    nodeDir,
    nodeBin: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

function log(message) {
  process.stderr.write(`[provision] ${message}\n`);
}

class ProvisionError extends Error {}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((pkg) => !existsSync(DEBIAN_FILES[pkg]));
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot) {
    throw new ProvisionError(
      `Missing Debian packages: ${missing.join(', ')}. Run as root:\n  sudo sh -c '${command}'\nthen run this command again.`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      throw new ProvisionError(
        `'apt-get ${args.join(' ')}' failed (exit ${result.status}). Fix apt, or run:\n  ${command}`,
      );
    }
  }
  const still = missingDebianPackages();
  if (still.length) throw new ProvisionError(`Debian packages still missing after install: ${still.join(', ')}`);
}

function ensureNode24(paths) {
  if (existsSync(paths.nodeBin)) return;
  log(`fetching Node ${NODE_MAJOR} from the npm registry (node-linux-${process.arch}@${NODE_MAJOR})`);
  const work = `${paths.nodeDir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const tarball = execFileSync('npm', ['pack', `node-linux-${process.arch}@${NODE_MAJOR}`, '--silent'], {
    cwd: work,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['-xzf', tarball], { cwd: work });
  rmSync(paths.nodeDir, { recursive: true, force: true });
  renameSync(join(work, 'package'), paths.nodeDir);
  rmSync(work, { recursive: true, force: true });
  const version = execFileSync(paths.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new ProvisionError(`expected Node ${NODE_MAJOR}, got ${version}`);
}

function ensureCodeServer(paths) {
  if (existsSync(join(paths.codeServerDir, '.complete'))) return;
  log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} (about 3 minutes on 2 cores)`);
  const work = `${paths.codeServerDir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }));
  // Drop the npm_* variables of an enclosing `npm test`/`npm start`: the nested npm would take them as its own
  // config (code-server's postinstall reads the Node version from npm_config_user_agent).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const env = {
    ...inherited,
    PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: paths.nodeDir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // code-server's postinstall runs nested `npm install`s in its bundled VS Code to build native modules
    // (kerberos, node-pty, watchers…); npm 11 blocks dependency scripts by default and the nested installs
    // cannot be listed one by one, so scripts are allowed for this isolated, version-pinned install only.
    npm_config_dangerously_allow_all_scripts: 'true',
  };
  // The npm on PATH runs under whichever `node` comes first on PATH: Node 24 here.
  const result = spawnSync('npm', ['install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: work,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status}`;
    throw new ProvisionError(`npm install code-server@${CODE_SERVER_VERSION} failed (${why}); see the output above.`);
  }
  rmSync(paths.codeServerDir, { recursive: true, force: true });
  renameSync(work, paths.codeServerDir);
  writeFileSync(join(paths.codeServerDir, '.complete'), new Date().toISOString());
}

export function provision() {
  const paths = hostPaths();
  mkdirSync(paths.root, { recursive: true });
  ensureDebianPackages();
  ensureNode24(paths);
  ensureCodeServer(paths);
  return paths;
}

export function codeServerVersion(paths = hostPaths()) {
  const pkg = join(paths.codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  if (!existsSync(pkg)) return undefined;
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const paths = provision();
    log(
      `ready: node ${paths.nodeBin}, code-server ${paths.codeServerDir} (VS Code ${codeServerVersion(paths) ?? '?'}), chromium ${paths.chromium}`,
    );
  } catch (error) {
    process.stderr.write(
      `\n[provision] cannot provision the offline VS Code host:\n${error instanceof ProvisionError ? error.message : error.stack}\n`,
    );
    process.exit(1);
  }
}
