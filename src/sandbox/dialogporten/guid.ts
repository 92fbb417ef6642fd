const HEX32 = /^[0-9a-f]{32}$/i;

/**
 * .NET's `Guid.TryParse` for the forms a GraphQL string would carry: `D` (8-4-4-4-12), `N` (32 digits), `B` ({D})
 * and `P` ((D)), surrounding white space allowed. Returns the id in lower-case `D` form, or undefined. (The `X`
 * form, `{0x…,{0x…}}`, is not recognised.) Dialogporten's subscription policy parses the `dialogId` argument this way.
 */
export function parseGuid(text: string): string | undefined {
  let value = text.trim();
  if ((value.startsWith('{') && value.endsWith('}')) || (value.startsWith('(') && value.endsWith(')')))
    value = value.slice(1, -1);
  const parts = value.split('-');
  let digits: string;
  if (parts.length === 5 && [8, 4, 4, 4, 12].every((length, i) => parts[i].length === length)) digits = parts.join('');
  else if (parts.length === 1 && value.length === 32 && value === text.trim()) digits = value;
  else return undefined;
  if (!HEX32.test(digits)) return undefined;
  const d = digits.toLowerCase();
  return `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
}
