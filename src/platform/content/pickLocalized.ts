export interface LocalizedValue {
  readonly value: string;
  readonly languageCode: string;
}

/** The fallback order after the caller's own preferences: bokmål, nynorsk, English. */
const FALLBACK_LANGUAGES = ['nb', 'nn', 'en'];

/** ISO 639-2/3 codes and the macrolanguage "no" mapped to the ISO 639-1 codes Dialogporten uses. */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', nob: 'nb', nor: 'nb', nno: 'nn', eng: 'en' };

/** Normalised codes by code as sent: a handful of distinct codes, looked up for every text of every tree item. */
const normalized = new Map<string, string>();

/** Lower case, region removed (`nb-NO` → `nb`), aliases resolved (`no`, `nob` → `nb`). */
export function normalizeLanguageCode(code: string): string {
  let result = normalized.get(code);
  if (result === undefined) {
    const primary = code.trim().toLowerCase().split(/[-_]/)[0];
    result = LANGUAGE_ALIASES[primary] ?? primary;
    if (normalized.size < 1000) normalized.set(code, result);
  }
  return result;
}

/**
 * The value in the first preferred language, then nb → nn → en, then whatever comes first.
 * Undefined only for an empty list.
 */
export function pickLocalized<T extends LocalizedValue>(
  values: readonly T[],
  preferred: readonly string[] = [],
): T | undefined {
  for (const language of preferred) {
    const match = inLanguage(values, normalizeLanguageCode(language));
    if (match) return match;
  }
  for (const language of FALLBACK_LANGUAGES) {
    const match = inLanguage(values, language);
    if (match) return match;
  }
  return values[0];
}

function inLanguage<T extends LocalizedValue>(values: readonly T[], language: string): T | undefined {
  for (const candidate of values) if (normalizeLanguageCode(candidate.languageCode) === language) return candidate;
  return undefined;
}
