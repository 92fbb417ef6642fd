// Follows Altinn/dialogporten: src/Digdir.Domain.Dialogporten.Application/Features/V1/EndUser/EndUserContext/Commands/ (SetSystemLabel, BulkSetSystemLabels) and src/Digdir.Domain.Dialogporten.Domain/DialogEndUserContexts/Entities/
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import { sendNoContent, sendProblem } from '../core/respond';
import type { RequestContext, Router } from '../core/router';
import type { DialogStore } from '../data/dialogStore';
import { SYSTEM_LABELS, type StoredDialog, type SystemLabel } from '../data/dialogTypes';
import { authenticateCaller, canSee, type DialogportenCaller } from './caller';
import { END_USER_BASE } from './endUserRoutes';
import { instanceOf, sendGone, sendNotFound, sendValidationProblem } from './problems';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXCLUSIVE: readonly SystemLabel[] = ['Default', 'Bin', 'Archive'];
const MAX_BULK = 100;

interface LabelChange {
  readonly add: SystemLabel[];
  readonly remove: SystemLabel[];
}

/** PUT …/dialogs/{id}/context/systemlabels (If-Match → 412) and POST …/dialogs/context/systemlabels/actions/bulkset. */
export function registerSystemLabelRoutes(router: Router, context: SandboxContext, store: DialogStore): void {
  router.put(`${END_USER_BASE}/dialogs/:dialogId/context/systemlabels`, async (request) => {
    const caller = await authenticateCaller(request, context, store);
    if (!caller) return;
    const path = request.url.pathname;
    const id = request.params.dialogId;
    if (!GUID.test(id))
      return sendValidationProblem(request.res, path, { dialogId: [`The value '${id}' is not a valid GUID.`] });
    const change = await readChange(request);
    if ('errors' in change) return sendValidationProblem(request.res, path, change.errors);
    const dialog = store.get(id);
    if (!dialog || !canSee(caller, dialog)) return sendNotFound(request.res, path, 'Dialog', id);
    if (dialog.state.deleted) return sendGone(request.res, path, 'Dialog', id);
    const ifMatch = request.req.headers['if-match']?.replace(/^W\//, '').replace(/"/g, '').trim();
    if (ifMatch && !GUID.test(ifMatch))
      return sendValidationProblem(request.res, path, { 'If-Match': [`The value '${ifMatch}' is not a valid GUID.`] });
    if (ifMatch && ifMatch.toLowerCase() !== dialog.state.endUserContextRevision.toLowerCase())
      return sendPreconditionFailed(request, id);
    applyChange(dialog, change, caller, context.clock.nowMs());
    store.changed(dialog, 'DIALOG_UPDATED');
    sendNoContent(request.res, { etag: dialog.state.endUserContextRevision });
  });

  router.post(`${END_USER_BASE}/dialogs/context/systemlabels/actions/bulkset`, async (request) => {
    const caller = await authenticateCaller(request, context, store);
    if (!caller) return;
    const path = request.url.pathname;
    const change = await readChange(request);
    if ('errors' in change) return sendValidationProblem(request.res, path, change.errors);
    const body = change.raw as { dialogs?: { dialogId?: unknown; endUserContextRevision?: unknown }[] | null };
    // BulkSetDialogSystemLabelCommandValidator.cs: 1–100 dialogs, unique by id; then the handler answers 404 naming
    // every dialog it cannot find among the caller's authorized (and not deleted) ones, before changing anything;
    // a stale endUserContextRevision fails the save as a whole (412). All or nothing.
    const targets = Array.isArray(body.dialogs) ? body.dialogs : [];
    if (targets.length === 0 || targets.length > MAX_BULK)
      return sendValidationProblem(request.res, path, {
        dialogs: [`Must supply between 1 and ${MAX_BULK} dialogs to update`],
      });
    const ids = targets.map((t) => (typeof t?.dialogId === 'string' ? t.dialogId : ''));
    const invalid = ids.find((id) => !GUID.test(id));
    if (invalid !== undefined)
      return sendValidationProblem(request.res, path, { dialogId: [`The value '${invalid}' is not a valid GUID.`] });
    if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length)
      return sendValidationProblem(request.res, path, {
        dialogs: ["'Dialogs' must not contain duplicate dialog ids."],
      });
    const resolved: StoredDialog[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const dialog = store.get(id);
      if (!dialog || !canSee(caller, dialog) || dialog.state.deleted) missing.push(id);
      else resolved.push(dialog);
    }
    if (missing.length) return sendNotFound(request.res, path, 'DialogEntity', missing.join(', '));
    for (const [index, target] of targets.entries()) {
      const revision = typeof target.endUserContextRevision === 'string' ? target.endUserContextRevision : undefined;
      if (revision && revision.toLowerCase() !== resolved[index].state.endUserContextRevision.toLowerCase())
        return sendPreconditionFailed(request, resolved[index].fields.id);
    }
    const now = context.clock.nowMs();
    for (const dialog of resolved) {
      applyChange(dialog, change, caller, now);
      store.changed(dialog, 'DIALOG_UPDATED');
    }
    sendNoContent(request.res);
  });
}

function sendPreconditionFailed(request: RequestContext, dialogId: string): void {
  sendProblem(request.res, {
    status: 412,
    title: 'Precondition Failed',
    instance: instanceOf(request.url.pathname),
    detail: `The supplied If-Match header or endUserContextRevision did not match the current revision of the end-user context of dialog ${dialogId}. The request was not applied.`,
    errors: { 'If-Match': ['The supplied revision does not match the current revision.'] },
  });
}

async function readChange(
  request: RequestContext,
): Promise<(LabelChange & { raw: Record<string, unknown> }) | { errors: Record<string, string[]> }> {
  let raw: unknown;
  try {
    const text = (await request.body()).toString('utf8').replace(/^\uFEFF/, '');
    raw = text.trim() ? JSON.parse(text) : {};
  } catch (error) {
    return { errors: { body: [`The request body is not valid JSON: ${(error as Error).message}`] } };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { errors: { body: ['The request body must be a JSON object.'] } };
  const record = raw as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const labels = (field: string): SystemLabel[] => {
    const value = record[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      errors[field] = [`'${field}' must be an array of system labels.`];
      return [];
    }
    const out: SystemLabel[] = [];
    for (const item of value) {
      const match = SYSTEM_LABELS.find((l) => typeof item === 'string' && l.toLowerCase() === item.toLowerCase());
      if (!match) (errors[field] ??= []).push(`'${String(item)}' is not a system label (${SYSTEM_LABELS.join(', ')}).`);
      else if (match === 'Sent')
        (errors[field] ??= []).push(
          "The 'Sent' system label is set by Dialogporten and cannot be added or removed by an end user.",
        );
      else out.push(match);
    }
    return out;
  };
  // `systemLabels` is the deprecated name for `addLabels`.
  const add = [...labels('systemLabels'), ...labels('addLabels')];
  const remove = labels('removeLabels');
  return Object.keys(errors).length ? { errors } : { add, remove, raw: record };
}

/** Default, Bin and Archive exclude each other (the last one added wins); removing Bin/Archive falls back to Default. */
function applyChange(dialog: StoredDialog, change: LabelChange, caller: DialogportenCaller, nowMs: number): void {
  const before = new Set(dialog.state.systemLabels);
  const labels = new Set(before);
  for (const label of change.remove) if (label !== 'Default') labels.delete(label);
  for (const label of change.add) {
    if (EXCLUSIVE.includes(label)) for (const other of EXCLUSIVE) labels.delete(other);
    labels.add(label);
  }
  if (!EXCLUSIVE.some((l) => labels.has(l))) labels.add('Default');
  const ordered = [...labels].sort((a, b) => SYSTEM_LABELS.indexOf(a) - SYSTEM_LABELS.indexOf(b));
  const actor = caller.actorFor(dialog.fields.id);
  // Dialogporten logs no assignment of Default (DialogEndUserContext.cs), only the other labels.
  for (const label of SYSTEM_LABELS.filter((l) => l !== 'Default')) {
    if (!before.has(label) && labels.has(label))
      dialog.state.labelLog.push({
        name: `systemlabel:${label}`,
        action: 'set',
        createdAtMs: nowMs,
        performedBy: actor,
      });
    if (before.has(label) && !labels.has(label))
      dialog.state.labelLog.push({
        name: `systemlabel:${label}`,
        action: 'remove',
        createdAtMs: nowMs,
        performedBy: actor,
      });
  }
  dialog.state.systemLabels = ordered;
  dialog.state.endUserContextRevision = randomUUID();
}
