import assert from 'node:assert/strict';
import {
  classifyMediaType,
  isFrontChannelEmbed,
  normalizeLanguageCode,
  pickLocalized,
  plainText,
} from '../../../src/platform/content';
import { markdownComplexityProblem } from '../../../src/platform/content/markdownComplexity';
import { serializeHtml } from '../../../src/platform/content/serializeHtml';
import { flattenBelowDepth, textContent } from '../../../src/platform/content/treeDepth';

describe('content helpers', () => {
  describe('classifyMediaType', () => {
    const cases: [string, string][] = [
      ['text/plain', 'plain'],
      ['text/markdown', 'markdown'],
      ['text/html', 'html'],
      ['TEXT/HTML; charset=utf-8', 'html'],
      ['application/vnd.dialogporten.frontchannelembed-url;type=text/markdown', 'markdown'],
      ['application/vnd.dialogporten.frontchannelembed-url;type=text/plain', 'plain'],
      ['application/vnd.dialogporten.frontchannelembed-url;type=text/html', 'html'],
      ['application/vnd.dialogporten.frontchannelembed+json;type=markdown', 'markdown'],
      ['application/vnd.dialogporten.frontchannelembed-url', 'unknown'],
      ['application/json', 'unknown'],
      ['', 'unknown'],
    ];
    for (const [mediaType, format] of cases) {
      it(`"${mediaType}" → ${format}`, () => assert.equal(classifyMediaType(mediaType), format));
    }
    it('recognises front-channel embeds by prefix', () => {
      assert.equal(isFrontChannelEmbed('application/vnd.dialogporten.frontchannelembed-url;type=text/markdown'), true);
      assert.equal(isFrontChannelEmbed('text/markdown'), false);
    });
  });

  describe('plainText', () => {
    it('strips markdown to one line per block', () => {
      assert.equal(
        plainText(
          '# Vedtak\n\nDu har fått **svar** i [saken](https://a.example).\n\n- én\n- to\n\n![kart](https://a.example/k.png)',
        ),
        'Vedtak\nDu har fått svar i saken.\nén\nto\n[image: kart]',
      );
    });
    it('strips HTML, dropping script and style content', () => {
      assert.equal(
        plainText(
          '<p>Hei <b>du</b></p><script>alert(1)</script><style>p{}</style><table><tr><td>a</td><td>b</td></tr></table>',
          'text/html',
        ),
        'Hei du\na b',
      );
    });
    it('keeps plain text as it is, trimmed per line', () => {
      assert.equal(plainText('  *not emphasis*  \n\n <b>', 'text/plain'), '*not emphasis*\n<b>');
    });
  });

  describe('pickLocalized', () => {
    const values = [
      { value: 'English', languageCode: 'en' },
      { value: 'Nynorsk', languageCode: 'nn' },
      { value: 'Bokmål', languageCode: 'nb' },
    ];
    it('takes the first preferred language that is there', () => {
      assert.equal(pickLocalized(values, ['se', 'nn'])?.value, 'Nynorsk');
      assert.equal(pickLocalized(values, ['en-GB'])?.value, 'English');
    });
    it('falls back nb → nn → en', () => {
      assert.equal(pickLocalized(values, [])?.value, 'Bokmål');
      assert.equal(pickLocalized(values.slice(0, 2), ['de'])?.value, 'Nynorsk');
      assert.equal(pickLocalized(values.slice(0, 1))?.value, 'English');
    });
    it('treats no and nob as bokmål and ignores case and region', () => {
      assert.equal(
        pickLocalized(
          [
            { value: 'x', languageCode: 'en' },
            { value: 'Norsk', languageCode: 'NO' },
          ],
          ['nb'],
        )?.value,
        'Norsk',
      );
      assert.equal(
        pickLocalized([
          { value: 'en', languageCode: 'en' },
          { value: 'Norsk', languageCode: 'nob' },
        ])?.value,
        'Norsk',
      );
      assert.equal(normalizeLanguageCode('nb-NO'), 'nb');
      assert.equal(normalizeLanguageCode('nno'), 'nn');
    });
    it('uses the first value when no language matches, and undefined for none', () => {
      assert.equal(pickLocalized([{ value: 'Sámegiella', languageCode: 'se' }], ['nb'])?.value, 'Sámegiella');
      assert.equal(pickLocalized([], ['nb']), undefined);
    });
  });

  describe('markdownComplexityProblem', () => {
    it('accepts ordinary markdown', () => {
      assert.equal(
        markdownComplexityProblem('# T\n\n> quote\n\n- a\n  - b\n\n**x** _y_ [z](https://a.example)'),
        undefined,
      );
    });
    it('counts quote and list markers at the start of a line', () => {
      assert.equal(markdownComplexityProblem(`${'> '.repeat(32)}x`), undefined);
      assert.match(markdownComplexityProblem(`${'> '.repeat(33)}x`) ?? '', /nested more than 32/);
      assert.match(markdownComplexityProblem(`${'1. '.repeat(40)}x`) ?? '', /nested more than 32/);
    });
    it('counts emphasis delimiters per paragraph, resetting at blank lines', () => {
      assert.equal(markdownComplexityProblem('*a* '.repeat(250) + '\n\n' + '*a* '.repeat(250)), undefined);
      assert.match(markdownComplexityProblem('*a* '.repeat(501)) ?? '', /more than 1000 emphasis/);
    });
    it('treats lines of any whitespace (CRLF, no-break space) as blank, and counts other delimiters too', () => {
      assert.equal(markdownComplexityProblem('*a* '.repeat(250) + '\r\n\u00a0\t\r\n' + '*a* '.repeat(250)), undefined);
      assert.match(
        markdownComplexityProblem('*a* '.repeat(250) + '\r\nx\r\n' + '*a* '.repeat(251)) ?? '',
        /more than 1000 emphasis/,
      );
      assert.match(markdownComplexityProblem('[x]'.repeat(2001)) ?? '', /more than 4000 link, code or HTML/);
      assert.match(markdownComplexityProblem(`text\n${'  > '.repeat(33)}x`) ?? '', /nested more than 32/);
      assert.equal(markdownComplexityProblem(`${'>'.repeat(32)}\n${'-'.repeat(40)}`), undefined);
    });
  });

  describe('serializeHtml', () => {
    it('escapes & and < in text, and &, ", < and > inside attribute values', () => {
      const html = serializeHtml({
        type: 'root',
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { title: '<img src=x> "q" & r', href: 'https://a/?x=1&y=2' },
            children: [{ type: 'text', value: 'a <b> & "c"' }],
          },
        ],
      });
      assert.equal(
        html,
        '<a title="&#x3C;img src=x&#x3E; &#x22;q&#x22; &#x26; r" href="https://a/?x=1&#x26;y=2">a &#x3C;b> &#x26; "c"</a>',
      );
    });
    it('writes void elements without an end tag, space-separated lists, numbers and HTML attribute names', () => {
      const html = serializeHtml({
        type: 'root',
        children: [
          {
            type: 'element',
            tagName: 'td',
            properties: { colSpan: 2, rowSpan: 3, align: 'right', hidden: false, title: undefined },
            children: [],
          },
          { type: 'element', tagName: 'br', properties: {}, children: [] },
          { type: 'element', tagName: 'span', properties: { className: ['a', 'b'] }, children: [] },
          {
            type: 'element',
            tagName: 'img',
            properties: { src: 'https://i/x.png', alt: '', referrerPolicy: 'no-referrer' },
            children: [],
          },
          { type: 'element', tagName: 'a', properties: { rel: ['noopener', 'noreferrer'] }, children: [] },
        ],
      });
      assert.equal(
        html,
        '<td colspan="2" rowspan="3" align="right"></td><br><span class="a b"></span><img src="https://i/x.png" alt="" referrerpolicy="no-referrer"><a rel="noopener noreferrer"></a>',
      );
    });
  });

  describe('tree depth helpers', () => {
    it('flattens nodes below the limit to their text without recursion', () => {
      type Node = { type: string; value?: string; children?: Node[] };
      const root: Node = { type: 'root', children: [] };
      let current = root;
      for (let i = 0; i < 100_000; i++) {
        const child: Node = { type: 'element', children: [] };
        current.children!.push(child);
        current = child;
      }
      current.children!.push({ type: 'text', value: 'bottom' });
      assert.equal(flattenBelowDepth(root, 3), 1);
      assert.deepEqual(root.children![0].children![0].children![0].children, [{ type: 'text', value: 'bottom' }]);
      assert.equal(textContent(root), 'bottom');
    });
  });
});
