// vscode-free: test-message recipients typed by the user or taken from Dialogporten's parties.
import type { AuthorizedParty } from '../../platform/dialogporten/schemas';
import { parsePartyUrn, validateNationalIdentityNumber, validateOrganisationNumber } from '../../platform/identifiers';
import {
  DraftInputError,
  requireServiceResource,
  requireSystemId,
  type RecipientKind,
  type SystemUserReference,
} from '../../platform/drafts';
import { plainLocalizer, type Localizer } from '../../platform/presentation';

export interface ParsedRecipient {
  readonly value: string;
  readonly kind: RecipientKind;
}

export interface RecipientProblem {
  /** The entry as typed. */
  readonly entry: string;
  readonly reason: string;
}

export interface RecipientList {
  readonly recipients: readonly ParsedRecipient[];
  readonly problems: readonly RecipientProblem[];
  /** Entries given more than once (kept once). */
  readonly duplicates: readonly string[];
}

/** How a recipient kind is shown in the UI (the e-mail has its own nb/en wording). */
export function recipientKindLabel(kind: RecipientKind, l10n: Localizer = plainLocalizer): string {
  switch (kind) {
    case 'fnr':
      return l10n.t('national identity number');
    case 'dnr':
      return l10n.t('D-number');
    case 'synthetic-fnr':
      return l10n.t('synthetic national identity number (Tenor)');
    case 'synthetic-dnr':
      return l10n.t('synthetic D-number (Tenor)');
    case 'orgno':
      return l10n.t('organisation number');
  }
}

export function isSynthetic(kind: RecipientKind): boolean {
  return kind === 'synthetic-fnr' || kind === 'synthetic-dnr';
}

/** The organisations among the recipients: each reads its messages through a system user. */
export function organisationRecipients(recipients: readonly ParsedRecipient[]): ParsedRecipient[] {
  return recipients.filter((recipient) => recipient.kind === 'orgno');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The system user as typed: a UUID is the system user's id, anything else the system id it belongs to
 * (`{vendor's organisation number}_{name}`, checked with the number's mod-11 check digit).
 */
export function parseSystemUserAnswer(
  text: string,
  l10n: Localizer = plainLocalizer,
): { value: SystemUserReference } | { problem: string } {
  const answer = text.trim();
  if (answer === '')
    return {
      problem: l10n.t(
        "Give the system user's id (a UUID) or your system's id in the system register (organisation number_name).",
      ),
    };
  if (UUID.test(answer)) return { value: { id: answer.toLowerCase() } };
  if (/^[0-9a-f-]{30,}$/i.test(answer))
    return {
      problem: l10n.t('"{0}" is not a system user id (a UUID such as 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b).', answer),
    };
  try {
    return { value: { systemId: requireSystemId('systemId', answer) } };
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    return {
      problem: l10n.t(
        '"{0}" is neither a system user id (a UUID) nor a system id (your organisation number, "_" and the system\'s name, e.g. 991825827_regnskap).',
        answer,
      ),
    };
  }
}

/** `urn:altinn:resource:<id>` for a typed resource (with or without the prefix), or why it is not one. */
export function parseServiceResourceAnswer(
  text: string,
  l10n: Localizer = plainLocalizer,
): { value: string } | { problem: string } {
  try {
    return { value: requireServiceResource('serviceResource', text) };
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    return {
      problem: l10n.t(
        '"{0}" is not a service resource: urn:altinn:resource: and its id in lower case (letters, digits, "-" and "_").',
        text.trim(),
      ),
    };
  }
}

/** One identifier: 11 digits (person, D-number, Tenor synthetic), 9 digits (organisation, also `0192:` prefixed) or a party URN. */
export function parseRecipient(entry: string, l10n: Localizer = plainLocalizer): ParsedRecipient | RecipientProblem {
  const trimmed = entry.trim();
  const urn = parsePartyUrn(trimmed);
  const raw = urn ? (urn.kind === 'person' ? urn.nationalIdentityNumber : urn.organisationNumber) : trimmed;
  const digits = raw.replace(/\s+/g, '').replace(/^0192:/, '');
  if (/^\d{9}$/.test(digits)) {
    const result = validateOrganisationNumber(digits);
    return result.ok ? { value: result.value, kind: 'orgno' } : { entry: trimmed, reason: result.reason };
  }
  if (/^\d{11}$/.test(digits)) {
    const result = validateNationalIdentityNumber(digits);
    return result.ok ? { value: result.value, kind: result.kind } : { entry: trimmed, reason: result.reason };
  }
  return {
    entry: trimmed,
    reason: l10n.t(
      '"{0}" is neither a national identity number (11 digits) nor an organisation number (9 digits).',
      trimmed,
    ),
  };
}

/**
 * Splits what the user typed into identifiers: separated by commas, semicolons or line breaks, or by
 * spaces when an entry is not one number written with spaces ("991 825 827" stays one organisation number).
 */
export function splitRecipientEntries(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      if (part.startsWith('urn:') || /^\d{9}$|^\d{11}$/.test(part.replace(/\s+/g, '').replace(/^0192:/, '')))
        return [part];
      return part.split(/\s+/);
    });
}

export function parseRecipientList(text: string, l10n: Localizer = plainLocalizer): RecipientList {
  const recipients: ParsedRecipient[] = [];
  const problems: RecipientProblem[] = [];
  const duplicates: string[] = [];
  for (const entry of splitRecipientEntries(text)) {
    const parsed = parseRecipient(entry, l10n);
    if ('reason' in parsed) problems.push(parsed);
    else if (recipients.some((known) => known.value === parsed.value)) duplicates.push(parsed.value);
    else recipients.push(parsed);
  }
  return { recipients, problems, duplicates };
}

/** The input box's message for a typed list: undefined when every entry is valid. */
export function recipientListProblem(text: string, l10n: Localizer = plainLocalizer): string | undefined {
  if (text.trim() === '') return l10n.t('Give at least one national identity number or organisation number.');
  const { problems } = parseRecipientList(text, l10n);
  if (problems.length === 0) return undefined;
  return problems.length > 1
    ? l10n.t('{0} (and {1} more)', problems[0].reason, problems.length - 1)
    : problems[0].reason;
}

/** "991825827 (organisation number)", for summaries. */
export function describeRecipient(recipient: ParsedRecipient, l10n: Localizer = plainLocalizer): string {
  return `${recipient.value} (${recipientKindLabel(recipient.kind, l10n)})`;
}

export interface PartyRecipient extends ParsedRecipient {
  readonly name: string;
  /** The main unit's name when this is a sub-unit. */
  readonly parentName?: string;
  readonly isDeleted: boolean;
  readonly isCurrentEndUser: boolean;
}

/**
 * The parties from Dialogporten's `GET /api/v1/enduser/parties` as test recipients: sub-units after
 * their main unit, every identifier validated (parties whose identifier fails are returned in `skipped`),
 * each party once.
 */
export function partyRecipients(parties: readonly AuthorizedParty[]): {
  recipients: PartyRecipient[];
  skipped: string[];
} {
  const recipients: PartyRecipient[] = [];
  const skipped: string[] = [];
  const visit = (party: AuthorizedParty, parentName: string | undefined): void => {
    const parsed = parseRecipient(party.party);
    if ('reason' in parsed) skipped.push(party.party);
    else if (!recipients.some((known) => known.value === parsed.value)) {
      recipients.push({
        ...parsed,
        name: party.name,
        parentName,
        isDeleted: party.isDeleted === true,
        isCurrentEndUser: party.isCurrentEndUser === true,
      });
    }
    for (const sub of party.subParties ?? []) visit(sub, party.name);
  };
  for (const party of parties) visit(party, undefined);
  return { recipients, skipped };
}
