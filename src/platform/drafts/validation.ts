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
    if (!UUID.test(id))
      throw new DraftInputError(
        `${field}[${index}]`,
        `"${value}" is not a Maskinporten client id (a UUID such as 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b).`,
      );
    return id.toLowerCase();
  });
}

export function requireEnvironment(field: string, value: string): DraftEnvironment {
  if (value !== 'tt02' && value !== 'production')
    throw new DraftInputError(field, `must be "tt02" or "production", not "${value}".`);
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
  throw new DraftInputError(
    field,
    `"${value}" is neither a national identity number (11 digits) nor an organisation number (9 digits).`,
  );
}

// Resource registry identifiers, as altinnInbox.correspondence.resources accepts them (settingValues.ts).
const RESOURCE_ID = /^(?:urn:altinn:resource:)?([a-z0-9][a-z0-9_-]*)$/;

/** A service resource, given as `urn:altinn:resource:<id>` or just `<id>`; returned as the URN. */
export function requireServiceResource(field: string, value: string): string {
  const text = requireText(field, value);
  const match = RESOURCE_ID.exec(text);
  if (!match)
    throw new DraftInputError(
      field,
      `"${text}" is not a service resource (urn:altinn:resource:<id>, the id in lower case, e.g. urn:altinn:resource:ttd-correspondence-test).`,
    );
  return `urn:altinn:resource:${match[1]}`;
}

/** Which system user reads the messages: its id, or the system (in Altinn's system register) it was made for. */
export interface SystemUserReference {
  /** The system user's id (a UUID), e.g. from the `systemuser_id` of its token's `authorization_details`. */
  readonly id?: string;
  /** `{vendor's organisation number}_{name}`, e.g. `991825827_regnskap`. */
  readonly systemId?: string;
}

/**
 * A system-register id: the vendor's organisation number, an underscore and the name the vendor chose
 * (altinn-studio-docs, content/api/authentication/systemuserapi/systemregister/create: "{systemvendororgno}_{name}").
 */
export function requireSystemId(field: string, value: string): string {
  const text = requireText(field, value);
  const match = /^(\d{9})_(\S+)$/.exec(text);
  if (!match)
    throw new DraftInputError(
      field,
      `"${text}" is not a system id ({vendor's organisation number}_{name}, e.g. 991825827_regnskap).`,
    );
  const result = validateOrganisationNumber(match[1]);
  if (!result.ok) throw new DraftInputError(field, `the organisation number in "${text}": ${result.reason}`);
  return text;
}

export function requireSystemUser(field: string, value: SystemUserReference): SystemUserReference {
  const id = value.id?.trim() ? value.id.trim() : undefined;
  const systemId = value.systemId?.trim() ? requireSystemId(`${field}.systemId`, value.systemId) : undefined;
  if (id !== undefined && !UUID.test(id))
    throw new DraftInputError(
      `${field}.id`,
      `"${id}" is not a system user id (a UUID such as 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b).`,
    );
  if (!id && !systemId) throw new DraftInputError(field, "give the system user's id or the system id it belongs to.");
  return { id: id?.toLowerCase(), systemId };
}
