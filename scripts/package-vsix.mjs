#!/usr/bin/env node
// Packages the extension as build/altinn-inbox-inspector.vsix (vsce runs `vscode:prepublish`, the production build).
// Everything the extension needs is bundled by esbuild, so node_modules never ships (--no-dependencies).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const vsixPath = join(root, 'build', 'altinn-inbox-inspector.vsix');

export function packageVsix({ quiet = false } = {}) {
  mkdirSync(dirname(vsixPath), { recursive: true });
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(
    vsce,
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsixPath],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: quiet ? 'pipe' : 'inherit',
    },
  );
  if (result.status !== 0) {
    throw new Error(`vsce package failed (exit ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return vsixPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = packageVsix();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  console.log(`${path} (${version}, ${(statSync(path).size / 1024).toFixed(1)} KiB)`);
}
