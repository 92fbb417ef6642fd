import MarkdownIt, { type MarkdownIt as Parser } from 'markdown-it';
import footnotes from 'markdown-it-footnote';

/**
 * CommonMark + GFM (tables, strikethrough, autolink literals, footnotes) as markdown-it reads it. Raw HTML is
 * tokenised (not rendered) so that it can be counted and left out. Built once: markdown-it parses a 100 KB
 * document in a few milliseconds where micromark (remark-parse) took over half a second.
 */
export const markdownParser = createMarkdownParser();

function createMarkdownParser(): Parser {
  const parser = new MarkdownIt('default', { html: true, linkify: true, typographer: false });
  parser.use(footnotes);
  // `^[inline notes]` are not GFM.
  parser.disable('footnote_inline');
  // Addresses are judged after sanitising (and every removed link reported); markdown-it's own check would
  // silently leave `[x](javascript:…)` as literal text instead.
  parser.validateLink = () => true;
  parser.linkify.set({ fuzzyLink: false, fuzzyEmail: true, fuzzyIP: false }).add('ftp:', null).add('//', null);
  // GFM links bare `www.` addresses (as http), but not other bare domain names such as `skatteetaten.no`. A
  // schema is much cheaper than linkify-it's fuzzy-link search, which would also find those bare names.
  parser.linkify.add('www.', {
    validate: (text, position, linkify) =>
      Math.max(0, linkify.testSchemaAt(`//www.${text.slice(position)}`, 'http:', 0) - '//www.'.length),
    normalize: (link) => {
      link.url = `http://${link.url}`;
    },
  });
  return parser;
}
