/** How a Dialogporten / Correspondence content value is to be read. */
export type ContentFormat = 'plain' | 'markdown' | 'html' | 'unknown';

const FRONT_CHANNEL_EMBED_PREFIX = 'application/vnd.dialogporten.frontchannelembed';

/** True for front-channel embed media types (`…frontchannelembed-url;type=…` and the older `…+json;type=…`). */
export function isFrontChannelEmbed(mediaType: string): boolean {
  return mediaType.trim().toLowerCase().startsWith(FRONT_CHANNEL_EMBED_PREFIX);
}

/**
 * Maps a media type to the format of the text we are given. For a front-channel embed that is the
 * fetched body, whose format is named by the `type` parameter (`text/markdown`, or `markdown` in the
 * deprecated `+json` alias).
 */
export function classifyMediaType(mediaType: string): ContentFormat {
  const [essence, ...parameters] = mediaType.split(';').map((part) => part.trim().toLowerCase());
  if (essence.startsWith(FRONT_CHANNEL_EMBED_PREFIX)) {
    const type = parameters
      .find((parameter) => parameter.startsWith('type='))
      ?.slice('type='.length)
      .replace(/^"|"$/g, '');
    return type === undefined ? 'unknown' : classifyEssence(type.includes('/') ? type : `text/${type}`);
  }
  return classifyEssence(essence);
}

function classifyEssence(essence: string): ContentFormat {
  switch (essence) {
    case 'text/plain':
      return 'plain';
    case 'text/markdown':
      return 'markdown';
    case 'text/html':
      return 'html';
    default:
      return 'unknown';
  }
}
