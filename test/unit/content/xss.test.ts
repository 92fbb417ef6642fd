import assert from 'node:assert/strict';
import { renderContent } from '../../../src/platform/content';
import { findUnsafeMarkup } from './unsafeMarkup';
import { XSS_CORPUS } from './xssCorpus';

describe('content renderer against hostile input', () => {
  it('has a corpus of at least 150 payloads with unique names', () => {
    assert.ok(XSS_CORPUS.length >= 150, `only ${XSS_CORPUS.length} payloads`);
    assert.equal(new Set(XSS_CORPUS.map((payload) => payload.name)).size, XSS_CORPUS.length);
  });

  describe('the unsafe-markup check itself', () => {
    const unsafe = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      "<a href='data:text/html,x'>x</a>",
      '<img src="vbscript:x">',
      '<iframe></iframe>',
      '<svg>',
      '<math>',
      '<base href="/">',
      '<meta http-equiv="refresh">',
      '<style></style>',
      '<form>',
      '<p style="color:red">x</p>',
      '<p class="x">x</p>',
    ];
    for (const html of unsafe) {
      it(`flags ${html}`, () => assert.notDeepEqual(findUnsafeMarkup(html), []));
    }
    it('passes safe output, including quoted look-alikes and escaped text', () => {
      assert.deepEqual(
        findUnsafeMarkup('<p>&#x3C;script>alert(1)&#x3C;/script> onerror=alert(1) javascript:x</p>'),
        [],
      );
      assert.deepEqual(
        findUnsafeMarkup(
          '<a href="https://ok.example/" title="x&#x22; onmouseover=&#x22;y" rel="noopener noreferrer">x</a>',
        ),
        [],
      );
    });
  });

  for (const allowRemoteImages of [false, true]) {
    describe(allowRemoteImages ? 'with remote images allowed' : 'with remote images blocked (default)', () => {
      for (const payload of XSS_CORPUS) {
        it(payload.name, () => {
          const { html } = renderContent(payload.value, payload.mediaType, { allowRemoteImages });
          assert.deepEqual(findUnsafeMarkup(html), [], html.slice(0, 500));
          if (!allowRemoteImages) assert.doesNotMatch(html, /<img/i);
          for (const [link] of html.matchAll(/<a\s[^>]*>/g)) {
            assert.match(link, /\shref="(?:https?|mailto):/, link);
            assert.match(link, /\srel="noopener noreferrer"/, link);
          }
          for (const [image] of html.matchAll(/<img\s[^>]*>/g)) assert.match(image, /\ssrc="https:\/\//, image);
        });
      }
    });
  }
});
