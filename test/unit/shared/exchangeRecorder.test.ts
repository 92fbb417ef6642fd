import assert from 'node:assert/strict';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import { HttpClient, toCurl } from '../../../src/platform/http';
import { ExchangeStore, recordingHttp, type RecordedExchange } from '../../../src/vscode/shared/exchangeRecorder';
import { rawJsonText, REDACTED_JWT, requestText } from '../../../src/vscode/payloads/rawJson';
import { useSandbox } from '../helpers/sandbox';
import { personClients, type PersonClients } from '../inbox/inboxSandbox';

const JWT = /eyJ[\w-]{5,}\.[\w-]+\.[\w-]*/;

describe('payloads: recorded exchanges', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 30 });
  let c: PersonClients;
  let store: ExchangeStore;
  let dp: DialogportenClient;
  const logged: string[] = [];
  before(() => {
    c = personClients(
      sandbox(),
      new HttpClient({ retry: { maxRetries: 0 }, onRequest: (entry) => logged.push(JSON.stringify(entry)) }),
    );
    store = new ExchangeStore();
    dp = new DialogportenClient({
      baseUrl: sandbox().urls.dialogportenBase,
      http: recordingHttp(c.http, { profileId: 'p1', audience: 'maskinporten' }, (e) => store.add(e)),
      getToken: () => c.token(),
    });
  });
  after(() => c.http.close());

  it('keeps the exact response of each call, with the token redacted everywhere', async () => {
    const page = await dp.searchDialogs({ party: [c.party], limit: 3 });
    const [search] = store.list();
    assert.equal(search.status, 200);
    assert.equal(search.profileId, 'p1');
    assert.match(search.url, /\/enduser\/dialogs\?party=/);
    const direct = (await (
      await fetch(search.url, { headers: { authorization: `Bearer ${await c.token()}` } })
    ).json()) as { items: unknown[] };
    const details = await dp.getDialogAndMarkSeen(page.items![0].id);
    const detail = store.list()[1];
    assert.deepEqual(
      JSON.parse(rawJsonText(search, ['items', 1])),
      direct.items[1],
      "the node's raw JSON is the item exactly as served",
    );
    assert.deepEqual(JSON.parse(rawJsonText(search, [])), direct);
    assert.ok(details.dialog.dialogToken && JWT.test(details.dialog.dialogToken), 'the details carry a dialog token');
    const rawDetail = rawJsonText(detail, []);
    assert.doesNotMatch(rawDetail, JWT, 'the dialog token is not shown in the raw view');
    assert.equal(JSON.parse(rawDetail).dialogToken, REDACTED_JWT);
    for (const exchange of store.list()) {
      const visible = `${JSON.stringify({ ...exchange, responseBody: undefined })}\n${requestText(exchange)}`;
      assert.doesNotMatch(visible, JWT, 'no token in the recorded request, headers or the "show request" text');
      assert.match(exchange.requestHeaders.authorization, /^Bearer <redacted>$/);
    }
    for (const line of logged) assert.doesNotMatch(line, JWT, 'the request log never carries a token');
    const curl = toCurl(
      { method: search.method, url: search.url, headers: { ...search.requestHeaders } },
      { includeToken: false },
    );
    assert.match(curl, /-H "authorization: Bearer \$TOKEN"/);
    assert.doesNotMatch(curl, JWT);
  });

  it('records failures too, so the answer of a failed request can be shown', async () => {
    await assert.rejects(dp.listTransmissions('0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d'));
    const failed = store.list().at(-1) as RecordedExchange;
    assert.equal(failed.status, 404);
    assert.equal(JSON.parse(rawJsonText(failed, [])).status, 404, 'ProblemDetails kept');
    const offline = new DialogportenClient({
      baseUrl: 'http://127.0.0.1:9',
      http: recordingHttp(c.http, {}, (e) => store.add(e)),
      getToken: async () => 'x',
    });
    await assert.rejects(offline.getParties());
    const last = store.list().at(-1)!;
    assert.equal(last.status, undefined);
    assert.equal(last.error, 'network');
    assert.match(requestText(last), /No answer: network/);
  });

  it('drops the oldest exchanges beyond its limits', () => {
    const small = new ExchangeStore({ maxEntries: 3, maxBytes: 10 });
    const add = (bytes: number) =>
      small.add({
        method: 'GET',
        url: 'http://x',
        requestHeaders: {},
        responseHeaders: {},
        durationMs: 1,
        startedAt: '',
        responseBody: Buffer.alloc(bytes),
      });
    const first = add(1);
    add(1);
    add(1);
    add(1);
    assert.equal(small.get(first.id), undefined);
    assert.equal(small.list().length, 3);
    const big = add(9);
    assert.equal(small.list().at(-1)?.id, big.id, 'the newest is always kept');
    assert.ok(small.list().reduce((n, e) => n + (e.responseBody?.length ?? 0), 0) <= 10);
  });
});
