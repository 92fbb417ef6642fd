import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  ApiError,
  CancelledError,
  NetworkError,
  ResponseFormatError,
  ResponseShapeError,
  TimeoutError,
} from '../../../src/platform/errors';
import { HttpClient, type HttpExchange, type RequestLogEntry } from '../../../src/platform/http';
import { useSandbox } from '../helpers/sandbox';

describe('HTTP client against the sandbox with injected faults', () => {
  const sandbox = useSandbox();
  const jwksUrl = (): string => `${sandbox().urls.baseUrl}/maskinporten/jwk`;
  let http: HttpClient;
  let log: RequestLogEntry[];
  beforeEach(() => {
    log = [];
    http = new HttpClient({
      retry: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 3_000 },
      onRequest: (e) => log.push(e),
    });
  });
  afterEach(async () => {
    sandbox().context.faults.clear();
    await http.close();
  });

  it('retries a GET after 429 with Retry-After in seconds, waiting as asked', async () => {
    sandbox().context.faults.inject({ kind: 'status', status: 429, retryAfter: 1, pathPrefix: '/maskinporten/jwk' });
    const started = Date.now();
    const jwks = await http.getJson<{ keys: unknown[] }>(jwksUrl(), { payload: 'JWKS' });
    assert.equal(jwks.keys.length, 1);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    assert.equal(log.at(-1)?.retries, 1);
    assert.equal(log.at(-1)?.status, 200);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    const inAboutASecond = new Date(Math.ceil((Date.now() + 600) / 1000) * 1000).toUTCString();
    sandbox().context.faults.inject({
      kind: 'status',
      status: 503,
      retryAfter: inAboutASecond,
      pathPrefix: '/maskinporten/jwk',
    });
    const started = Date.now();
    await http.getJson(jwksUrl(), { payload: 'JWKS' });
    assert.ok(Date.now() - started >= 500, `waited ${Date.now() - started} ms`);
  });

  it('gives up at once when Retry-After exceeds the cap, reporting how long the server asked to wait', async () => {
    sandbox().context.faults.inject({ kind: 'status', status: 429, retryAfter: 120, pathPrefix: '/maskinporten/jwk' });
    const started = Date.now();
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof ApiError && e.status === 429 && e.retryAfterSeconds === 120,
    );
    assert.ok(Date.now() - started < 1000);
  });

  it('stops after the bounded number of retries', async () => {
    sandbox().context.faults.inject({ kind: 'status', status: 503, pathPrefix: '/maskinporten/jwk', times: 10 });
    const client = new HttpClient({
      retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 20 },
      onRequest: (e) => log.push(e),
    });
    await assert.rejects(
      client.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof ApiError && e.status === 503,
    );
    await client.close();
    assert.equal(sandbox().context.faults.pending()[0].remaining, 7, 'exactly 3 attempts reached the server');
    assert.equal(log.at(-1)?.retries, 2);
  });

  it('never retries a POST, not even on 503 or a connection reset', async () => {
    sandbox().context.faults.inject({
      kind: 'status',
      status: 503,
      retryAfter: 0,
      method: 'POST',
      pathPrefix: '/maskinporten/token',
      times: 5,
    });
    const response = await http.send({
      method: 'POST',
      url: sandbox().urls.tokenEndpoint,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=x',
    });
    assert.equal(response.status, 503);
    assert.equal(response.retries, 0);
    assert.equal(sandbox().context.faults.pending()[0].remaining, 4);
    sandbox().context.faults.clear();
    sandbox().context.faults.inject({ kind: 'reset', method: 'POST', times: 5 });
    await assert.rejects(http.send({ method: 'POST', url: sandbox().urls.tokenEndpoint, body: 'x' }), NetworkError);
    assert.equal(sandbox().context.faults.pending()[0].remaining, 4);
  });

  it('retries a GET after a connection reset and after a truncated body', async () => {
    sandbox().context.faults.inject({ kind: 'reset', pathPrefix: '/maskinporten/jwk' });
    await http.getJson(jwksUrl(), { payload: 'JWKS' });
    assert.equal(log.at(-1)?.retries, 1);
    sandbox().context.faults.inject({ kind: 'truncate', pathPrefix: '/maskinporten/jwk' });
    await http.getJson(jwksUrl(), { payload: 'JWKS' });
    assert.equal(log.at(-1)?.retries, 1);
  });

  it('reports a truncated body as a NetworkError when retries are off', async () => {
    sandbox().context.faults.inject({ kind: 'truncate', pathPrefix: '/maskinporten/jwk' });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }, { retry: false }),
      (e: unknown) => e instanceof NetworkError && e.truncated && /answer was cut off.*truncated body/.test(e.message),
    );
    sandbox().context.faults.inject({ kind: 'reset', pathPrefix: '/maskinporten/jwk' });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }, { retry: false }),
      (e: unknown) => e instanceof NetworkError && !e.truncated,
      'a reset before any answer is not a truncated answer',
    );
  });

  it('times out a slow answer with a TimeoutError', async () => {
    sandbox().context.faults.inject({ kind: 'latency', ms: 1500, pathPrefix: '/maskinporten/jwk' });
    const started = Date.now();
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }, { timeoutMs: 200 }),
      (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 200,
    );
    assert.ok(Date.now() - started < 1000);
  });

  it("applies a changed default timeout (the user's setting) to requests that name none, without retrying the timeout", async () => {
    assert.equal(http.defaultTimeoutMs, 30_000);
    http.defaultTimeoutMs = 300;
    sandbox().context.faults.inject({ kind: 'latency', ms: 1500, pathPrefix: '/maskinporten/jwk', times: 5 });
    const started = Date.now();
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof TimeoutError && e.timeoutMs === 300,
    );
    assert.ok(Date.now() - started < 1000, 'gave up after the set timeout');
    assert.equal(log.at(-1)?.retries, 0, 'a timeout is not retried');
    assert.throws(() => {
      http.defaultTimeoutMs = 0;
    }, RangeError);
    assert.equal(http.defaultTimeoutMs, 300, 'a refused value changes nothing');
  });

  it('cancels through an AbortSignal, also while waiting to retry', async () => {
    sandbox().context.faults.inject({ kind: 'latency', ms: 1500, pathPrefix: '/maskinporten/jwk' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(http.getJson(jwksUrl(), { payload: 'JWKS' }, { signal: controller.signal }), CancelledError);
    assert.ok(Date.now() - started < 1000);
    sandbox().context.faults.clear();
    sandbox().context.faults.inject({ kind: 'status', status: 503, retryAfter: 2, pathPrefix: '/maskinporten/jwk' });
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 150);
    await assert.rejects(http.getJson(jwksUrl(), { payload: 'JWKS' }, { signal: waiting.signal }), CancelledError);
    assert.ok(Date.now() - started < 1500);
  });

  it('reports malformed JSON and a wrong content type as ResponseFormatError', async () => {
    sandbox().context.faults.inject({ kind: 'invalid-json', pathPrefix: '/maskinporten/jwk' });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof ResponseFormatError && /JWKS is not valid JSON/.test(e.message),
    );
    sandbox().context.faults.inject({ kind: 'wrong-content-type', pathPrefix: '/maskinporten/jwk' });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof ResponseFormatError && /text\/html/.test(e.message) && /HTML page/.test(e.message),
    );
  });

  it('reports a body of the wrong shape with the payload, field and reason', async () => {
    const schema = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.literal('EC') })) });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'Maskinporten JWKS', schema }),
      (e: unknown) =>
        e instanceof ResponseShapeError &&
        e.payload === 'Maskinporten JWKS' &&
        e.field === 'keys.0.kty' &&
        /EC/.test(e.reason),
    );
  });

  it("maps the sandbox's ProblemDetails (404, 405) to ApiError with title and traceId", async () => {
    await assert.rejects(
      http.getJson(`${sandbox().urls.baseUrl}/no/such/path`, { payload: 'x' }),
      (e: unknown) =>
        e instanceof ApiError &&
        e.status === 404 &&
        e.title === 'Not Found' &&
        /^00-[0-9a-f]{32}-/.test(e.traceId ?? ''),
    );
    await assert.rejects(
      http.request({ method: 'DELETE', url: jwksUrl() }),
      (e: unknown) => e instanceof ApiError && e.status === 405,
    );
  });

  it('answers an expired-token fault with a 401 ApiError explaining the token', async () => {
    sandbox().context.faults.inject({ kind: 'expire-token', pathPrefix: '/maskinporten/jwk' });
    await assert.rejects(
      http.getJson(jwksUrl(), { payload: 'JWKS' }),
      (e: unknown) => e instanceof ApiError && e.status === 401 && /invalid_token: The token expired/.test(e.message),
    );
  });

  it('tells exchange observers the answer with its body for raw views, and the request with its token redacted', async () => {
    const exchanges: HttpExchange[] = [];
    const unsubscribe = http.onExchange((exchange) => exchanges.push(exchange));
    await http.getJson(jwksUrl(), { payload: 'JWKS' }, { headers: { authorization: 'Bearer abc.def.ghi' } });
    unsubscribe();
    await http.getJson(jwksUrl(), { payload: 'JWKS' });
    assert.equal(exchanges.length, 1, 'nothing after unsubscribing');
    const [exchange] = exchanges;
    assert.equal(exchange.sentUrl, jwksUrl());
    assert.equal(exchange.status, 200);
    assert.match(exchange.responseBody?.toString() ?? '', /"keys"/);
    assert.equal(exchange.requestHeaders.authorization, 'Bearer <redacted>', 'an observer never holds the token');
    assert.ok(!JSON.stringify(exchange).includes('abc.def.ghi'));
    assert.equal(log.at(-2)?.requestHeaders.authorization, 'Bearer <redacted>');
  });
});

describe('HTTP client error mapping (ASP.NET validation and Correspondence error bodies)', () => {
  let server: Server;
  let base: string;
  let http: HttpClient;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/validation') {
        res.writeHead(400, { 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': 'req-1' }).end(
          JSON.stringify({
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
            title: 'One or more validation errors occurred.',
            status: 400,
            errors: {
              limit: ['Limit must be between 1 and 1000.'],
              party: ['Party is required.', 'Party must be a URN.'],
            },
            traceId: '00-abc-def-01',
          }),
        );
      } else if (req.url === '/correspondence') {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end(
          JSON.stringify({
            title: 'The requested correspondence was not found',
            status: 404,
            errorCode: 1001,
            traceId: 't-1',
          }),
        );
      } else {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    http = new HttpClient({ retry: { maxRetries: 0 } });
  });
  after(async () => {
    await http.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('maps `errors` to fieldErrors and keeps title, traceId and request id', async () => {
    const error = await http.getJson(`${base}/validation`, { payload: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.deepEqual(error.fieldErrors, {
      limit: ['Limit must be between 1 and 1000.'],
      party: ['Party is required.', 'Party must be a URN.'],
    });
    assert.equal(error.title, 'One or more validation errors occurred.');
    assert.equal(error.traceId, '00-abc-def-01');
    assert.equal(error.requestId, 'req-1');
    assert.match(error.message, /limit: Limit must be between 1 and 1000\./);
  });

  it('maps Correspondence errorCode', async () => {
    const error = await http.getJson(`${base}/correspondence`, { payload: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.errorCode, 1001);
    assert.match(error.message, /error code 1001/);
  });

  it('gives a status-based explanation for a non-JSON error page', async () => {
    const error = await http.getJson(`${base}/other`, { payload: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    assert.match(error.message, /gateway/);
  });
});
