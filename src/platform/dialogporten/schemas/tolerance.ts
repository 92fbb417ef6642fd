import type { SystemLabel } from './primitives';

/** The labels of a dialog in either API version: `endUserContext.systemLabels`, else the older single `systemLabel`. */
export function effectiveSystemLabels(dialog: {
  endUserContext?: { systemLabels?: readonly SystemLabel[] | null } | null;
  systemLabel?: SystemLabel | null;
}): SystemLabel[] {
  const labels = dialog.endUserContext?.systemLabels;
  if (labels && labels.length > 0) return [...labels];
  return [dialog.systemLabel ?? 'Default'];
}

/**
 * Maps the deprecated `application/vnd.dialogporten.frontchannelembed+json;type=markdown|html` spelling to the
 * current `…frontchannelembed-url;type=text/markdown|text/html`; other media types are returned unchanged.
 */
export function normalizeFrontChannelMediaType(mediaType: string): string {
  const match = /^application\/vnd\.dialogporten\.frontchannelembed\+json\s*;\s*type=(markdown|html)\s*$/i.exec(
    mediaType.trim(),
  );
  return match ? `application/vnd.dialogporten.frontchannelembed-url;type=text/${match[1].toLowerCase()}` : mediaType;
}
