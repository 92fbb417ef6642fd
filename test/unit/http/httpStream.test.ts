import assert from 'node:assert/strict';
import { CancelledError, NetworkError, TimeoutError } from '../../../src/platform/errors';
import { HttpClient, readAtMost, type HttpExchange, type RequestLogEntry } from '../../../src/platform/http';
import { localServer, type LocalServer } from '../dialogporten/localServer';

/** HttpClient.stream(): the status and headers at once, the body as it arrives, through the same connections and log. */
describe('HTTP client: streamed answers', function () {
  this.timeout(20_000);
  let server: LocalServer;
  let http: HttpClient;
  let log: RequestLogEntry[];
  const userAgents: (string | undefined)[] = [];

  before(async () => {
    server = await localServer((req, res) => {
      userAgents.push(req.headers['user-agent']);
      const path = req.url ?? '/';
      if (path === '/moved') return void res.writeHead(302, { location: '/elsewhere' }).end('see elsewhere');
      if (path === '/slow-headers') return void setTimeout(() => res.writeHead(200).end('late'), 2_000);
      if (path === '/trickle') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'content-length': '1000000' });
        res.write('first\n');
        const timer = setInterval(() => res.write('more\n'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (path === '/error')
        return void res
          .writeHead(503, { 'retry-after': '7', 'content-type': 'application/json' })
          .end('{"title":"busy"}');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '5' }).end('hello');
    });
  });

  beforeEach(() => {
    log = [];
    http = new HttpClient({ onRequest: (entry) => log.push(entry) });
  });

  afterEach(() => http.close());
  after(() => server.close());

  it('returns status, lower-case headers and a body to read, and logs the request with its token redacted', async () => {
    const response = await http.stream({
      method: 'get',
      url: `${server.url}/file`,
      headers: { Authorization: 'Bearer secret.token.here' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-length'], '5');
    assert.deepEqual(response.request, { method: 'GET', url: `${server.url}/file` });
    assert.equal((await readAtMost(response.body, 100)).bytes.toString(), 'hello');
    assert.equal(userAgents.at(-1), 'altinn-inbox-inspector', "the client's user agent");
    assert.equal(log.length, 1);
    assert.equal(log[0].status, 200);
    assert.equal(log[0].responseBytes, 5, 'the announced size');
    assert.equal(log[0].requestHeaders.authorization, 'Bearer <redacted>');
  });

  it('does not follow redirects: a 3xx comes back with its location for the caller to follow', async () => {
    const response = await http.stream({ method: 'GET', url: `${server.url}/moved` });
    assert.equal(response.status, 302);
    assert.equal(response.headers.location, '/elsewhere');
    response.body.destroy();
    assert.ok(
      !server.requests.some((request) => request.url === '/elsewhere'),
      'nothing was fetched from the new location',
    );
  });

  it('passes error answers on with their body (no retry, no ApiError): the caller decides', async () => {
    const before = server.requests.length;
    const response = await http.stream({ method: 'GET', url: `${server.url}/error` });
    assert.equal(response.status, 503);
    assert.equal(response.headers['retry-after'], '7');
    assert.equal((await readAtMost(response.body, 1024)).bytes.toString(), '{"title":"busy"}');
    assert.equal(server.requests.length, before + 1, 'sent once');
  });

  it('maps an abort before the headers to CancelledError and an abort while reading to the end of the body', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(
      http.stream({ method: 'GET', url: `${server.url}/file`, signal: aborted.signal }),
      CancelledError,
    );
    assert.equal(log.at(-1)?.error, 'cancelled', 'logged as cancelled');

    const waiting = new AbortController();
    const pending = http.stream({ method: 'GET', url: `${server.url}/slow-headers`, signal: waiting.signal });
    setTimeout(() => waiting.abort(), 100);
    await assert.rejects(pending, CancelledError);

    const reading = new AbortController();
    const response = await http.stream({ method: 'GET', url: `${server.url}/trickle`, signal: reading.signal });
    const received: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of response.body) {
        received.push(String(chunk));
        if (received.length === 2) reading.abort();
      }
    });
    assert.ok(
      received.length >= 2 && received.length < 10,
      `stopped reading after the abort (${received.length} chunks)`,
    );
  });

  it('gives TimeoutError when the headers are late, NetworkError when nothing answers', async () => {
    const started = Date.now();
    await assert.rejects(
      http.stream({ method: 'GET', url: `${server.url}/slow-headers`, headersTimeoutMs: 200 }),
      (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 200,
    );
    assert.ok(Date.now() - started < 1_500, 'did not wait for the answer');
    await assert.rejects(
      http.stream({ method: 'GET', url: 'http://127.0.0.1:9/x' }),
      (e: unknown) => e instanceof NetworkError && /connection was refused/.test(e.message),
    );
    assert.deepEqual(
      log.slice(-2).map((entry) => entry.error),
      ['timeout', 'network'],
    );
  });

  it('leaves the body without a deadline: a slow stream keeps flowing past the headers timeout', async () => {
    const controller = new AbortController();
    const response = await http.stream({
      method: 'GET',
      url: `${server.url}/trickle`,
      headersTimeoutMs: 100,
      bodyTimeoutMs: 0,
      signal: controller.signal,
    });
    let chunks = 0;
    const started = Date.now();
    await assert.rejects(async () => {
      for await (const chunk of response.body) {
        void chunk;
        chunks++;
        if (Date.now() - started > 400) controller.abort();
      }
    });
    assert.ok(chunks >= 5, `still reading after the headers timeout (${chunks} chunks)`);
  });

  it("tells exchange observers nothing about streams: their bodies are the caller's, only the log hears of them", async () => {
    const exchanges: HttpExchange[] = [];
    http.onExchange((exchange) => exchanges.push(exchange));
    const response = await http.stream({ method: 'GET', url: `${server.url}/file` });
    await readAtMost(response.body, 100);
    assert.deepEqual(exchanges, []);
    assert.equal(log.length, 1);
  });
});

describe('readAtMost', () => {
  async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
    for (const part of parts) yield new TextEncoder().encode(part);
  }

  it('reads a body up to the limit and says whether more came', async () => {
    assert.deepEqual(await readAtMost(chunks('ab', 'cd'), 4), { bytes: Buffer.from('abcd'), overflowed: false });
    assert.deepEqual(await readAtMost(chunks('ab', 'cd', 'e'), 4), { bytes: Buffer.from('abcd'), overflowed: true });
    assert.deepEqual(await readAtMost(chunks('abcdef'), 3), { bytes: Buffer.from('abc'), overflowed: true });
  });
});
