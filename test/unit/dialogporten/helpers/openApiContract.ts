import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Dialogporten's contract as Digdir publishes it: the npm package @digdir/dialogporten-schema (a pinned
 * devDependency), built from Altinn/dialogporten's verified OpenAPI and GraphQL documents. Contract tests read
 * it from node_modules, not the copies in ../shared/reference, so bumping the package shows which shapes drifted.
 */
export const PUBLISHED_SCHEMA_DIR = dirname(require.resolve('@digdir/dialogporten-schema/package.json'));
export const PUBLISHED_SCHEMA_VERSION = (
  JSON.parse(readFileSync(resolve(PUBLISHED_SCHEMA_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
/** "@digdir/dialogporten-schema 1.118.6", for test titles and messages. */
export const PUBLISHED_SCHEMA = `@digdir/dialogporten-schema ${PUBLISHED_SCHEMA_VERSION}`;

type Json = Record<string, unknown>;

/** A file of the published package (`swagger.verified.json`, `schema.verified.graphql`) as text. */
export function readPublishedFile(file: string): string {
  return readFileSync(resolve(PUBLISHED_SCHEMA_DIR, file), 'utf8').replace(/^\uFEFF/, '');
}

export function readPublishedJson(file: string): Json {
  return JSON.parse(readPublishedFile(file)) as Json;
}

/**
 * OpenAPI 3.0 → JSON Schema for ajv: `nullable` becomes a `null` alternative (ajv refuses `nullable` without
 * `type`), and local `$ref`s are made absolute so response schemas can be compiled on their own.
 */
function toJsonSchema(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, id));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = `${id}${value}`;
    else if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema, id)]),
      );
    } else out[key] = toJsonSchema(value, id);
  }
  if (out.nullable === undefined) return out;
  const nullable = out.nullable === true;
  delete out.nullable;
  if (!nullable) return out;
  if (Object.keys(out).filter((k) => k !== 'description' && k !== 'example').length === 0) return {};
  if (typeof out.type === 'string' && !out.enum) return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Answers the real service gives that its document leaves out; their bodies are still checked against the
 * documented ProblemDetails schema.
 */
export const KNOWN_UNDOCUMENTED: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'GET /api/v1/enduser/dialogs': {
    400: 'search validation (party/serviceResource missing, search < 3 characters, limit out of 1–1000) is a 400 ProblemDetails in the real service (reference SUMMARY.md) but the OpenAPI document lists only 200/401/403/422/503',
  },
  'POST /api/v1/enduser/dialogs/context/systemlabels/actions/bulkset': {
    404: 'a dialog id the caller cannot see is a 404 ProblemDetails in the real service (Altinn/dialogporten, WebApi/Endpoints/V1/EndUser/EndUserContext/Commands/BulkSetSystemLabels/BulkSetDialogSystemLabelsEndpoint.cs maps EntityNotFound to NotFoundAsync) but the published document (1.118.6) no longer lists 404 there; the ../shared copy did',
  },
};

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  readonly doc: string;
}

export interface ContractVerdict {
  /** False when the official documents do not describe this endpoint (sandbox extras like FCE and SSE). */
  readonly described: boolean;
  readonly operation?: string;
  readonly errors: string[];
}

/**
 * Validates sandbox responses against the published OpenAPI document: its end-user operations and the
 * open `.well-known` metadata (the service-owner half is not emulated).
 */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    this.ajv.addFormat('guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    this.load(
      'swagger.verified.json',
      'dp',
      (path) => path.startsWith('/api/v1/enduser/') || path.includes('/.well-known/'),
    );
  }

  private load(file: string, id: string, include: (path: string) => boolean): void {
    const doc = toJsonSchema(readPublishedJson(file), id) as {
      paths: Record<string, Record<string, { responses: Operation['responses'] }>>;
      components: Json;
    };
    this.ajv.addSchema({ $id: id, components: doc.components });
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (!include(template)) continue;
      const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`, 'i');
      for (const [method, operation] of Object.entries(methods)) {
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          responses: operation.responses,
          doc: id,
        });
      }
    }
  }

  /** The operation for a sandbox URL (its path below `/dialogporten`). */
  private find(method: string, url: string): Operation | undefined {
    const path = new URL(url).pathname.replace(/^\/dialogporten/i, '');
    return this.operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(path));
  }

  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown): ContractVerdict {
    const operation = this.find(method, url);
    if (!operation) return { described: false, errors: [] };
    const name = `${operation.method} ${operation.template}`;
    const known = KNOWN_UNDOCUMENTED[name]?.[status];
    const response =
      operation.responses[String(status)] ??
      (known
        ? {
            content: {
              'application/problem+json': { schema: { $ref: `${operation.doc}#/components/schemas/ProblemDetails` } },
            },
          }
        : undefined);
    if (!response)
      return {
        described: true,
        operation: name,
        errors: [`status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`],
      };
    if (!response.content) return { described: true, operation: name, errors: [] };
    const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const declared = Object.keys(response.content);
    const media = declared.find((m) => m.toLowerCase() === essence);
    if (!media)
      return {
        described: true,
        operation: name,
        errors: [`content type "${contentType}" is not one of ${declared.join(', ')}`],
      };
    const schema = response.content[media].schema;
    if (!schema || media === 'text/plain') return { described: true, operation: name, errors: [] };
    const key = `${name} ${status} ${media}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema as object);
      this.compiled.set(key, validate);
    }
    const ok = validate(body);
    return {
      described: true,
      operation: name,
      errors: ok
        ? []
        : (validate.errors ?? [])
            .slice(0, 8)
            .map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`),
    };
  }

  /** The published component schemas by name (e.g. `V1EndUserDialogsQueriesGet_Dialog`), for the zod comparison. */
  static components(): Record<string, Json> {
    return (readPublishedJson('swagger.verified.json').components as Json).schemas as Record<string, Json>;
  }
}

let shared: OpenApiContract | undefined;
export function openApiContract(): OpenApiContract {
  return (shared ??= new OpenApiContract());
}
