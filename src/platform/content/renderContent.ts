import { buildSafeTree } from './safeTree';
import { serializeHtml } from './serializeHtml';

export interface RenderOptions {
  /** Load https images (default false: images become "[image: alt]" text). */
  readonly allowRemoteImages?: boolean;
}

export interface RenderedContent {
  /** Sanitised HTML, safe to insert into a webview whose CSP only runs nonce'd scripts. */
  readonly html: string;
  readonly mediaType: string;
  /** What was changed or left out, in English, for a developer. */
  readonly warnings: string[];
}

/**
 * Renders a Dialogporten / Correspondence content value: `text/plain`, `text/markdown`, legacy
 * `text/html`, or the fetched body of a front-channel embed (`…frontchannelembed-url;type=text/markdown`).
 */
export function renderContent(value: string, mediaType: string, options: RenderOptions = {}): RenderedContent {
  const { tree, warnings } = buildSafeTree(value, mediaType, options.allowRemoteImages ?? false);
  return { html: serializeHtml(tree), mediaType, warnings };
}
