import type { Schema } from './schema';
import type * as PayloadSchemas from './payloadSchemas';

export type PayloadSchemaSet = typeof PayloadSchemas;

/** The payload schemas are a chunk of their own, dist/schemas.js (esbuild.mjs maps this require). */
export function loadPayloadSchemas(): PayloadSchemaSet {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./payloadSchemas') as PayloadSchemaSet;
}

/** A schema that loads the chunk the first time it validates. */
export function lazySchema<T>(pick: (schemas: PayloadSchemaSet) => Schema<T>): Schema<T> {
  return { safeParse: (data) => pick(loadPayloadSchemas()).safeParse(data) };
}
