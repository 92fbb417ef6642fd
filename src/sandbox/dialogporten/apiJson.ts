import type { ServerResponse } from 'node:http';
import { sendJson } from '../core/respond';
// How Dialogporten's WebApi writes its JSON answers (Altinn/dialogporten src/Digdir.Domain.Dialogporten.WebApi/
// Program.cs, UseFastEndpoints): `DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull` leaves out every
// property whose value is null, and the `IgnoreEmptyCollections` modifier every collection property that is empty.
// A list answer itself (a top-level array) and the elements of an array are written as they are.

/** The value as Dialogporten would write it: null properties and empty-array properties left out, at any depth. */
export function asDialogportenWrites<T>(value: T): T {
  return (Array.isArray(value) ? value.map(withoutOmitted) : withoutOmitted(value)) as T;
}

function withoutOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOmitted);
  if (value === null || typeof value !== 'object') return value;
  const written: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    written[key] = withoutOmitted(field);
  }
  return written;
}

/** An end-user API answer, written as Dialogporten writes it. */
export function sendApiJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, asDialogportenWrites(body), headers);
}
