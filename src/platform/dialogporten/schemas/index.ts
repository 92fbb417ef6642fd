import type { z } from 'zod';
import { ResponseShapeError, type RequestDescription } from '../../errors';
import { activityListSchema, activitySchema } from './activities';
import { dialogSchema } from './dialog';
import { dialogListItemSchema, dialogSearchPageSchema } from './dialogListItem';
import { isUnchangedDialogSearchPage } from './dialogSearchPageCheck';
import { dialogLookupSchema } from './dialogLookup';
import { dialogTokenClaimsSchema, jwksSchema } from './dialogToken';
import { labelLogSchema } from './labelLog';
import { partiesSchema } from './parties';
import { problemDetailsSchema } from './problemDetails';
import { seenLogListSchema, seenLogSchema } from './seenLogs';
import { transmissionDetailsSchema, transmissionListSchema } from './transmissions';

export * from './primitives';
export * from './activities';
export * from './actions';
export * from './attachments';
export * from './dialog';
export * from './dialogListItem';
export * from './dialogLookup';
export * from './dialogToken';
export * from './labelLog';
export * from './parties';
export * from './problemDetails';
export * from './seenLogs';
export * from './transmissions';
export { effectiveSystemLabels, normalizeFrontChannelMediaType } from './tolerance';

/** Every end-user response shape by name, with the name a person would recognise in an error message. */
export const dialogportenSchemas = {
  parties: { payload: 'Parties', schema: partiesSchema },
  dialogSearchPage: { payload: 'Dialog search page', schema: dialogSearchPageSchema },
  dialogListItem: { payload: 'Dialog list item', schema: dialogListItemSchema },
  dialog: { payload: 'Dialog', schema: dialogSchema },
  transmissions: { payload: 'Transmission list', schema: transmissionListSchema },
  transmission: { payload: 'Transmission', schema: transmissionDetailsSchema },
  activities: { payload: 'Activity list', schema: activityListSchema },
  activity: { payload: 'Activity', schema: activitySchema },
  seenLogs: { payload: 'Seen log', schema: seenLogListSchema },
  seenLog: { payload: 'Seen log entry', schema: seenLogSchema },
  labelLog: { payload: 'Label log', schema: labelLogSchema },
  dialogLookup: { payload: 'Dialog lookup', schema: dialogLookupSchema },
  dialogTokenClaims: { payload: 'Dialog token claims', schema: dialogTokenClaimsSchema },
  jwks: { payload: 'Dialogporten JWKS', schema: jwksSchema },
  problemDetails: { payload: 'ProblemDetails', schema: problemDetailsSchema },
} as const;

export type DialogportenShape = keyof typeof dialogportenSchemas;
export type DialogportenPayload<S extends DialogportenShape> = z.output<(typeof dialogportenSchemas)[S]['schema']>;

/**
 * Validates a payload against one API shape; a mismatch throws ResponseShapeError naming the payload and the JSON
 * path. A search page that needs no normalising is checked by a fast path and returned as it is (not copied).
 */
export function parseDialogportenPayload<S extends DialogportenShape>(shape: S, data: unknown, request?: RequestDescription): DialogportenPayload<S> {
  if (shape === 'dialogSearchPage' && isUnchangedDialogSearchPage(data)) return data as DialogportenPayload<S>;
  const { payload, schema } = dialogportenSchemas[shape];
  const result = (schema as z.ZodType).safeParse(data);
  if (result.success) return result.data as DialogportenPayload<S>;
  const issue = result.error.issues[0];
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw new ResponseShapeError(payload, formatPath(issue?.path ?? []), `${issue?.message ?? 'invalid'}${more}`, request);
}

/** Every problem in a payload, for the "validate payload" command: `[{ path: 'transmissions[2].type', message }]`. */
export function describeShapeProblems(shape: DialogportenShape, data: unknown): { path: string; message: string }[] {
  const result = (dialogportenSchemas[shape].schema as z.ZodType).safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** `['items', 3, 'content', 'title']` → `items[3].content.title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
