import { pickLocalized, plainText } from '../content';

export type Localizations = readonly { readonly value: string; readonly languageCode: string }[] | null | undefined;
export type ContentValue =
  | { readonly value?: Localizations; readonly mediaType: string; readonly isAuthorized?: boolean | null }
  | null
  | undefined;

/**
 * Dialogporten allows at most 255 characters in titles and 1023 in additional info; far longer values are cut
 * before they are parsed, so a hostile dialog cannot keep the extension host busy.
 */
export const MAX_INLINE_CHARS = 4 * 1024;

/** The text in the first preferred language (then nb → nn → en), reduced to one plain line; undefined when empty. */
export function localizedText(value: ContentValue, languages?: readonly string[]): string | undefined {
  const picked = pickLocalized(value?.value ?? [], languages);
  if (!picked?.value) return undefined;
  const format = value?.mediaType?.toLowerCase() ?? 'text/plain';
  const cut = clip(picked.value, MAX_INLINE_CHARS);
  return oneLine(format.startsWith('text/plain') ? cut : plainText(cut, format));
}

/** A localised string without a media type (attachment names, action titles, descriptions) as one plain line. */
export function localizedPlain(values: Localizations, languages?: readonly string[]): string | undefined {
  const picked = pickLocalized(values ?? [], languages);
  return picked?.value ? oneLine(clip(picked.value, MAX_INLINE_CHARS)) : undefined;
}

function oneLine(text: string): string | undefined {
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

/** `text` cut to at most `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `RequiresAttention` → `Requires attention` (for enum values without a name of their own). */
export function humanize(value: string): string {
  const spaced = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Common service owners by Altinn org code; others show their code. */
const SERVICE_OWNERS: Readonly<Record<string, string>> = {
  skd: 'Skatteetaten',
  nav: 'NAV',
  brg: 'Brønnøysundregistrene',
  digdir: 'Digdir',
  ssb: 'Statistisk sentralbyrå',
  udir: 'Utdanningsdirektoratet',
  hdir: 'Helsedirektoratet',
  dsb: 'DSB',
  mattilsynet: 'Mattilsynet',
  lt: 'Lånekassen',
  ttd: 'Testdepartementet',
  svv: 'Statens vegvesen',
  sfd: 'Sjøfartsdirektoratet',
  nsm: 'NSM',
  dibk: 'DiBK',
};

export function serviceOwnerName(org: string): string {
  return SERVICE_OWNERS[org.toLowerCase()] ?? org.toUpperCase();
}
