import { validateNationalIdentityNumber, validateOrganisationNumber } from '../identifiers';
import type { NationalIdentityKind } from '../identifiers';
import { DraftInputError } from './draftInputError';
import type { ContactPerson, DraftEnvironment } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireText(field: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new DraftInputError(field, 'must not be empty.');
  if (/[\r\n]/.test(text)) throw new DraftInputError(field, 'must be a single line.');
  return text;
}

export function requireOrganisationNumber(field: string, value: string): string {
  const result = validateOrganisationNumber(value);
  if (!result.ok) throw new DraftInputError(field, result.reason);
  return result.value;
}

export function requireClientIds(field: string, values: readonly string[]): string[] {
  if (values.length === 0) throw new DraftInputError(field, 'give at least one Maskinporten client id.');
  return values.map((value, index) => {
    const id = value.trim();
    if (!UUID.test(id)) throw new DraftInputError(`${field}[${index}]`, `"${value}" is not a Maskinporten client id (a UUID such as 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b).`);
    return id.toLowerCase();
  });
}

export function requireEnvironment(field: string, value: string): DraftEnvironment {
  if (value !== 'tt02' && value !== 'production') throw new DraftInputError(field, `must be "tt02" or "production", not "${value}".`);
  return value;
}

export function requireContact(field: string, contact: ContactPerson): ContactPerson {
  const name = requireText(`${field}.name`, contact.name);
  const email = requireText(`${field}.email`, contact.email);
  if (!EMAIL.test(email)) throw new DraftInputError(`${field}.email`, `"${email}" is not an e-mail address.`);
  const phone = contact.phone?.trim() ? requireText(`${field}.phone`, contact.phone) : undefined;
  return { name, email, phone };
}

export type RecipientKind = NationalIdentityKind | 'orgno';

export interface Recipient {
  readonly value: string;
  readonly kind: RecipientKind;
}

/** A national identity number (incl. D-numbers and Tenor synthetic numbers) or an organisation number. */
export function requireRecipient(field: string, value: string): Recipient {
  const digits = value.replace(/\s+/g, '');
  if (/^\d{9}$/.test(digits)) return { value: requireOrganisationNumber(field, digits), kind: 'orgno' };
  const person = validateNationalIdentityNumber(digits);
  if (person.ok) return { value: person.value, kind: person.kind };
  if (/^\d{11}$/.test(digits)) throw new DraftInputError(field, person.reason);
  throw new DraftInputError(field, `"${value}" is neither a national identity number (11 digits) nor an organisation number (9 digits).`);
}
