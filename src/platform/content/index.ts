export { renderContent } from './renderContent';
export type { RenderedContent, RenderOptions } from './renderContent';
export { plainText } from './plainText';
export { pickLocalized, normalizeLanguageCode } from './pickLocalized';
export type { LocalizedValue } from './pickLocalized';
export { classifyMediaType, isFrontChannelEmbed } from './mediaType';
export type { ContentFormat } from './mediaType';
export { IMAGE_PLACEHOLDER_CLASS } from './linksAndImages';
export { MAX_CONTENT_BYTES } from './limits';
