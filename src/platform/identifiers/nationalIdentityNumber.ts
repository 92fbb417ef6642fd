import { mod11CheckDigit, toDigits } from './mod11';

export type NationalIdentityKind = 'fnr' | 'dnr' | 'synthetic-fnr' | 'synthetic-dnr';
export type IdentifierResult<K extends string> = { ok: true; kind: K; value: string } | { ok: false; reason: string };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/** Skatteetaten's synthetic test numbers (Tenor) add 80 to the month. */
const SYNTHETIC_MONTH_OFFSET = 80;
/** D-numbers add 40 to the day. */
const D_NUMBER_DAY_OFFSET = 40;

/** Validates a Norwegian national identity number (fødselsnummer), D-number or Tenor synthetic number. */
export function validateNationalIdentityNumber(input: string): IdentifierResult<NationalIdentityKind> {
  const value = input.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(value)) {
    return {
      ok: false,
      reason: `A national identity number has 11 digits; "${input.trim()}" has ${value.replace(/\D/g, '').length} digit(s)${/\D/.test(value) ? ' and other characters' : ''}.`,
    };
  }
  const digits = toDigits(value);
  let day = digits[0] * 10 + digits[1];
  let month = digits[2] * 10 + digits[3];
  const isD = day > D_NUMBER_DAY_OFFSET;
  const isSynthetic = month > SYNTHETIC_MONTH_OFFSET;
  if (isD) day -= D_NUMBER_DAY_OFFSET;
  if (isSynthetic) month -= SYNTHETIC_MONTH_OFFSET;
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return {
      ok: false,
      reason: `"${value}" does not start with a valid date (DDMMYY, with +40 on the day for D-numbers and +80 on the month for synthetic test numbers).`,
    };
  }
  const k1 = mod11CheckDigit(digits, K1_WEIGHTS);
  const k2 = k1 === undefined ? undefined : mod11CheckDigit([...digits.slice(0, 9), k1], K2_WEIGHTS);
  if (k1 === undefined || k2 === undefined || digits[9] !== k1 || digits[10] !== k2) {
    return { ok: false, reason: `"${value}" has wrong check digits (the last two digits); check for a typo.` };
  }
  const kind: NationalIdentityKind = isSynthetic ? (isD ? 'synthetic-dnr' : 'synthetic-fnr') : isD ? 'dnr' : 'fnr';
  return { ok: true, kind, value };
}

/**
 * Builds a valid synthetic (Tenor-style) national identity number from a birth date and a counter,
 * trying individual numbers until the check digits work out.
 */
export function syntheticNationalIdentityNumber(birth: Date, counter: number): string {
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1 + SYNTHETIC_MONTH_OFFSET);
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  for (let attempt = 0; attempt < 1000; attempt++) {
    const individual = String((counter * 7 + attempt) % 500).padStart(3, '0');
    const nine = toDigits(`${dd}${mm}${yy}${individual}`);
    const k1 = mod11CheckDigit(nine, K1_WEIGHTS);
    if (k1 === undefined) continue;
    const k2 = mod11CheckDigit([...nine, k1], K2_WEIGHTS);
    if (k2 === undefined) continue;
    return `${dd}${mm}${yy}${individual}${k1}${k2}`;
  }
  throw new Error('no valid synthetic number for this date');
}
