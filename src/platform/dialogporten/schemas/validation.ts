import type { z } from 'zod';
import { ResponseShapeError, type RequestDescription } from '../../errors';
import { loadPayloadSchemas } from '../../loadPayloadSchemas';
import type { dialogportenSchemas } from './registry';

export type DialogportenShape = keyof typeof dialogportenSchemas;
export type DialogportenPayload<S extends DialogportenShape> = z.output<(typeof dialogportenSchemas)[S]['schema']>;

/**
 * Validates a payload against one API shape; a mismatch throws ResponseShapeError naming the payload and the JSON
 * path. A search page or parties list that needs no normalising is checked by a fast path and returned as it is (not copied).
 */
export function parseDialogportenPayload<S extends DialogportenShape>(
  shape: S,
  data: unknown,
  request?: RequestDescription,
): DialogportenPayload<S> {
  const { dialogportenSchemas, isUnchangedDialogSearchPage, isUnchangedParties } = loadPayloadSchemas();
  if (shape === 'dialogSearchPage' && isUnchangedDialogSearchPage(data)) return data as DialogportenPayload<S>;
  if (shape === 'parties' && isUnchangedParties(data)) return data as DialogportenPayload<S>;
  const { payload, schema } = dialogportenSchemas[shape];
  const result = (schema as z.ZodType).safeParse(data);
  if (result.success) return result.data as DialogportenPayload<S>;
  const issue = result.error.issues[0];
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw new ResponseShapeError(
    payload,
    formatPath(issue?.path ?? []),
    `${issue?.message ?? 'invalid'}${more}`,
    request,
  );
}

/** Every problem in a payload, for the "validate payload" command: `[{ path: 'transmissions[2].type', message }]`. */
export function describeShapeProblems(shape: DialogportenShape, data: unknown): { path: string; message: string }[] {
  const result = (loadPayloadSchemas().dialogportenSchemas[shape].schema as z.ZodType).safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** `['items', 3, 'content', 'title']` → `items[3].content.title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
