import { z } from 'zod';
import type { DialogSearchPage } from './dialogListItem';
import { actorType, DATE_TIME_PATTERN, DIALOG_STATUSES, systemLabel } from './primitives';

// dialogSearchPageSchema written out as plain checks (dialogListItem.ts, dialog.ts, activities.ts, seenLogs.ts,
// primitives.ts): each accepts only what its zod counterpart accepts and returns unchanged. Legacy status names
// (which the schema renames) and a null `items` (which it replaces) are left to the schema. Plain functions with
// fixed property names rather than generic combinators: V8 then specialises each property read, which halves the
// time per item. test/unit/dialogporten/dialogSearchPageCheck.test.ts keeps the two in step.

type Fields = Record<string, unknown>;

const GUID = z.regexes.guid;
const STATUSES: ReadonlySet<unknown> = new Set(DIALOG_STATUSES);
const SYSTEM_LABELS: ReadonlySet<unknown> = new Set(systemLabel.options);
const ACTOR_TYPES: ReadonlySet<unknown> = new Set(actorType.options);

/** `z.looseObject`: any object but an array; an own `__proto__` is left to zod, which drops it. */
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
const isString = (value: unknown): boolean => typeof value === 'string';
const isNonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const isNullishString = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';
const isOptionalBoolean = (value: unknown): boolean => value === undefined || typeof value === 'boolean';
const isInteger = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);
const isGuid = (value: unknown): boolean => typeof value === 'string' && GUID.test(value);
const isDateTime = (value: unknown): boolean => typeof value === 'string' && DATE_TIME_PATTERN.test(value);
const isNullish = (value: unknown): boolean => value === undefined || value === null;

function isLocalizations(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isObject(item) || !isString(item.value) || !isString(item.languageCode)) return false;
  return true;
}

function isContentValue(value: unknown): boolean {
  return (
    isObject(value) &&
    (isNullish(value.value) || isLocalizations(value.value)) &&
    isNonEmptyString(value.mediaType) &&
    (isNullish(value.isAuthorized) || typeof value.isAuthorized === 'boolean')
  );
}

function isActor(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.actorType === undefined || ACTOR_TYPES.has(value.actorType)) &&
    isNullishString(value.actorId) &&
    isNullishString(value.actorName)
  );
}

function isSeenLogs(value: unknown): boolean {
  if (isNullish(value)) return true;
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    if (!isObject(entry) || !isGuid(entry.id) || !isDateTime(entry.seenAt) || !isActor(entry.seenBy)) return false;
    if (
      !(isNullish(entry.isViaServiceOwner) || typeof entry.isViaServiceOwner === 'boolean') ||
      !isOptionalBoolean(entry.isCurrentEndUser)
    )
      return false;
  }
  return true;
}

function isSystemLabels(value: unknown): boolean {
  if (isNullish(value)) return true;
  if (!Array.isArray(value)) return false;
  for (const label of value) if (!SYSTEM_LABELS.has(label)) return false;
  return true;
}

function isLatestActivity(value: unknown): boolean {
  if (isNullish(value)) return true;
  return (
    isObject(value) &&
    isGuid(value.id) &&
    (isNullish(value.createdAt) || isDateTime(value.createdAt)) &&
    isNullishString(value.extendedType) &&
    isNonEmptyString(value.type) &&
    (isNullish(value.transmissionId) || isGuid(value.transmissionId)) &&
    (isNullish(value.description) || isLocalizations(value.description)) &&
    isActor(value.performedBy)
  );
}

function isContentSummary(value: unknown): boolean {
  if (isNullish(value)) return true;
  return (
    isObject(value) &&
    isContentValue(value.title) &&
    (isNullish(value.summary) || isContentValue(value.summary)) &&
    (isNullish(value.senderName) || isContentValue(value.senderName)) &&
    (isNullish(value.extendedStatus) || isContentValue(value.extendedStatus))
  );
}

function isDialogListItem(item: unknown): boolean {
  if (!isObject(item)) return false;
  return (
    isGuid(item.id) &&
    isNonEmptyString(item.party) &&
    isNonEmptyString(item.org) &&
    isNonEmptyString(item.serviceResource) &&
    (item.serviceResourceType === undefined || isString(item.serviceResourceType)) &&
    (isNullish(item.progress) || isInteger(item.progress)) &&
    isNullishString(item.process) &&
    isNullishString(item.precedingProcess) &&
    isNullishString(item.extendedStatus) &&
    isNullishString(item.externalReference) &&
    isDateTime(item.createdAt) &&
    isDateTime(item.updatedAt) &&
    (item.contentUpdatedAt === undefined || isDateTime(item.contentUpdatedAt)) &&
    (isNullish(item.dueAt) || isDateTime(item.dueAt)) &&
    STATUSES.has(item.status) &&
    (item.systemLabel === undefined || SYSTEM_LABELS.has(item.systemLabel)) &&
    (item.endUserContext === undefined ||
      (isObject(item.endUserContext) &&
        isGuid(item.endUserContext.revision) &&
        isSystemLabels(item.endUserContext.systemLabels))) &&
    isOptionalBoolean(item.isApiOnly) &&
    isOptionalBoolean(item.hasUnopenedContent) &&
    isOptionalBoolean(item.isContentSeen) &&
    (item.fromServiceOwnerTransmissionsCount === undefined || isInteger(item.fromServiceOwnerTransmissionsCount)) &&
    (item.fromPartyTransmissionsCount === undefined || isInteger(item.fromPartyTransmissionsCount)) &&
    isSeenLogs(item.seenSinceLastUpdate) &&
    isSeenLogs(item.seenSinceLastContentUpdate) &&
    (isNullish(item.guiAttachmentCount) || isInteger(item.guiAttachmentCount)) &&
    isLatestActivity(item.latestActivity) &&
    isContentSummary(item.content)
  );
}

/**
 * True when `data` is a search page that `dialogSearchPageSchema` would accept and return unchanged, so it can be
 * used as it is. A page of 1,000 dialogs is checked in about a millisecond; zod's object parsing (a result object
 * and an issue list per field, ~80 fields per dialog) took 7–15 ms and much of the garbage collection. A page this
 * check refuses is parsed by the schema, with its tolerance and its error messages.
 */
export function isUnchangedDialogSearchPage(data: unknown): data is DialogSearchPage {
  if (!isObject(data) || !Array.isArray(data.items)) return false;
  for (const item of data.items) if (!isDialogListItem(item)) return false;
  return (
    typeof data.hasNextPage === 'boolean' &&
    isNullishString(data.continuationToken) &&
    (data.orderBy === undefined || isString(data.orderBy))
  );
}
