import assert from 'node:assert/strict';
import { HttpClient } from '../../../src/platform/http';
import { useSandbox } from '../helpers/sandbox';

describe('sandbox fault injection over HTTP (/__sandbox/faults, for out-of-process tests)', () => {
  const sandbox = useSandbox();
  let http: HttpClient;
  beforeEach(() => {
    http = new HttpClient({ retry: { maxRetries: 0 } });
  });
  afterEach(async () => {
    sandbox().context.faults.clear();
    await http.close();
  });
  const admin = (): string => `${sandbox().urls.baseUrl}/__sandbox/faults`;
  const jwk = (): string => `${sandbox().urls.baseUrl}/maskinporten/jwk`;

  it('injects a rule that applies to the next matching requests only', async () => {
    const created = await http.requestJson<{ id: number }>(
      {
        method: 'POST',
        url: admin(),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'status', status: 503, retryAfter: 7, pathPrefix: '/maskinporten/jwk', times: 2 }),
      },
      { payload: 'fault' },
    );
    assert.equal(typeof created.id, 'number');
    const other = await http.send({
      method: 'GET',
      url: `${sandbox().urls.baseUrl}/maskinporten/.well-known/oauth-authorization-server`,
    });
    assert.equal(other.status, 200, 'other paths are untouched');
    for (let i = 0; i < 2; i++) {
      const faulted = await http.send({ method: 'GET', url: jwk() });
      assert.equal(faulted.status, 503);
      assert.equal(faulted.headers['retry-after'], '7');
      assert.match(faulted.headers['content-type'], /application\/problem\+json/);
    }
    assert.equal((await http.send({ method: 'GET', url: jwk() })).status, 200, 'used up after `times`');
  });

  it('filters by method and lists pending rules; DELETE clears them', async () => {
    await http.request({
      method: 'POST',
      url: admin(),
      body: JSON.stringify({ kind: 'expire-token', method: 'POST', times: 3 }),
    });
    assert.equal((await http.send({ method: 'GET', url: jwk() })).status, 200);
    const pending = await http.getJson<{ remaining: number }[]>(admin(), { payload: 'faults' });
    assert.deepEqual(
      pending.map((p) => p.remaining),
      [3],
    );
    await http.request({ method: 'DELETE', url: admin() });
    assert.deepEqual(await http.getJson(admin(), { payload: 'faults' }), []);
  });

  it('refuses invalid rules with a ProblemDetails 400', async () => {
    for (const rule of [
      { kind: 'explode' },
      { kind: 'status', status: 418 },
      { kind: 'latency' },
      { kind: 'reset', times: 0 },
      { kind: 'reset', pathPrefix: 'no-slash' },
    ]) {
      const response = await http.send({ method: 'POST', url: admin(), body: JSON.stringify(rule) });
      assert.equal(response.status, 400, JSON.stringify(rule));
      assert.match(response.headers['content-type'], /problem\+json/);
    }
    assert.equal((await http.send({ method: 'POST', url: admin(), body: 'not json' })).status, 400);
  });

  it('adds latency and then lets the real handler answer', async () => {
    sandbox().context.faults.inject({ kind: 'latency', ms: 300, pathPrefix: '/maskinporten/jwk' });
    const started = Date.now();
    const response = await http.send({ method: 'GET', url: jwk() });
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started >= 280);
  });
});
