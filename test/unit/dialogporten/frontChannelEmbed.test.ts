import assert from 'node:assert/strict';
import { acceptLanguageFor, fetchFrontChannelEmbed } from '../../../src/platform/dialogporten';
import { ApiError, InvalidInputError, ResponseFormatError, TimeoutError } from '../../../src/platform/errors';
import { HttpClient, type RequestLogEntry } from '../../../src/platform/http';
import { localServer, type LocalServer } from './localServer';

describe('fetchFrontChannelEmbed: the FCE protocol limits', function () {
  this.timeout(20_000);
  let main: LocalServer;
  let other: LocalServer;
  const languages: (string | undefined)[] = [];
  const logged: RequestLogEntry[] = [];
  const http = new HttpClient({ onRequest: (entry) => logged.push(entry) });

  before(async () => {
    other = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<p>elsewhere</p>');
    });
    main = await localServer((req, res) => {
      const path = req.url ?? '/';
      languages.push(req.headers['accept-language']);
      // Altinn Correspondence's /content: markdown, served as text/plain ([Produces("text/plain")]).
      if (path === '/correspondence')
        return void res
          .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          .end('## Skattemeldingen\n\n**Lever** innen fristen.');
      if (path === '/untyped') return void res.writeHead(200).end('## Overskrift');
      if (path === '/md')
        return void res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end('\uFEFF# Hei');
      if (path.startsWith('/hop/')) {
        const left = Number(path.split('/')[2]);
        return void res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/md' }).end();
      }
      if (path === '/away') return void res.writeHead(307, { location: `${other.url}/page` }).end();
      if (path === '/big')
        return void res.writeHead(200, { 'content-type': 'text/markdown' }).end('x'.repeat(101 * 1024));
      if (path === '/slow')
        return void setTimeout(() => res.writeHead(200, { 'content-type': 'text/markdown' }).end('late'), 2_000);
      if (path === '/empty') return void res.writeHead(204).end();
      if (path === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      res
        .writeHead(403, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ title: 'Forbidden', status: 403, detail: 'Not for you' }));
    });
  });

  after(async () => {
    await http.close();
    await main.close();
    await other.close();
  });

  it('sends the dialog token, follows redirects and returns markdown without the BOM', async () => {
    const embed = await fetchFrontChannelEmbed(http, `${main.url}/hop/4`, 'dialog-token');
    assert.deepEqual(embed, {
      kind: 'content',
      format: 'markdown',
      mediaType: 'text/markdown',
      responseMediaType: 'text/markdown',
      text: '# Hei',
      finalUrl: `${main.url}/md`,
    });
    assert.ok(
      main.requests
        .filter((r) => r.url.startsWith('/hop') || r.url === '/md')
        .every((r) => r.authorization === 'Bearer dialog-token'),
    );
    const hops = logged.slice(-6);
    assert.deepEqual(
      hops.map((entry) => entry.status),
      [302, 302, 302, 302, 302, 200],
      'each hop is one request in the log',
    );
    assert.ok(
      hops.every((entry) => entry.requestHeaders.authorization === 'Bearer <redacted>'),
      'the token redacted there',
    );
  });

  it('does not carry the token to another origin', async () => {
    const embed = await fetchFrontChannelEmbed(http, `${main.url}/away`, 'dialog-token');
    assert.equal(embed.kind === 'content' && embed.format, 'html');
    assert.equal(other.requests.at(-1)?.authorization, undefined);
  });

  it('refuses more than 100 KB, a slow answer, other schemes and non-text content; 204 renders nothing', async () => {
    await assert.rejects(
      fetchFrontChannelEmbed(http, `${main.url}/big`, 't'),
      (e: unknown) => e instanceof ResponseFormatError && /100 KB/.test(e.message),
    );
    await assert.rejects(fetchFrontChannelEmbed(http, `${main.url}/slow`, 't', { timeoutMs: 300 }), TimeoutError);
    await assert.rejects(fetchFrontChannelEmbed(http, 'file:///etc/passwd', 't'), InvalidInputError);
    await assert.rejects(fetchFrontChannelEmbed(http, `${main.url}/json`, 't'), ResponseFormatError);
    assert.deepEqual(await fetchFrontChannelEmbed(http, `${main.url}/empty`, 't'), {
      kind: 'empty',
      finalUrl: `${main.url}/empty`,
    });
    await assert.rejects(
      fetchFrontChannelEmbed(http, `${main.url}/denied`, 't'),
      (e: unknown) => e instanceof ApiError && e.status === 403 && e.detail === 'Not for you',
    );
  });

  it('reads the body as the type the dialog declares, whatever the answer says; the answer decides only when nothing is declared', async () => {
    const url = `${main.url}/correspondence`;
    const declared = await fetchFrontChannelEmbed(http, url, 't', {
      declaredMediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
    });
    assert.equal(declared.kind === 'content' && declared.format, 'markdown');
    assert.equal(declared.kind === 'content' && declared.mediaType, 'text/markdown');
    assert.equal(declared.kind === 'content' && declared.responseMediaType, 'text/plain');
    const deprecated = await fetchFrontChannelEmbed(http, url, 't', {
      declaredMediaType: 'application/vnd.dialogporten.frontchannelembed+json;type=markdown',
    });
    assert.equal(
      deprecated.kind === 'content' && deprecated.format,
      'markdown',
      'the deprecated spelling Correspondence writes',
    );
    const html = await fetchFrontChannelEmbed(http, `${main.url}/md`, 't', {
      declaredMediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/html',
    });
    assert.equal(html.kind === 'content' && html.format, 'html');
    const untyped = await fetchFrontChannelEmbed(http, `${main.url}/untyped`, 't', {
      declaredMediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
    });
    assert.equal(untyped.kind === 'content' && untyped.format, 'markdown', 'no Content-Type at all');
    const undeclared = await fetchFrontChannelEmbed(http, url, 't');
    assert.equal(undeclared.kind === 'content' && undeclared.format, 'plain');
    const unknownType = await fetchFrontChannelEmbed(http, url, 't', {
      declaredMediaType: 'application/vnd.dialogporten.frontchannelembed-url',
    });
    assert.equal(
      unknownType.kind === 'content' && unknownType.format,
      'plain',
      'a declaration without a type names nothing',
    );
  });

  it('sends Accept-Language as Arbeidsflate builds it: the UI language, then the other two with falling q', async () => {
    assert.equal(acceptLanguageFor('nb'), 'nb, nn;q=0.9, en;q=0.8');
    assert.equal(acceptLanguageFor('nn'), 'nn, nb;q=0.9, en;q=0.8');
    assert.equal(acceptLanguageFor('en-GB'), 'en, nb;q=0.9, nn;q=0.8');
    assert.equal(acceptLanguageFor('de'), 'nb, nn;q=0.9, en;q=0.8');
    languages.length = 0;
    await fetchFrontChannelEmbed(http, `${main.url}/md`, 't', { acceptLanguage: acceptLanguageFor('en') });
    await fetchFrontChannelEmbed(http, `${main.url}/md`, 't');
    assert.deepEqual(languages, ['en, nb;q=0.9, nn;q=0.8', undefined]);
  });
});
