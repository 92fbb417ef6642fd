import { basename, dirname, join } from 'node:path';

/** A front-channel-embed response saved beside a captured dialog, served by the sandbox in its place. */
export interface CapturedEmbed {
  readonly mediaType: 'text/markdown' | 'text/html' | 'text/plain';
  readonly text: string;
}

const EMBED_FILE = /^(?<base>.+)\.main\.(?<language>[a-z]{2,3})\.(?<extension>md|markdown|html|htm|txt)$/i;
const MEDIA_TYPES: Record<string, CapturedEmbed['mediaType']> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
};

/**
 * `letter.main.nb.md` beside `letter.json` is the dialog's main content in Norwegian (bokmål): the sandbox
 * serves it at its own FCE endpoint, with the dialog token, and points the dialog's mainContentReference there.
 */
export function parseEmbedFileName(
  path: string,
): { dialogFile: string; language: string; mediaType: CapturedEmbed['mediaType'] } | undefined {
  const match = EMBED_FILE.exec(basename(path));
  if (!match?.groups) return undefined;
  return {
    dialogFile: join(dirname(path), `${match.groups.base}.json`),
    language: match.groups.language.toLowerCase(),
    mediaType: MEDIA_TYPES[match.groups.extension.toLowerCase()],
  };
}

/** The FCE media type a main content reference names for a file of this type. */
export function referenceMediaType(mediaType: CapturedEmbed['mediaType']): string {
  return `application/vnd.dialogporten.frontchannelembed-url;type=${mediaType === 'text/plain' ? 'text/markdown' : mediaType}`;
}
