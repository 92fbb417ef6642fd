import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from '../../../src/platform/http/undiciLean';

describe("lean undici (what the bundle uses instead of undici's full index)", () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; body: string }[] = [];
  const dispatcher = new Agent({ keepAliveTimeout: 1_000 });

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, body });
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: req.method, url: req.url, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await dispatcher.close();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  });

  it('sends method, path with query and body, and returns status, headers and body', async () => {
    const response = await request(`${base}/a/b?x=1&y=%C3%A6`, {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
      dispatcher,
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.deepEqual(await response.body.json(), { method: 'POST', url: '/a/b?x=1&y=%C3%A6', body: 'hello' });
  });

  it('defaults to GET and uses the given dispatcher', async () => {
    const agent = new Agent({ keepAliveTimeout: 1_000 });
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const response = await request(`${base}/get`, { dispatcher: counting });
    assert.equal(((await response.body.json()) as { method: string }).method, 'GET');
    assert.equal(dispatched, 1);
    await agent.close();
  });

  it('is cancelled by an AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(
      request(`${base}/slow`, { signal: controller.signal, dispatcher }),
      (error: Error) => error.name === 'AbortError' || /abort/i.test(error.message),
    );
  });
});
