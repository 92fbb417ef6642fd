import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  DATE_TIME_PATTERN,
  DIALOG_STATUSES,
  HTTP_VERBS,
  SYSTEM_LABELS,
  TRANSMISSION_TYPES,
  type DialogStatus,
} from './constants';

export * from './constants';

export const dateTime = z.string().regex(DATE_TIME_PATTERN, 'expected an ISO 8601 date-time with a time zone');

/** Dialogporten's `format: guid` (any UUID version; ids are UUIDv7, revisions UUIDv4). */
export const guid = z.guid();

export const localization = z.looseObject({
  value: z.string(),
  languageCode: z.string(),
});

export const localizations = z.array(localization);

/**
 * A text or embed reference in one or more languages. `mediaType` is kept as sent: besides `text/plain`,
 * `text/markdown`, legacy `text/html` and `application/vnd.dialogporten.frontchannelembed-url;type=…`, older
 * service owners still send the deprecated `…frontchannelembed+json;type=markdown` spelling.
 */
export const contentValue = z.looseObject({
  value: localizations.nullish(),
  mediaType: z.string().min(1),
  isAuthorized: z.boolean().nullish(),
});

export const actorType = z.enum(['PartyRepresentative', 'ServiceOwner']);

export const actor = z.looseObject({
  actorType: actorType.optional(),
  actorId: z.string().nullish(),
  actorName: z.string().nullish(),
});

/** The Feb-2025 API's names for the same statuses. */
const LEGACY_STATUSES: Readonly<Record<string, DialogStatus>> = { New: 'NotApplicable', Sent: 'Awaiting' };

/** Newest status names; the older `New` and `Sent` are read as `NotApplicable` and `Awaiting`. */
export const dialogStatus = z
  .enum([...DIALOG_STATUSES, 'New', 'Sent'])
  .transform((value): DialogStatus => LEGACY_STATUSES[value] ?? (value as DialogStatus));

export const systemLabel = z.enum(SYSTEM_LABELS);

/** Known types are listed for completion; new ones Dialogporten adds later are accepted as strings. */
export const transmissionType = z.union([z.enum(TRANSMISSION_TYPES), z.string().min(1)]);

export const activityType = z.union([z.enum(ACTIVITY_TYPES), z.string().min(1)]);

export const httpVerb = z.enum(HTTP_VERBS);

export const guiActionPriority = z.enum(['Primary', 'Secondary', 'Tertiary']);
export const consumerType = z.enum(['Gui', 'Api']);
