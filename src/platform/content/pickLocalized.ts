export interface LocalizedValue {
  readonly value: string;
  readonly languageCode: string;
}

/** The fallback order after the caller's own preferences: bokmål, nynorsk, English. */
const FALLBACK_LANGUAGES = ['nb', 'nn', 'en'];

/** ISO 639-2/3 codes and the macrolanguage "no" mapped to the ISO 639-1 codes Dialogporten uses. */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', nob: 'nb', nor: 'nb', nno: 'nn', eng: 'en' };

/** Lower case, region removed (`nb-NO` → `nb`), aliases resolved (`no`, `nob` → `nb`). */
export function normalizeLanguageCode(code: string): string {
  const primary = code.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGE_ALIASES[primary] ?? primary;
}

/**
 * The value in the first preferred language, then nb → nn → en, then whatever comes first.
 * Undefined only for an empty list.
 */
export function pickLocalized<T extends LocalizedValue>(values: readonly T[], preferred: readonly string[] = []): T | undefined {
  const order = [...preferred.map(normalizeLanguageCode), ...FALLBACK_LANGUAGES];
  for (const language of order) {
    const match = values.find((candidate) => normalizeLanguageCode(candidate.languageCode) === language);
    if (match) return match;
  }
  return values[0];
}
