#!/usr/bin/env node
// `npm start`: builds, then runs the extension in desktop VS Code when a `code` CLI is on PATH,
// otherwise in the cached code-server (offline), printing the local URL to open.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix, root } from './package-vsix.mjs';
import { cacheRoot } from './provision-host.mjs';

function hasCodeCli() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  if (hasCodeCli() && process.env.ALTINN_START_CODE_SERVER !== '1') {
    const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    console.log(
      'Opening desktop VS Code with the extension under development (set ALTINN_START_CODE_SERVER=1 to use code-server instead).',
    );
    spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${root}`, root], { stdio: 'inherit' });
    return;
  }
  const vsix = packageVsix({ quiet: true });
  const { startCodeServer, freePort } = await import('../test/harness/codeServer.mjs');
  const profile = join(cacheRoot(), 'dev-profile');
  mkdirSync(profile, { recursive: true });
  const requested = Number(process.env.PORT ?? 0);
  const server = await startCodeServer({
    vsixFiles: [vsix],
    workspace: root,
    keepProfile: profile,
    port: requested || (await freePort()),
  });
  console.log(`\nAltinn Inbox Inspector is running in VS Code ${server.vscodeVersion} (code-server, offline).`);
  console.log(
    `Open ${server.url} in a browser; the Altinn icon is in the activity bar. The sandbox needs no credentials.`,
  );
  console.log('Press Ctrl+C to stop.\n');
  const stop = async () => {
    await server.stop({ removeProfile: false });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}

await main();
