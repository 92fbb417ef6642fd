import { mod11CheckDigit, toDigits } from './mod11';
import type { IdentifierResult } from './nationalIdentityNumber';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Validates a Norwegian organisation number (9 digits, modulus-11 check digit), tolerating spaces. */
export function validateOrganisationNumber(input: string): IdentifierResult<'orgno'> {
  const value = input.replace(/\s+/g, '').replace(/^0192:/, '');
  if (!/^\d{9}$/.test(value)) {
    return { ok: false, reason: `An organisation number has 9 digits; "${input.trim()}" does not.` };
  }
  const digits = toDigits(value);
  const check = mod11CheckDigit(digits, WEIGHTS);
  if (check === undefined || check !== digits[8]) {
    return { ok: false, reason: `"${value}" has a wrong check digit (the last digit); check for a typo.` };
  }
  return { ok: true, kind: 'orgno', value };
}

/** Completes an 8-digit stem with its check digit; undefined when the stem has no valid check digit. */
export function organisationNumberFromStem(stem: string): string | undefined {
  if (!/^\d{8}$/.test(stem)) throw new Error('stem must be 8 digits');
  const check = mod11CheckDigit(toDigits(stem), WEIGHTS);
  return check === undefined ? undefined : `${stem}${check}`;
}
