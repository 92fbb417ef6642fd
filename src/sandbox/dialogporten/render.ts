// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Get/DialogDto.cs, Dialogs/Queries/Search/DialogDto.cs
import type { DialogBody, SeenLogEntry, StoredDialog, SystemLabel } from '../data/dialogTypes';
import type { DialogportenCaller } from './caller';

type Json = Record<string, unknown>;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The deprecated single label: only Default, Bin or Archive. */
export function legacySystemLabel(labels: readonly SystemLabel[]): SystemLabel {
  if (labels.includes('Bin')) return 'Bin';
  if (labels.includes('Archive')) return 'Archive';
  return 'Default';
}

function seenJson(entry: SeenLogEntry, caller: DialogportenCaller): Json {
  return {
    id: entry.id,
    seenAt: iso(entry.seenAtMs),
    seenBy: entry.seenBy,
    isViaServiceOwner: entry.isViaServiceOwner,
    isCurrentEndUser: entry.viewerKey === caller.viewerKey,
  };
}

/** The newest entry per viewer at or after `sinceMs`, as `seenSinceLast…Update` lists them. */
function seenSince(dialog: StoredDialog, sinceMs: number, caller: DialogportenCaller): Json[] {
  const latest = new Map<string, SeenLogEntry>();
  for (const entry of dialog.state.seenLog) {
    if (entry.seenAtMs < sinceMs) continue;
    const known = latest.get(entry.viewerKey);
    if (!known || known.seenAtMs < entry.seenAtMs) latest.set(entry.viewerKey, entry);
  }
  return [...latest.values()].sort((a, b) => b.seenAtMs - a.seenAtMs).map((e) => seenJson(e, caller));
}

/**
 * Seen by anyone since the last content update, and not marked as unopened. Dialogporten keeps this as one flag per
 * dialog (IsSeenSinceLastContentUpdate), not per user: one user's visit makes it seen for every user of the party
 * (Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/Dialogs/Queries/Search/SearchDialogQuery.cs).
 */
export function isContentSeen(dialog: StoredDialog): boolean {
  if (dialog.state.systemLabels.includes('MarkedAsUnopened')) return false;
  const since = dialog.fields.contentUpdatedAtMs;
  return dialog.state.seenLog.some((e) => e.seenAtMs >= since);
}

/** Fields that depend on the end-user state and the caller, shared by details and list items. */
function liveFields(dialog: StoredDialog, caller: DialogportenCaller): Json {
  const { fields, state } = dialog;
  return {
    updatedAt: iso(fields.updatedAtMs),
    contentUpdatedAt: iso(fields.contentUpdatedAtMs),
    status: fields.status,
    systemLabel: legacySystemLabel(state.systemLabels),
    endUserContext: { revision: state.endUserContextRevision, systemLabels: [...state.systemLabels] },
    isContentSeen: isContentSeen(dialog),
    seenSinceLastUpdate: seenSince(dialog, fields.updatedAtMs, caller),
    seenSinceLastContentUpdate: seenSince(dialog, fields.contentUpdatedAtMs, caller),
  };
}

/** GET /dialogs/{id}: the stored body with the live fields; a captured body keeps its own set of keys. */
export function renderDialog(dialog: StoredDialog, caller: DialogportenCaller, dialogToken: string): Json {
  const body = withAddedActivities(dialog);
  const live: Json = { ...liveFields(dialog, caller), revision: dialog.state.revision, dialogToken };
  if (dialog.source === 'generated') return { ...body, ...live };
  const overlay: Json = { dialogToken };
  for (const [key, value] of Object.entries(live))
    if (key in body && key !== 'updatedAt' && key !== 'contentUpdatedAt' && key !== 'status') overlay[key] = value;
  if (dialog.fields.updatedAtMs !== Date.parse(String(body.updatedAt)))
    Object.assign(overlay, { updatedAt: live.updatedAt, contentUpdatedAt: live.contentUpdatedAt });
  return { ...body, ...overlay };
}

/** A search result item (`DialogListItem`), derived from the same body the details come from. */
export function renderListItem(dialog: StoredDialog, caller: DialogportenCaller): Json {
  const body = withAddedActivities(dialog);
  const live = liveFields(dialog, caller);
  const content = body.content as Json | null | undefined;
  const activities = (body.activities as Json[] | null | undefined) ?? [];
  const attachments = (body.attachments as { urls?: { consumerType?: string }[] | null }[] | null | undefined) ?? [];
  const item: Json = {
    id: body.id,
    party: body.party,
    org: body.org,
    serviceResource: body.serviceResource,
    serviceResourceType: body.serviceResourceType,
    progress: body.progress ?? null,
    process: body.process ?? null,
    precedingProcess: body.precedingProcess ?? null,
    guiAttachmentCount: attachments.filter((a) => (a.urls ?? []).some((u) => u.consumerType === 'Gui')).length,
    extendedStatus: body.extendedStatus ?? null,
    externalReference: body.externalReference ?? null,
    createdAt: body.createdAt,
    updatedAt: live.updatedAt,
    contentUpdatedAt: live.contentUpdatedAt,
    dueAt: body.dueAt ?? null,
    // The list is rendered by the sandbox in the current API, so older captured values are read as today's.
    status: live.status,
    systemLabel: live.systemLabel,
    endUserContext: live.endUserContext,
    isApiOnly: body.isApiOnly ?? false,
    hasUnopenedContent: body.hasUnopenedContent ?? false,
    isContentSeen: live.isContentSeen,
    fromServiceOwnerTransmissionsCount: body.fromServiceOwnerTransmissionsCount ?? 0,
    fromPartyTransmissionsCount: body.fromPartyTransmissionsCount ?? 0,
    latestActivity: latestOf(activities),
    content: content
      ? {
          title: content.title,
          summary: content.summary ?? null,
          senderName: content.senderName ?? null,
          extendedStatus: content.extendedStatus ?? null,
        }
      : null,
    seenSinceLastUpdate: live.seenSinceLastUpdate,
    seenSinceLastContentUpdate: live.seenSinceLastContentUpdate,
  };
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  return item;
}

function latestOf(activities: readonly Json[]): Json | null {
  let latest: Json | null = null;
  for (const a of activities) if (!latest || String(a.createdAt ?? '') >= String(latest.createdAt ?? '')) latest = a;
  return latest;
}

function transmissionsOf(body: DialogBody): Json[] {
  return (body.transmissions as Json[] | null | undefined) ?? [];
}

/** `DialogTransmissionSearchItem` / `DialogTransmissionDetails`: no `isOpened`, plus `deletedAt`. */
export function renderTransmission(transmission: Json): Json {
  const { isOpened: _isOpened, ...rest } = transmission;
  return { ...rest, deletedAt: transmission.deletedAt ?? null };
}

export function findTransmissions(dialog: StoredDialog): Json[] {
  return transmissionsOf(dialog.body());
}

/** `DialogActivitySearchItem`: the list leaves out `performedBy`. */
export function renderActivitySearchItem(activity: Json): Json {
  const { performedBy: _performedBy, ...rest } = activity;
  return rest;
}

export function findActivities(dialog: StoredDialog): Json[] {
  return (withAddedActivities(dialog).activities as Json[] | null | undefined) ?? [];
}

/** The body with the activities silent updates added since (the body itself is rebuilt from the plan). */
function withAddedActivities(dialog: StoredDialog): Json & { id: string; party: string } {
  const body = dialog.body();
  const added = dialog.state.addedActivities;
  if (added.length === 0) return body;
  return { ...body, activities: [...((body.activities as Json[] | null | undefined) ?? []), ...added] };
}

export function renderSeenLog(dialog: StoredDialog, caller: DialogportenCaller): Json[] {
  return [...dialog.state.seenLog].sort((a, b) => a.seenAtMs - b.seenAtMs).map((e) => seenJson(e, caller));
}

export function renderLabelLog(dialog: StoredDialog): Json[] {
  return dialog.state.labelLog.map((e) => ({
    name: e.name,
    action: e.action,
    createdAt: iso(e.createdAtMs),
    performedBy: e.performedBy,
  }));
}
