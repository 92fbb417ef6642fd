import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { noteSecret } from '../../../src/platform/secretLedger';
import type { ScriptedPrompts } from '../../../src/vscode/prompts';
import { activateExtension, discardUntitled } from './hostHelpers';

// Shared by the credential, connection and bad-input suites: scripted setup, key files, "nothing saved" and log checks.

/** A secret a test used: the in-host scans look for it, and the ledger hands it to the scan after the whole run. */
export function rememberSecret(value: string | undefined): void {
  if (!value) return;
  noteSecret('test-secret', value);
  const store = ((globalThis as { __altinnTestSecrets?: Set<string> }).__altinnTestSecrets ??= new Set<string>());
  store.add(value);
}

export interface Env {
  hooks: TestHooks;
  prompts: ScriptedPrompts;
  dir: string;
}

export async function setup(): Promise<Env> {
  const api = await activateExtension();
  assert.ok(api.testHooks, 'test hooks are exposed');
  const prompts = new api.testHooks.ScriptedPrompts();
  api.testHooks.usePrompts(prompts);
  return { hooks: api.testHooks, prompts, dir: mkdtempSync(join(tmpdir(), 'aii-credentials-')) };
}

export function file(env: Env, name: string, content: string | Buffer): string {
  const path = join(env.dir, name);
  writeFileSync(path, content);
  return path;
}

export function pemBody(pem: string): string {
  // A run of the base64 body: enough to find the key if it leaked, without matching anything else.
  return pem
    .replace(/-----[A-Z ]+-----/g, '')
    .replace(/\s+/g, '')
    .slice(40, 104);
}

/** Runs a command expected to fail and proves nothing was saved: global state unchanged, no SecretStorage write. */
export async function expectNothingSaved(env: Env, run: () => Thenable<unknown>): Promise<void> {
  const state = env.hooks.services.context.globalState;
  const before = JSON.stringify(state.keys().map((key) => [key, state.get(key)]));
  const secretWrites: string[] = [];
  const subscription = env.hooks.secrets.onDidChange((event) => secretWrites.push(event.key));
  try {
    const result = await run();
    assert.equal(result, undefined, 'the command failed (the wrapper shows the error and returns nothing)');
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    subscription.dispose();
  }
  assert.equal(JSON.stringify(state.keys().map((key) => [key, state.get(key)])), before, 'global state unchanged');
  assert.deepEqual(secretWrites, [], 'nothing written to SecretStorage');
  assert.equal(env.prompts.pending, 0, 'every scripted answer was used (the flow got as far as expected)');
}

/** The log lines written so far (the LogOutputChannel's file under the extension host's log folder). */
export async function logText(hooks: TestHooks, mustContain?: string): Promise<string> {
  const { readdirSync, statSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const roots = [dirname(hooks.services.context.logUri.fsPath)];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.log')) texts.push(readFileSync(path, 'utf8'));
      }
    };
    for (const root of roots) walk(root);
    const text = texts.join('\n');
    if (!mustContain || text.includes(mustContain) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function expectLogged(env: Env, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await logText(env.hooks);
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.match(
    text
      .split('\n')
      .filter((line) => line.includes('[altinnInbox.'))
      .join('\n'),
    pattern,
    'the error was reported with a clear reason',
  );
}

/** Closes every editor; untitled documents are reverted first (closing a dirty one would wait on a "Save?" dialog). */
export async function closeEditors(): Promise<void> {
  await discardUntitled();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export const CLIENT_ID = '2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11';

/** The scripted answers of "add Maskinporten client" up to the key step. */
export function upToKey(environment = 'tt02', clientId = CLIENT_ID): unknown[] {
  return [environment, clientId, ['digdir:dialogporten']];
}
export const NO_SYSTEM_USER = ['none', 'maskinporten'];
