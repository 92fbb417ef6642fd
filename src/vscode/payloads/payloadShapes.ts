import type { z } from 'zod';
import { DIALOGPORTEN_PAYLOAD_NAMES, formatPath, type DialogportenShape } from '../../platform/dialogporten';
import { loadPayloadSchemas } from '../../platform/loadPayloadSchemas';

/** An API response shape the "Validate payload" command can check, with where it comes from. */
export interface PayloadShape {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** Loads the schemas chunk on first use. */
  readonly schema: () => z.ZodType;
}

const ENDPOINTS: Readonly<Record<DialogportenShape, string>> = {
  parties: 'Dialogporten GET /api/v1/enduser/parties',
  dialogSearchPage: 'Dialogporten GET /api/v1/enduser/dialogs',
  dialogListItem: 'Dialogporten: one item of a search page',
  dialog: 'Dialogporten GET /api/v1/enduser/dialogs/{dialogId}',
  transmissions: 'Dialogporten GET …/dialogs/{dialogId}/transmissions',
  transmission: 'Dialogporten GET …/transmissions/{transmissionId}',
  activities: 'Dialogporten GET …/dialogs/{dialogId}/activities',
  activity: 'Dialogporten GET …/activities/{activityId}',
  seenLogs: 'Dialogporten GET …/dialogs/{dialogId}/seenlog',
  seenLog: 'Dialogporten GET …/seenlog/{seenLogId}',
  labelLog: 'Dialogporten GET …/dialogs/{dialogId}/context/labellog',
  dialogLookup: 'Dialogporten GET /api/v1/enduser/dialoglookup',
  serviceResources: 'Dialogporten GET /api/v1/enduser/serviceresources',
  limits: 'Dialogporten GET /api/v1/metadata/limits',
  dialogTokenClaims: 'Dialogporten dialog token (decoded claims)',
  jwks: 'Dialogporten GET /api/v1/.well-known/jwks.json',
  problemDetails: 'An RFC 9457 error answer (ProblemDetails)',
};

export const PAYLOAD_SHAPES: readonly PayloadShape[] = [
  ...(Object.keys(DIALOGPORTEN_PAYLOAD_NAMES) as DialogportenShape[]).map((id) => ({
    id,
    name: DIALOGPORTEN_PAYLOAD_NAMES[id],
    source: ENDPOINTS[id],
    schema: () => loadPayloadSchemas().dialogportenSchemas[id].schema as z.ZodType,
  })),
  {
    id: 'correspondenceOverview',
    name: 'Correspondence overview',
    source: 'Correspondence GET /correspondence/api/v1/correspondence/{id}',
    schema: () => loadPayloadSchemas().correspondenceOverviewSchema,
  },
  {
    id: 'correspondenceDetails',
    name: 'Correspondence details',
    source: 'Correspondence GET …/correspondence/{id}/details',
    schema: () => loadPayloadSchemas().correspondenceDetailsSchema,
  },
  {
    id: 'correspondenceIds',
    name: 'Correspondence id list',
    source: 'Correspondence GET /correspondence/api/v1/correspondence',
    schema: () => loadPayloadSchemas().correspondenceIdsSchema,
  },
  {
    id: 'authorizedParties',
    name: 'Authorized parties',
    source: 'Access Management GET /accessmanagement/api/v1/enduser/authorizedparties',
    schema: () => loadPayloadSchemas().authorizedPartiesPageSchema as unknown as z.ZodType,
  },
];

export function findShape(id: string): PayloadShape | undefined {
  return PAYLOAD_SHAPES.find((shape) => shape.id.toLowerCase() === id.toLowerCase());
}

/** The most likely shape of a JSON value, from its distinctive fields (a suggestion the user can override). */
export function guessShape(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const first = value[0] as Record<string, unknown> | undefined;
    if (!first || typeof first !== 'object') return undefined;
    if ('seenAt' in first) return 'seenLogs';
    if ('sender' in first && 'content' in first) return 'transmissions';
    if ('performedBy' in first && 'name' in first && 'action' in first) return 'labelLog';
    // A list item of activities has no performedBy, and Dialogporten leaves a null transmissionId out.
    if ('type' in first && ('performedBy' in first || 'transmissionId' in first || 'createdAt' in first))
      return 'activities';
    if ('partyUuid' in first) return 'authorizedParties';
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if ('authorizedParties' in v) return 'parties';
  if ('hasNextPage' in v || ('items' in v && 'continuationToken' in v)) return 'dialogSearchPage';
  if ('correspondenceId' in v) return 'statusHistory' in v ? 'correspondenceDetails' : 'correspondenceOverview';
  if ('ids' in v) return 'correspondenceIds';
  if ('data' in v && 'links' in v) return 'authorizedParties';
  if ('dialogId' in v && 'instanceRef' in v) return 'dialogLookup';
  if ('keys' in v) return 'jwks';
  if ('revision' in v && 'content' in v) return 'dialog';
  if ('serviceResource' in v && 'party' in v) return 'dialogListItem';
  if ('seenAt' in v) return 'seenLog';
  if ('sender' in v && 'content' in v && 'type' in v) return 'transmission';
  if ('i' in v && 'a' in v && 'c' in v) return 'dialogTokenClaims';
  if ('title' in v && 'status' in v && ('traceId' in v || 'type' in v)) return 'problemDetails';
  if ('type' in v && 'performedBy' in v) return 'activity';
  return undefined;
}

export interface ShapeProblem {
  readonly path: readonly PropertyKey[];
  /** `transmissions[2].type` */
  readonly pathText: string;
  readonly message: string;
}

interface Issue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly Issue[])[];
}

/** Every problem in `value` against the shape; for a failed union, the problems of the closest alternative. */
export function validateShape(shape: PayloadShape, value: unknown): ShapeProblem[] {
  const result = shape.schema().safeParse(value);
  if (result.success) return [];
  const out: ShapeProblem[] = [];
  const add = (issues: readonly Issue[], prefix: readonly PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
        const closest = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
        if (closest.length > 0) {
          add(closest, path);
          continue;
        }
      }
      out.push({ path, pathText: formatPath(path) || '(root)', message: issue.message });
    }
  };
  add(result.error.issues as unknown as readonly Issue[], []);
  return out;
}

/** How far into the document a union branch got before failing: deeper means it matched more. */
function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}
