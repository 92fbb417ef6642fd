/** Modulus-11 check digit as used by Norwegian identifiers; undefined when the remainder gives 10 (no valid digit). */
export function mod11CheckDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i] * weights[i];
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

export function toDigits(value: string): number[] {
  return [...value].map((c) => c.charCodeAt(0) - 48);
}
