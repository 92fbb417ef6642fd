import assert from 'node:assert/strict';
import { legacyHtmlOfSize, markdownOfSize } from '../../../bench/content';
import { MAX_CONTENT_BYTES, renderContent } from '../../../src/platform/content';

const md = (value: string, options?: { allowRemoteImages?: boolean }) => renderContent(value, 'text/markdown', options);
const html = (value: string) => renderContent(value, 'text/html');

describe('renderContent', () => {
  describe('markdown (CommonMark + GFM)', () => {
    it('renders headings of every level', () => {
      const { html: out, warnings } = md('# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six');
      assert.equal(out, '<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>\n<h5>Five</h5>\n<h6>Six</h6>');
      assert.deepEqual(warnings, []);
    });

    it('renders emphasis, strong, strikethrough and inline code', () => {
      assert.equal(
        md('*em* **strong** ~~gone~~ `x < y`').html,
        '<p><em>em</em> <strong>strong</strong> <del>gone</del> <code>x &#x3C; y</code></p>',
      );
    });

    it('renders GFM tables with column alignment', () => {
      const { html: out } = md('| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | c |');
      assert.equal(
        out,
        '<table>\n<thead>\n<tr>\n<th align="left">Left</th>\n<th align="center">Centre</th>\n<th align="right">Right</th>\n</tr>\n</thead>\n' +
          '<tbody>\n<tr>\n<td align="left">a</td>\n<td align="center">b</td>\n<td align="right">c</td>\n</tr>\n</tbody>\n</table>',
      );
    });

    it('renders task lists as ☑ / ☐ text, without input elements', () => {
      const { html: out } = md('- [x] signed\n- [ ] paid\n- plain');
      assert.equal(out, '<ul>\n<li>☑ signed</li>\n<li>☐ paid</li>\n<li>plain</li>\n</ul>');
    });

    it('renders ordered lists keeping their start number, and blockquotes', () => {
      assert.equal(md('3. three\n4. four').html, '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
      assert.equal(md('> quoted').html, '<blockquote>\n<p>quoted</p>\n</blockquote>');
    });

    it('turns URLs, www. addresses and e-mail addresses into links (GFM autolinks)', () => {
      const { html: out } = md(
        'See https://www.altinn.no/, www.digdir.no and servicedesk@altinn.no or <https://samarbeid.digdir.no>.',
      );
      assert.equal(
        out,
        '<p>See <a href="https://www.altinn.no/" rel="noopener noreferrer">https://www.altinn.no/</a>, ' +
          '<a href="http://www.digdir.no/" rel="noopener noreferrer">www.digdir.no</a> and ' +
          '<a href="mailto:servicedesk@altinn.no" rel="noopener noreferrer">servicedesk@altinn.no</a> or ' +
          '<a href="https://samarbeid.digdir.no/" rel="noopener noreferrer">https://samarbeid.digdir.no</a>.</p>',
      );
    });

    it('escapes code blocks', () => {
      assert.equal(md('```\n<b>&</b>\n```').html, '<pre><code>&#x3C;b>&#x26;&#x3C;/b>\n</code></pre>');
    });

    it('leaves raw HTML out, as the Altinn inbox does, and says so', () => {
      const { html: out, warnings } = md('Hello <b>bold</b> world');
      assert.equal(out, '<p>Hello bold world</p>');
      assert.deepEqual(warnings, [
        '2 raw HTML fragment(s) in the markdown are not shown (the Altinn inbox does not render HTML inside markdown).',
      ]);
    });

    it('links bare www. addresses as GFM does, but not bare domain names or ftp:', () => {
      assert.equal(
        md('See www.altinn.no, skatteetaten.no, ftp://files.example and https://x.example.').html,
        '<p>See <a href="http://www.altinn.no/" rel="noopener noreferrer">www.altinn.no</a>, skatteetaten.no, ftp://files.example and ' +
          '<a href="https://x.example/" rel="noopener noreferrer">https://x.example</a>.</p>',
      );
    });

    it('renders GFM footnotes the way the sanitised remark output looked: numbered marks and a Footnotes list with ↩', () => {
      const { html: out, warnings } = md(
        'Text[^1] and again[^1], then[^2].\n\n[^1]: The *first* note.\n\n[^2]: - a list\n    - in a note',
      );
      assert.equal(
        out,
        '<p>Text<sup>1</sup> and again<sup>1</sup>, then<sup>2</sup>.</p>\n<h2>Footnotes</h2>\n<ol>\n' +
          '<li>\n<p>The <em>first</em> note. ↩ ↩<sup>2</sup></p>\n</li>\n<li>\n<ul>\n<li>a list</li>\n<li>in a note</li>\n</ul>\n↩\n</li>\n</ol>\n',
      );
      assert.deepEqual(warnings, []);
    });

    it('reads a task marker only before a space, tab or line break, and unwraps tight list paragraphs but not loose ones', () => {
      assert.equal(
        md('- [x] done\n- [ ]\n  wrapped\n- [x]\n- [ ] \tspaced').html,
        '<ul>\n<li>☑ done</li>\n<li>☐ wrapped</li>\n<li>[x]</li>\n<li>☐ \tspaced</li>\n</ul>',
      );
      assert.equal(
        md('- tight\n- list\n\n1. loose\n\n2. list').html,
        '<ul>\n<li>tight</li>\n<li>list</li>\n</ul>\n<ol>\n<li>\n<p>loose</p>\n</li>\n<li>\n<p>list</p>\n</li>\n</ol>',
      );
    });

    it('counts raw HTML in table cells and ends a code fence left open at the end', () => {
      assert.deepEqual(md('| a | b |\n|---|---|\n| <b>x</b> | <i>y</i> |').warnings, [
        '4 raw HTML fragment(s) in the markdown are not shown (the Altinn inbox does not render HTML inside markdown).',
      ]);
      assert.equal(md('```\nopen fence').html, '<pre><code>open fence\n</code></pre>');
    });

    it('keeps link titles, drops relative links and other schemes with a warning', () => {
      const { html: out, warnings } = md(
        '[a](https://a.example "Title") [b](/relative) [c](ftp://c.example) [d](mailto:post@example.no)',
      );
      assert.equal(
        out,
        '<p><a href="https://a.example/" title="Title" rel="noopener noreferrer">a</a> b c <a href="mailto:post@example.no" rel="noopener noreferrer">d</a></p>',
      );
      assert.deepEqual(warnings, ['2 link(s) removed: only absolute http, https and mailto links are kept.']);
    });
  });

  describe('images', () => {
    it('replaces images with a text placeholder by default', () => {
      const { html: out, warnings } = md(
        '![Logo of Digdir](https://digdir.example/logo.png) ![](https://x.example/a.png)',
      );
      assert.equal(
        out,
        '<p><span class="content-image-placeholder">[image: Logo of Digdir]</span> <span class="content-image-placeholder">[image]</span></p>',
      );
      assert.deepEqual(warnings, ['2 image(s) not loaded: remote images are turned off.']);
    });

    it('keeps https images when remote images are allowed, without sending a referrer', () => {
      const { html: out, warnings } = md('![Logo](https://digdir.example/logo.png "T")', { allowRemoteImages: true });
      assert.equal(
        out,
        '<p><img src="https://digdir.example/logo.png" alt="Logo" title="T" referrerpolicy="no-referrer" loading="lazy"></p>',
      );
      assert.deepEqual(warnings, []);
    });

    it('still hides http images when remote images are allowed', () => {
      const { html: out, warnings } = md('![Logo](http://digdir.example/logo.png)', { allowRemoteImages: true });
      assert.equal(out, '<p><span class="content-image-placeholder">[image: Logo]</span></p>');
      assert.deepEqual(warnings, ['1 image(s) without an https address are not shown.']);
    });
  });

  describe('legacy HTML', () => {
    it('keeps the allowed structure and reports what it removed', () => {
      const { html: out, warnings } = html(
        '<h2 class="title" id="t">Vedtak</h2><p style="color:red">Du har fått <b>svar</b> på <a href="https://skatteetaten.example/sak" target="_blank">saken</a>.</p>' +
          '<table border="1"><tr><th colspan="2">Beløp</th></tr><tr><td>Skatt</td><td align="right">1 000</td></tr></table>',
      );
      assert.equal(
        out,
        '<h2>Vedtak</h2><p>Du har fått svar på <a href="https://skatteetaten.example/sak" rel="noopener noreferrer">saken</a>.</p>' +
          '<table><tbody><tr><th colspan="2">Beløp</th></tr><tr><td>Skatt</td><td align="right">1 000</td></tr></tbody></table>',
      );
      assert.deepEqual(warnings, [
        'Removed HTML elements the Altinn inbox does not allow: <b>.',
        'Removed HTML attributes: border, class, id, style, target.',
      ]);
    });

    it('reads a whole legacy document, dropping head, title and styles', () => {
      const { html: out } = html(
        '<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><div><p>Hei</p></div></body></html>',
      );
      assert.equal(out, '<div><p>Hei</p></div>');
    });

    it('accepts the front-channel embed media type for an HTML body', () => {
      const { html: out } = renderContent(
        '<p>Hei <em>du</em></p>',
        'application/vnd.dialogporten.frontchannelembed-url;type=text/html',
      );
      assert.equal(out, '<p>Hei <em>du</em></p>');
    });
  });

  describe('plain text and media types', () => {
    it('escapes plain text and keeps its line breaks and paragraphs', () => {
      const { html: out } = renderContent('Line 1 <b>&\r\nLine 2\n\n\nNew "paragraph"', 'text/plain');
      assert.equal(out, '<p>Line 1 &#x3C;b>&#x26;<br>Line 2</p><p>New "paragraph"</p>');
    });

    it('renders the fetched body of a markdown front-channel embed as markdown, and says which media type it was', () => {
      const mediaType = 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown';
      assert.deepEqual(renderContent('**Hei**', mediaType), {
        html: '<p><strong>Hei</strong></p>',
        mediaType,
        warnings: [],
      });
    });

    it('understands the deprecated +json embed alias and parameters in any case', () => {
      assert.equal(
        renderContent('**Hei**', 'application/vnd.dialogporten.frontchannelembed+json;type=markdown').html,
        '<p><strong>Hei</strong></p>',
      );
      assert.equal(renderContent('**Hei**', 'Text/Markdown; charset=utf-8').html, '<p><strong>Hei</strong></p>');
    });

    it('shows an unknown media type as plain text with a warning', () => {
      const { html: out, warnings } = renderContent('**Hei**', 'application/pdf');
      assert.equal(out, '<p>**Hei**</p>');
      assert.deepEqual(warnings, ['Unknown media type "application/pdf"; shown as plain text.']);
    });

    it('renders empty content as nothing', () => {
      assert.deepEqual(renderContent('', 'text/markdown'), { html: '', mediaType: 'text/markdown', warnings: [] });
    });
  });

  describe('size and depth limits', () => {
    it('renders exactly 1 MB without a warning and cuts anything longer, never splitting a character', () => {
      assert.deepEqual(renderContent('a'.repeat(MAX_CONTENT_BYTES), 'text/plain').warnings, []);
      const { html: out, warnings } = renderContent('ø'.repeat(MAX_CONTENT_BYTES), 'text/plain');
      assert.deepEqual(warnings, ['The content is larger than 1 MB; only the first 1 MB is shown.']);
      assert.equal(out, `<p>${'ø'.repeat(MAX_CONTENT_BYTES / 2)}</p>`);
    });

    it('shows very long markdown as plain text', () => {
      const { html: out, warnings } = md(`**a** ${'b'.repeat(200_000)}`);
      assert.ok(out.startsWith('<p>**a** bbb'));
      assert.deepEqual(warnings, ['The markdown is shown as plain text because it is longer than 102400 characters.']);
    });

    it('survives 10,000-deep markdown and HTML nesting', () => {
      const quote = md(`${'>'.repeat(10_000)} deep`);
      assert.deepEqual(quote.warnings, [
        'The markdown is shown as plain text because quotes or lists are nested more than 32 levels deep.',
      ]);
      const divs = html(`${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`);
      assert.ok(
        divs.warnings.some((warning) => warning.startsWith('The HTML is shown as plain text because')),
        divs.warnings.join(),
      );
      assert.ok(divs.html.startsWith('<p>&#x3C;div>'));
    });

    it("renders a realistic document at the API's 100 KB maximum as markdown and as HTML, not as the plain-text fallback", () => {
      const markdown = md(markdownOfSize(100 * 1024));
      assert.deepEqual(markdown.warnings, []);
      assert.match(
        markdown.html,
        /^<h2>Del 1: Skattemelding for inntektsåret 2025<\/h2>\n<p>Du må levere <strong>skattemeldingen<\/strong>/,
      );
      assert.equal((markdown.html.match(/<table>/g) ?? []).length, (markdown.html.match(/<\/table>/g) ?? []).length);
      const legacy = html(legacyHtmlOfSize(100 * 1024));
      assert.match(legacy.html, /^<div><h2>Vedtak 1<\/h2><p>Vi har behandlet søknaden din/);
      assert.deepEqual(legacy.warnings, [
        'Removed HTML elements the Altinn inbox does not allow: <b>, <i>.',
        'Removed HTML attributes: class, onclick, style.',
      ]);
    });

    it('flattens markdown nested deeper than the limit to text, with a warning', () => {
      const { html: out, warnings } = md(`${'*a '.repeat(70)}x${' a*'.repeat(70)}`);
      assert.equal((out.match(/<em>/g) ?? []).length, 63);
      assert.ok(out.includes('a a a x a a a'));
      assert.deepEqual(warnings, ['Content nested more than 64 levels deep is shown as text.']);
    });

    it('keeps text at the very end of HTML as the HTML standard reads it', () => {
      assert.equal(html('<p>1 < 2</p>a <').html, '<p>1 &#x3C; 2</p>a &#x3C;');
      assert.equal(html('<table><td>cell</td>after').html, 'after<table><tbody><tr><td>cell</td></tr></tbody></table>');
    });

    it('flattens moderately deep HTML to text below the depth limit but keeps the text', () => {
      const { html: out, warnings } = html(`${'<div>'.repeat(100)}deep text${'</div>'.repeat(100)}`);
      assert.ok(out.includes('deep text'));
      assert.ok((out.match(/<div>/g) ?? []).length <= 64);
      assert.deepEqual(warnings, ['Content nested more than 64 levels deep is shown as text.']);
    });
  });
});
