import { ResponseFormatError, ResponseShapeError, type RequestDescription } from '../errors';
import type { Schema } from '../schema';

export type { Schema };

const JSON_CONTENT_TYPE = /^(application\/([\w.-]+\+)?json|text\/json)\s*(;|$)/i;

export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_CONTENT_TYPE.test(contentType.trim());
}

/** Parses a JSON answer: the content type must say JSON, the body must parse, and (with a schema) have the documented shape. */
export function parseJsonBody<T>(
  response: {
    status: number;
    headers: Readonly<Record<string, string>>;
    body: Buffer;
    request: RequestDescription;
    text?: () => string;
  },
  expected: { payload: string; schema?: Schema<T> },
): T {
  const contentType = response.headers['content-type'];
  if (!isJsonContentType(contentType)) {
    throw new ResponseFormatError(
      response.request,
      response.status,
      contentType,
      `expected JSON for ${expected.payload} but the content type was ${contentType ? `"${contentType}"` : 'missing'}${looksLikeHtml(response.body) ? ' (an HTML page: a proxy, login page or wrong base URL?)' : ''}.`,
    );
  }
  const text = (response.text ? response.text() : response.body.toString('utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new ResponseFormatError(
      response.request,
      response.status,
      contentType,
      `expected ${expected.payload} as JSON but the body was empty.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ResponseFormatError(
      response.request,
      response.status,
      contentType,
      `${expected.payload} is not valid JSON (${(error as Error).message}); ${response.body.length} bytes received.`,
    );
  }
  if (!expected.schema) return value as T;
  const result = expected.schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw new ResponseShapeError(expected.payload, field, `${issue?.message ?? 'invalid'}${more}`, response.request);
}

function looksLikeHtml(body: Buffer): boolean {
  return /^\s*<(!doctype|html)/i.test(body.subarray(0, 100).toString('utf8'));
}
