// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Get/DialogDto.cs
/** How values are written in a generated dialog's JSON: times, localized texts, and the placeholder URLs. */

import type { DialogPlan } from './dialogPlan';
import type { LanguageCode, Localization } from './dialogTypes';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const UNAUTHORIZED_URL = 'urn:dialogporten:unauthorized';
export const EXPIRED_URL = 'urn:dialogporten:expired';

export function localize(plan: DialogPlan, text: (language: LanguageCode) => string): Localization[] {
  return plan.languages.map((languageCode) => ({ value: text(languageCode), languageCode }));
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
