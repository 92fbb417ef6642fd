// Builds the test-only runner extension (out/host-runner) with the host suites bundled beside it, and its VSIX.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const runnerDir = join(root, 'out', 'host-runner');
export const runnerVsix = join(root, 'out', 'host-runner.vsix');
/** The folder name of the installed runner extension (publisher.name-version). */
export const runnerExtensionFolder = 'inbox-inspector-oss.altinn-inbox-host-test-runner-0.0.0';

export async function buildHostRunner() {
  rmSync(runnerDir, { recursive: true, force: true });
  mkdirSync(join(runnerDir, 'suites'), { recursive: true });
  const suitesDir = join(root, 'test', 'host', 'suites');
  const suites = readdirSync(suitesDir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(suitesDir, name));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  };
  await esbuild.build({
    ...common,
    entryPoints: {
      extension: join(root, 'test/host/runner/codeServerRunner.ts'),
      electron: join(root, 'test/host/runner/electronRunner.ts'),
    },
    outdir: runnerDir,
  });
  await esbuild.build({ ...common, entryPoints: suites, outdir: join(runnerDir, 'suites') });
  writeFileSync(
    join(runnerDir, 'package.json'),
    JSON.stringify(
      {
        name: 'altinn-inbox-host-test-runner',
        displayName: 'Altinn Inbox Inspector host test runner (tests only)',
        description: 'Runs the host-tier mocha suites inside the extension host; installed only for test runs.',
        version: '0.0.0',
        publisher: 'inbox-inspector-oss',
        license: 'MIT',
        engines: { vscode: '^1.96.0' },
        main: './extension.js',
        activationEvents: ['onStartupFinished'],
        capabilities: { untrustedWorkspaces: { supported: true } },
      },
      null,
      2,
    ),
  );
  copyFileSync(join(root, 'LICENSE'), join(runnerDir, 'LICENSE'));
  writeFileSync(join(runnerDir, 'README.md'), 'Test-only runner for the Altinn Inbox Inspector host tier.\n');
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', runnerVsix],
    {
      cwd: runnerDir,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`packaging the host runner failed:\n${result.stdout}\n${result.stderr}`);
  return { runnerDir, runnerVsix, suites: suites.length };
}
