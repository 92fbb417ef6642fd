import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { importPrivateJwk } from '../../../src/platform/auth/keyImport';
import { createMaskinportenGrant } from '../../../src/platform/auth/maskinportenGrant';
import { requestMaskinportenToken } from '../../../src/platform/auth/maskinportenTokenClient';
import { HttpClient } from '../../../src/platform/http';

interface CliJson {
  tokenEndpoint: string;
  audience: string;
  clientId: string;
  privateJwk: Record<string, unknown>;
  scopes: string[];
  platformBase: string;
  dialogportenBase: string;
  systemUserOrgs: string[];
}

describe('sandbox CLI (npm run sandbox -- --json)', function () {
  this.timeout(40_000);
  let child: ChildProcessWithoutNullStreams | undefined;

  // npx → tsx → node: the CLI runs in its own process group so the whole group can be signalled by its id.
  const stopGroup = async (signal: NodeJS.Signals): Promise<void> => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    process.kill(-child.pid, signal);
    await exited;
  };

  after(async () => {
    await stopGroup('SIGKILL');
  });

  it('prints one JSON line once ready; its client configuration gets a system-user token; SIGTERM stops it', async () => {
    child = spawn('npx', ['tsx', 'src/sandbox/cli.ts', '--json', '--port', '0', '--dialogs', '10'], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const lines = createInterface({ input: child.stdout });
    const firstLine = await Promise.race([
      new Promise<string>((resolve) => lines.once('line', resolve)),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no line from the CLI within 30 s')), 30_000),
      ),
    ]);
    const config = JSON.parse(firstLine) as CliJson;
    for (const field of ['tokenEndpoint', 'audience', 'clientId', 'platformBase', 'dialogportenBase'] as const)
      assert.equal(typeof config[field], 'string', field);
    assert.match(config.tokenEndpoint, /^http:\/\/127\.0\.0\.1:\d+\/maskinporten\/token$/);
    assert.ok(config.audience.endsWith('/maskinporten/'));
    assert.equal(typeof config.privateJwk.kid, 'string');
    assert.ok(config.scopes.includes('digdir:dialogporten'));
    assert.ok(config.systemUserOrgs.length >= 3);
    assert.ok(config.dialogportenBase.startsWith(config.platformBase));

    const http = new HttpClient();
    const assertion = await createMaskinportenGrant({
      clientId: config.clientId,
      audience: config.audience,
      scopes: config.scopes,
      key: importPrivateJwk(config.privateJwk as never),
      systemUser: { organisationNumber: config.systemUserOrgs[0] },
    });
    const token = await requestMaskinportenToken(http, { tokenEndpoint: config.tokenEndpoint, assertion });
    assert.equal(token.tokenType, 'Bearer');
    assert.deepEqual(token.scopes, config.scopes);
    await http.close();

    await stopGroup('SIGTERM');
    await assert.rejects(fetch(config.tokenEndpoint, { method: 'POST' }), 'the sandbox stopped serving');
  });
});
