import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerAccessManagement } from './accessManagement';
import { registerAuthentication } from './authentication';
import type { SandboxContext, SandboxDefaultClient, SandboxOptions, SandboxUrls } from './context';
import { registerCorrespondence } from './correspondence';
import { SandboxClock } from './core/clock';
import { createSandboxKeys } from './core/keys';
import { TokenVerifier } from './core/principal';
import { sendProblem } from './core/respond';
import { createRequestContext, Router } from './core/router';
import { registerDialogporten } from './dialogporten';
import { FaultInjector } from './faults';
import { registerMaskinporten } from './maskinporten';
import { generateWorld } from './world/generateWorld';

export interface SandboxHandle {
  readonly urls: SandboxUrls;
  readonly context: SandboxContext;
  readonly defaultClient: SandboxDefaultClient;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 20_26;
export const DEFAULT_DIALOGS = 250;

/** Starts every emulated service in one loopback HTTP server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const host = options.host ?? '127.0.0.1';
  const resolved = { ...options, seed: options.seed ?? DEFAULT_SEED, dialogs: options.dialogs ?? DEFAULT_DIALOGS };
  const clock = new SandboxClock();
  const keys = await createSandboxKeys();
  const state: { urls?: SandboxUrls } = {};
  const getUrls = (): SandboxUrls => {
    if (!state.urls) throw new Error('sandbox is not listening yet');
    return state.urls;
  };
  const context: SandboxContext = {
    options: resolved,
    world: generateWorld({ seed: resolved.seed, clients: options.clients }),
    keys,
    clock,
    verifier: new TokenVerifier({
      keys,
      clock,
      maskinportenIssuer: () => getUrls().maskinportenIssuer,
      altinnIssuer: () => getUrls().altinnIssuer,
    }),
    faults: new FaultInjector(),
    urls: getUrls,
  };

  const router = new Router();
  await registerMaskinporten(router, context);
  await registerAuthentication(router, context);
  await registerDialogporten(router, context);
  await registerCorrespondence(router, context);
  await registerAccessManagement(router, context);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', getUrls().baseUrl);
    const found = router.match(req.method ?? 'GET', url.pathname);
    if (!('handler' in found)) {
      if (found.allowed.length)
        sendProblem(res, { status: 405, title: 'Method Not Allowed' }, { allow: found.allowed.join(', ') });
      else sendProblem(res, { status: 404, title: 'Not Found', detail: `No sandbox endpoint at ${url.pathname}` });
      return;
    }
    const request = createRequestContext(req, res, url, found.params);
    void (async () => {
      try {
        if ((await context.faults.apply(request)) === 'handled') return;
        await found.handler(request);
      } catch (error) {
        if (!res.headersSent)
          sendProblem(res, { status: 500, title: 'Internal Server Error', detail: (error as Error).message });
        else res.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host === '::1' ? '[::1]' : host}:${port}`;
  const urls: SandboxUrls = {
    baseUrl,
    maskinportenIssuer: `${baseUrl}/maskinporten/`,
    tokenEndpoint: `${baseUrl}/maskinporten/token`,
    platformBase: baseUrl,
    dialogportenBase: `${baseUrl}/dialogporten`,
    altinnIssuer: `${baseUrl}/authentication/api/v1/openid/`,
  };
  state.urls = urls;
  if (!context.defaultClient) throw new Error('the Maskinporten module registered no default client');
  return {
    urls,
    context,
    defaultClient: context.defaultClient,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
