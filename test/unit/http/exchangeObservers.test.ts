import assert from 'node:assert/strict';
import { HttpClient, sleep, type HttpExchange, type RequestLogEntry } from '../../../src/platform/http';
import { localServer, type LocalServer } from '../dialogporten/localServer';

/** withObserver(): the payloads layer's recording, without overriding the client's methods. */
describe('HTTP client: exchange observers', function () {
  this.timeout(20_000);
  let server: LocalServer;
  before(async () => {
    server = await localServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 1_000);
      if (req.url === '/missing')
        return void res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"status":404}');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  after(() => server.close());

  it("tells a derived client's observer about its own exchanges only; the base client and its log see all", async () => {
    const log: RequestLogEntry[] = [];
    const base = new HttpClient({ onRequest: (entry) => log.push(entry), retry: { maxRetries: 0 } });
    const tagged: string[] = [];
    const observed = base.withObserver((exchange) => tagged.push(`p1 ${exchange.status} ${exchange.sentUrl}`));
    const everything: HttpExchange[] = [];
    base.onExchange((exchange) => everything.push(exchange));
    await base.getJson(`${server.url}/base`, { payload: 'x' });
    await observed.getJson(`${server.url}/observed`, { payload: 'x' });
    await assert.rejects(observed.getJson(`${server.url}/missing`, { payload: 'x' }));
    await base.close();
    assert.deepEqual(
      tagged,
      [`p1 200 ${server.url}/observed`, `p1 404 ${server.url}/missing`],
      'a failed call is recorded too, with its answer',
    );
    assert.deepEqual(
      everything.map((exchange) => new URL(exchange.sentUrl).pathname),
      ['/base', '/observed', '/missing'],
    );
    assert.equal(log.length, 3, 'one request log for both');
    assert.equal(everything[2].responseBody?.toString(), '{"status":404}');
  });

  it("shares the base client's settings: a timeout changed on the base reaches the derived client", async () => {
    const base = new HttpClient({ retry: { maxRetries: 0 } });
    const exchanges: HttpExchange[] = [];
    const observed = base.withObserver((exchange) => exchanges.push(exchange));
    base.defaultTimeoutMs = 100;
    assert.equal(observed.defaultTimeoutMs, 100);
    await assert.rejects(
      observed.send({ method: 'GET', url: `${server.url}/slow` }),
      /no complete answer within 100 ms/,
    );
    await base.close();
    assert.equal(exchanges.length, 1);
    assert.equal(exchanges[0].status, undefined);
    assert.equal(exchanges[0].error, 'timeout');
  });

  it('keeps going when an observer throws', async () => {
    const base = new HttpClient();
    const seen: number[] = [];
    const observed = base
      .withObserver(() => {
        throw new Error('broken observer');
      })
      .withObserver((exchange) => seen.push(exchange.status ?? 0));
    const response = await observed.send({ method: 'GET', url: `${server.url}/ok` });
    await base.close();
    assert.equal(response.status, 200);
    assert.deepEqual(seen, [200], 'the next observer still heard of it');
  });
});

describe('sleep', () => {
  it('resolves true after the time, false at once on abort', async () => {
    assert.equal(await sleep(10), true);
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(5_000, controller.signal);
    controller.abort();
    assert.equal(await pending, false);
    assert.ok(Date.now() - started < 1_000);
    assert.equal(await sleep(5_000, controller.signal), false, 'an aborted signal ends it before it starts');
  });
});
