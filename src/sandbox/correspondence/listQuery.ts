// Follows Altinn/altinn-correspondence: src/Altinn.Correspondence.API/Controllers/CorrespondenceController.cs (GetCorrespondences query parameters)
import { CORRESPONDENCE_STATUSES, type CorrespondenceStatus } from '../data/correspondenceTypes';
import { partyFromOnBehalfOf } from './onBehalfOf';

export const ROLES = ['Recipient', 'Sender', 'RecipientAndSender'] as const;
export type CorrespondenceRole = (typeof ROLES)[number];

export interface ListQuery {
  readonly resourceId: string;
  readonly role: CorrespondenceRole;
  readonly status?: CorrespondenceStatus;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly onBehalfOf?: string;
  readonly sendersReference?: string;
  readonly altinn2CorrespondenceId?: number;
}

export type ParsedListQuery = { ok: true; query: ListQuery } | { ok: false; errors: Record<string, string[]> };

/** Binds GET /correspondence's query string the way ASP.NET model binding does (enum names case-insensitive or their numbers). */
export function parseListQuery(query: URLSearchParams): ParsedListQuery {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string): undefined => {
    (errors[field] ??= []).push(message);
    return undefined;
  };
  const invalid = (field: string): undefined =>
    fail(field, `The value '${query.get(field)}' is not valid for ${field}.`);

  const resourceId = query.get('resourceId') || fail('resourceId', 'The resourceId field is required.');
  const roleText = query.get('role');
  const role = roleText ? (parseEnum(ROLES, roleText) ?? invalid('role')) : fail('role', 'The role field is required.');
  const statusText = query.get('status');
  const status = statusText ? (parseEnum(CORRESPONDENCE_STATUSES, statusText) ?? invalid('status')) : undefined;
  const fromMs = parseDate(query.get('from')) ?? (query.get('from') ? invalid('from') : undefined);
  const toMs = parseDate(query.get('to')) ?? (query.get('to') ? invalid('to') : undefined);
  const idempotentKey = query.get('idempotentKey');
  if (idempotentKey && !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(idempotentKey))
    invalid('idempotentKey');
  const altinn2Text = query.get('altinn2CorrespondenceId');
  const altinn2CorrespondenceId = altinn2Text
    ? /^-?\d+$/.test(altinn2Text)
      ? Number(altinn2Text)
      : invalid('altinn2CorrespondenceId')
    : undefined;
  const onBehalfOfText = query.get('onBehalfOf');
  let onBehalfOf: string | undefined;
  if (onBehalfOfText) {
    const parsed = partyFromOnBehalfOf(onBehalfOfText);
    if (parsed.ok) onBehalfOf = parsed.party;
    else fail('onBehalfOf', parsed.message);
  }
  if (Object.keys(errors).length > 0 || !resourceId || !role) return { ok: false, errors };
  return {
    ok: true,
    query: {
      resourceId,
      role,
      status,
      fromMs,
      toMs,
      onBehalfOf,
      sendersReference: query.get('sendersReference') || undefined,
      altinn2CorrespondenceId,
    },
  };
}

function parseEnum<T extends string>(values: readonly T[], text: string): T | undefined {
  if (/^\d+$/.test(text)) return values[Number(text)];
  return values.find((v) => v.toLowerCase() === text.toLowerCase());
}

function parseDate(text: string | null): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
