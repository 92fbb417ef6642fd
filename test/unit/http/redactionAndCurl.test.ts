import assert from 'node:assert/strict';
import {
  HttpClient,
  parseRetryAfter,
  redactHeaders,
  redactUrl,
  toCurl,
  type RequestLogEntry,
} from '../../../src/platform/http';
import { useSandbox } from '../helpers/sandbox';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('request log redaction and copy-as-curl', () => {
  const sandbox = useSandbox();

  it('keeps the query but redacts token-like parameters and JWT-shaped values', () => {
    const url = redactUrl(
      `https://platform.tt02.altinn.no/x?party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A1&access_token=secret1&code=secret2&sig=secret3&q=${JWT}&continuationToken=createdat_2025,id_1`,
    );
    assert.match(url, /party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A1/);
    assert.match(url, /continuationToken=createdat_2025%2Cid_1/);
    for (const secret of ['secret1', 'secret2', 'secret3', JWT])
      assert.ok(!url.includes(secret), `${secret} leaked in ${url}`);
  });

  it('redacts Authorization to "Bearer <redacted>" and other credential headers entirely', () => {
    const headers = redactHeaders({
      Authorization: `Bearer ${JWT}`,
      cookie: 'a=b',
      'Digdir-Dialog-Token': JWT,
      accept: 'application/json',
    });
    assert.deepEqual(headers, {
      Authorization: 'Bearer <redacted>',
      cookie: '<redacted>',
      'Digdir-Dialog-Token': '<redacted>',
      accept: 'application/json',
    });
  });

  it('logs method, redacted url, status, duration, sizes, retries and redacted headers for a real request', async () => {
    const entries: RequestLogEntry[] = [];
    const http = new HttpClient({ onRequest: (e) => entries.push(e) });
    await http.request({
      method: 'GET',
      url: `${sandbox().urls.baseUrl}/maskinporten/jwk?access_token=${JWT}`,
      headers: { authorization: `Bearer ${JWT}` },
    });
    await http.close();
    const [entry] = entries;
    assert.equal(entry.method, 'GET');
    assert.equal(entry.status, 200);
    assert.equal(entry.retries, 0);
    assert.ok(entry.responseBytes > 100);
    assert.equal(entry.requestBytes, 0);
    assert.ok(entry.durationMs >= 0);
    assert.ok(!JSON.stringify(entry).includes(JWT));
    assert.equal(entry.requestHeaders.authorization, 'Bearer <redacted>');
  });

  it('writes curl with a $TOKEN placeholder by default and the real token only when asked', () => {
    const request = {
      method: 'POST',
      url: 'https://example.test/token',
      headers: { authorization: `Bearer ${JWT}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=x&assertion=${JWT}`,
    };
    const safe = toCurl(request);
    assert.ok(!safe.includes(JWT));
    assert.match(safe, /-H "authorization: Bearer \$TOKEN"/);
    assert.match(safe, /assertion=\$TOKEN/);
    assert.match(safe, /^curl -X POST 'https:\/\/example.test\/token'/);
    assert.ok(toCurl(request, { includeToken: true }).includes(`Bearer ${JWT}`));
  });

  it('quotes shell-special characters so the command can be pasted as-is', () => {
    const curl = toCurl({
      method: 'GET',
      url: "https://example.test/a?search=it's",
      headers: { accept: 'application/json' },
    });
    assert.equal(curl, `curl 'https://example.test/a?search=it'\\''s' -H 'accept: application/json'`);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
