// vscode-free: the answers remembered between drafts (global state), and checks on typed answers.
import type { DraftEnvironment, DraftLanguage } from '../../platform/drafts';
import { validateOrganisationNumber } from '../../platform/identifiers';
import { plainLocalizer, type Localizer } from '../../platform/presentation';

/**
 * What the drafts remember so the next one is quicker. Nothing secret: organisation and system names,
 * the vendor's contact person and its Maskinporten client ids (public identifiers), environment and
 * language. Test recipients are not remembered (they could be real people's national identity numbers).
 */
export interface OnboardingMemory {
  readonly organisationNumber?: string;
  readonly organisationName?: string;
  readonly systemName?: string;
  readonly contactName?: string;
  readonly contactEmail?: string;
  readonly contactPhone?: string;
  readonly clientIds?: readonly string[];
  readonly language?: DraftLanguage;
  readonly environment?: DraftEnvironment;
  readonly numberOfMessages?: number;
}

export const MEMORY_KEY = 'altinnInbox.onboarding.lastAnswers';

const TEXT_FIELDS = [
  'organisationNumber',
  'organisationName',
  'systemName',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads whatever is stored, keeping only well-formed fields (global state may hold an older shape). */
export function readMemory(raw: unknown): OnboardingMemory {
  if (typeof raw !== 'object' || raw === null) return {};
  const source = raw as Record<string, unknown>;
  const memory: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = source[field];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= 200 && !/[\r\n]/.test(value))
      memory[field] = value.trim();
  }
  if (Array.isArray(source.clientIds)) {
    const ids = source.clientIds.filter((id): id is string => typeof id === 'string' && UUID.test(id));
    if (ids.length > 0) memory.clientIds = ids;
  }
  if (source.language === 'nb' || source.language === 'en') memory.language = source.language;
  if (source.environment === 'tt02' || source.environment === 'production') memory.environment = source.environment;
  if (
    typeof source.numberOfMessages === 'number' &&
    Number.isInteger(source.numberOfMessages) &&
    source.numberOfMessages >= 1 &&
    source.numberOfMessages <= 100
  ) {
    memory.numberOfMessages = source.numberOfMessages;
  }
  return memory as OnboardingMemory;
}

/** The stored memory with `patch` applied; empty strings forget a field. */
export function mergeMemory(previous: OnboardingMemory, patch: OnboardingMemory): OnboardingMemory {
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return readMemory(merged);
}

/** Input-box checks: undefined when fine, otherwise the reason shown under the box. */
export function createChecks(l10n: Localizer = plainLocalizer) {
  const checks = {
    organisationNumber(value: string): string | undefined {
      const result = validateOrganisationNumber(value);
      return result.ok ? undefined : result.reason;
    },
    optionalOrganisationNumber(value: string): string | undefined {
      return value.trim() === '' ? undefined : checks.organisationNumber(value);
    },
    requiredText(value: string, what: string): string | undefined {
      if (value.trim() === '') return l10n.t('Give {0}.', what);
      if (value.length > 200) return l10n.t('Keep {0} under 200 characters.', what);
      return undefined;
    },
    email(value: string): string | undefined {
      if (value.trim() === '') return l10n.t('Give an e-mail address servicedesk can answer.');
      return EMAIL.test(value.trim()) ? undefined : l10n.t('"{0}" is not an e-mail address.', value.trim());
    },
    phone(value: string): string | undefined {
      if (value.trim() === '') return undefined;
      return /^\+?[\d\s()-]{5,20}$/.test(value.trim())
        ? undefined
        : l10n.t('"{0}" does not look like a phone number.', value.trim());
    },
    numberOfMessages(value: string): string | undefined {
      const number = Number(value.trim());
      return /^\d+$/.test(value.trim()) && number >= 1 && number <= 100
        ? undefined
        : l10n.t('Give a whole number from 1 to 100.');
    },
    clientIds(value: string): string | undefined {
      const { ids, bad } = parseClientIds(value);
      if (bad)
        return l10n.t(
          '"{0}" is not a Maskinporten client id (a UUID such as 2f1e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b).',
          bad,
        );
      return ids.length === 0
        ? l10n.t("Give at least one Maskinporten client id (a UUID from Digdir's self-service portal).")
        : undefined;
    },
  };
  return checks;
}

/** Maskinporten client ids separated by commas, spaces or line breaks: lower-cased, each once. */
export function parseClientIds(text: string): { ids: string[]; bad?: string } {
  const entries = text.split(/[\s,;]+/).filter(Boolean);
  const bad = entries.find((entry) => !UUID.test(entry));
  const ids = [...new Set(entries.filter((entry) => UUID.test(entry)).map((entry) => entry.toLowerCase()))];
  return bad ? { ids, bad } : { ids };
}
