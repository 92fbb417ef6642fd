import assert from 'node:assert/strict';
import { ResponseFormatError } from '../../../src/platform/errors';
import { HttpClient, parseJsonBody } from '../../../src/platform/http';
import { localServer, type LocalServer } from './localServer';

// How the HTTP client reads the bodies the Dialogporten client parses: streamed with a size limit, decoded once.
describe('HTTP response bodies as the Dialogporten client reads them', () => {
  let server: LocalServer;
  before(async () => {
    server = await localServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      if (req.url === '/big') {
        for (let i = 0; i < 20; i++) res.write(`"${'x'.repeat(64 * 1024)}",`);
        res.end();
      } else {
        res.end('\uFEFF{"title":"Sykmelding – ny","items":[1,2,3]}');
      }
    });
  });
  after(() => server.close());

  it('refuses a body past maxResponseBytes while it streams, without retrying', async () => {
    const http = new HttpClient({ maxResponseBytes: 256 * 1024 });
    try {
      await assert.rejects(
        http.getJson(`${server.url}/big`, { payload: 'Big' }),
        (error: unknown) => error instanceof ResponseFormatError && /larger than 262144 bytes/.test(error.message),
      );
      assert.equal(server.requests.filter((r) => r.url === '/big').length, 1);
    } finally {
      await http.close();
    }
  });

  it('decodes a body once: text() is what parseJsonBody read, byte-order mark and all', async () => {
    const http = new HttpClient();
    try {
      const response = await http.request({ method: 'GET', url: `${server.url}/small` });
      assert.equal(response.text(), '\uFEFF{"title":"Sykmelding – ny","items":[1,2,3]}');
      assert.deepEqual(parseJsonBody(response, { payload: 'Small' }), { title: 'Sykmelding – ny', items: [1, 2, 3] });
      let decoded = 0;
      const counting = { ...response, text: () => (decoded++, response.text()) };
      parseJsonBody(counting, { payload: 'Small' });
      assert.equal(decoded, 1);
    } finally {
      await http.close();
    }
  });
});
