import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { z } from 'zod';
import {
  ATTACHMENT_STATUS_VALUES,
  attachmentSchema,
  contentSchema,
  CORRESPONDENCE_ROLE_VALUES,
  CORRESPONDENCE_STATUS_VALUES,
  correspondenceDetailsSchema,
  correspondenceIdsSchema,
  correspondenceOverviewSchema,
  externalReferenceSchema,
  notificationDetailsSchema,
  notificationOverviewSchema,
  notificationRecipientSchema,
  notificationRequestSchema,
  REFERENCE_TYPE_VALUES,
  replyOptionSchema,
  statusEventSchema,
} from '../../../src/platform/correspondence/schemas';
import { CORRESPONDENCE_STATUSES, type SandboxCorrespondence } from '../../../src/sandbox/data/correspondenceTypes';
import { sandboxToken, useSandbox } from '../helpers/sandbox';
import { claim, defaultPersonMaySee, isAvailable, isUntouched, lastStatus } from '../correspondence/fixtures';

/** Read at test time from the shared reference folder next to the repository (never copied into it). */
const REFERENCE_FILE = path.resolve(
  __dirname,
  '../../..',
  '../shared/reference/correspondence/altinn-correspondence-v1.openapi.json',
);
const BASE = '/correspondence/api/v1/correspondence';

interface OfficialSchema {
  required?: string[];
  properties?: Record<string, { nullable?: boolean; deprecated?: boolean }>;
  enum?: string[];
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: { schemas: Record<string, OfficialSchema> };
}

const document = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as OpenApiDocument;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'correspondence-openapi');

/** JSON pointer segment inside a URI fragment. */
const pointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

function componentValidator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`correspondence-openapi#/components/schemas/${name}`);
  assert.ok(validate, `the official document has ${name}`);
  return validate;
}

/** The official schema of one documented response; fails if the operation does not document that status. */
function responseValidator(apiPath: string, method: string, status: number): ValidateFunction {
  const response = document.paths[apiPath]?.[method]?.responses[String(status)];
  assert.ok(response, `${method.toUpperCase()} ${apiPath} documents status ${status}`);
  const mediaType = Object.keys(response.content ?? {})[0];
  if (!mediaType) return componentValidator('ProblemDetails');
  const validate = ajv.getSchema(
    `correspondence-openapi#/paths/${pointer(apiPath)}/${method}/responses/${status}/content/${pointer(mediaType)}/schema`,
  );
  assert.ok(validate);
  return validate;
}

function assertValid(validate: ValidateFunction, body: unknown, what: string): void {
  assert.ok(
    validate(body),
    `${what} violates the official schema: ${ajv.errorsText(validate.errors, { separator: '\n' })}`,
  );
}

/** A zod object field is required when it rejects `undefined`. */
function zodRequires(schema: z.ZodObject, key: string): boolean {
  const field = schema.shape[key] as z.ZodType | undefined;
  return !!field && !field.safeParse(undefined).success;
}

const ZOD_AGAINST_OFFICIAL: readonly [string, z.ZodObject][] = [
  ['CorrespondenceOverviewExt', correspondenceOverviewSchema],
  ['CorrespondenceDetailsExt', correspondenceDetailsSchema],
  ['CorrespondenceContentExt', contentSchema],
  ['CorrespondenceAttachmentExt', attachmentSchema],
  ['ExternalReferenceExt', externalReferenceSchema],
  ['CorrespondenceReplyOptionExt', replyOptionSchema],
  ['CorrespondenceStatusEventExt', statusEventSchema],
  ['CorrespondenceNotificationOverview', notificationOverviewSchema],
  ['NotificationExt', notificationDetailsSchema],
  ['NotificationRecipientExt', notificationRecipientSchema],
  ['InitializeCorrespondenceNotificationExt', notificationRequestSchema],
  ['CorrespondencesExt', correspondenceIdsSchema],
];

/**
 * Official fields we deliberately do not require (schema → field → why). Empty today: every field the official
 * document requires is required by our schemas. Add an entry here, with the reason, before relaxing one.
 */
const DELIBERATELY_TOLERATED: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

/** Official properties our schemas leave to pass-through (kept, not typed), with the reason. */
const NOT_TYPED: Readonly<Record<string, readonly string[]>> = {
  // Reminder texts and channel/override flags of the sender's order are not shown to a recipient.
  InitializeCorrespondenceNotificationExt: [
    'emailContentType',
    'reminderEmailSubject',
    'reminderEmailBody',
    'reminderEmailContentType',
    'reminderSmsBody',
    'customNotificationRecipients',
    'overrideRegisteredContactInformation',
  ],
};

describe('contract: Correspondence zod schemas against the official OpenAPI document', () => {
  for (const [name, schema] of ZOD_AGAINST_OFFICIAL) {
    it(`${name}: requires every officially required field, accepts null where it is nullable, and types every property`, () => {
      const official = document.components.schemas[name];
      assert.ok(official, `${name} exists in the reference`);
      const tolerated = DELIBERATELY_TOLERATED[name] ?? {};
      for (const field of official.required ?? []) {
        if (tolerated[field]) continue;
        assert.ok(zodRequires(schema, field), `${name}.${field} is required officially but optional in our schema`);
      }
      for (const key of Object.keys(schema.shape)) {
        if (zodRequires(schema, key))
          assert.ok(
            official.required?.includes(key),
            `${name}.${key} is required by us but not officially: a valid answer would be rejected`,
          );
      }
      for (const [field, property] of Object.entries(official.properties ?? {})) {
        if ((NOT_TYPED[name] ?? []).includes(field)) continue;
        const ours = schema.shape[field] as z.ZodType | undefined;
        assert.ok(ours, `${name}.${field} is not in our schema`);
        if (property.nullable)
          assert.ok(ours.safeParse(null).success, `${name}.${field} is nullable officially but we reject null`);
      }
    });
  }

  it('knows exactly the official enum values (statuses, roles, reference types, attachment statuses)', () => {
    const schemas = document.components.schemas;
    assert.deepEqual([...CORRESPONDENCE_STATUS_VALUES], schemas.CorrespondenceStatusExt.enum);
    assert.deepEqual(
      [...CORRESPONDENCE_STATUSES],
      schemas.CorrespondenceStatusExt.enum,
      'the sandbox uses the same statuses',
    );
    assert.deepEqual([...CORRESPONDENCE_ROLE_VALUES], schemas.CorrespondencesRoleType.enum);
    assert.deepEqual([...REFERENCE_TYPE_VALUES], schemas.ReferenceTypeExt.enum);
    assert.deepEqual([...ATTACHMENT_STATUS_VALUES], schemas.AttachmentStatusExt.enum);
  });
});

describe('contract: every Correspondence sandbox answer validates against the official OpenAPI document', () => {
  const sandbox = useSandbox();
  let token: string;
  const get = async (apiPath: string, method = 'GET', auth = token): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${sandbox().urls.platformBase}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, accept: 'application/json' },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  before(async () => {
    token = await sandboxToken(sandbox(), { scopes: ['altinn:correspondence.read'], person: true });
  });
  const pick = (description: string, predicate: (c: SandboxCorrespondence) => boolean) =>
    claim(sandbox(), description, (c) => defaultPersonMaySee(sandbox(), c) && predicate(c));

  it('state-change answers (markasread, confirm, purge) are the documented uuid string', async () => {
    const target = pick('an untouched item needing confirmation', (c) => isUntouched(c) && c.isConfirmationNeeded);
    await get(`${BASE}/${target.correspondenceId}`);
    for (const [action, method] of [
      ['markasread', 'post'],
      ['confirm', 'post'],
      ['purge', 'delete'],
    ] as const) {
      const apiPath = `${BASE}/{correspondenceId}/${action}`;
      const answer = await get(`${BASE}/${target.correspondenceId}/${action}`, method.toUpperCase());
      assert.equal(answer.status, 200, `${action} succeeds`);
      assertValid(responseValidator(apiPath, method, 200), answer.body, `${action} result`);
    }
  });

  it('every error status the sandbox sends is documented for its operation, with a ProblemDetails body', async () => {
    const other = sandbox().context.world.persons.find((p) => p !== sandbox().context.world.defaultPerson)!;
    const theirs = claim(
      sandbox(),
      "another person's item",
      (c) => c.recipient.endsWith(other.nationalIdentityNumber) && isAvailable(c),
    );
    const read = pick('a read item', (c) => lastStatus(c) === 'Read');
    const withAttachment = pick(
      'an available item with attachments',
      (c) => isAvailable(c) && c.attachments.length > 0,
    );
    const unknownId = '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d';
    const cases: [string, string, string, number][] = [
      [
        `${BASE}?resourceId=skd-skattemelding&role=Recipient&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        BASE,
        'get',
        400,
      ],
      [`${BASE}?role=Recipient`, BASE, 'get', 400],
      [
        `${BASE}?resourceId=skd-skattemelding&role=Recipient&onBehalfOf=${other.nationalIdentityNumber}`,
        BASE,
        'get',
        401,
      ],
      [`${BASE}/${unknownId}`, `${BASE}/{correspondenceId}`, 'get', 404],
      [`${BASE}/${theirs.correspondenceId}/details`, `${BASE}/{correspondenceId}/details`, 'get', 404],
      [`${BASE}/${theirs.correspondenceId}/markasread`, `${BASE}/{correspondenceId}/markasread`, 'post', 401],
      [`${BASE}/${read.correspondenceId}/markasread`, `${BASE}/{correspondenceId}/markasread`, 'post', 400],
      [`${BASE}/${unknownId}/confirm`, `${BASE}/{correspondenceId}/confirm`, 'post', 404],
      [
        `${BASE}/${read.correspondenceId}/purge`,
        `${BASE}/{correspondenceId}/purge`,
        'delete',
        read.isConfirmationNeeded ? 400 : 200,
      ],
      [
        `${BASE}/${withAttachment.correspondenceId}/attachment/${unknownId}/download`,
        `${BASE}/{correspondenceId}/attachment/{attachmentId}/download`,
        'get',
        404,
      ],
    ];
    for (const [url, apiPath, method, expected] of cases) {
      const answer = await get(url, method.toUpperCase());
      assert.equal(answer.status, expected, `${method.toUpperCase()} ${url}`);
      assertValid(
        responseValidator(apiPath, method, expected),
        answer.body,
        `${expected} from ${method.toUpperCase()} ${url}`,
      );
    }
  });

  // Last: fetching every overview records Fetched everywhere, which the tests above rely on not having happened.
  it('id lists, overviews and details of every correspondence the default person may see (all statuses, attachments, notifications)', async function () {
    this.timeout(30_000);
    const listSchema = responseValidator(BASE, 'get', 200);
    const overviewSchema = responseValidator(`${BASE}/{correspondenceId}`, 'get', 200);
    const detailsSchema = responseValidator(`${BASE}/{correspondenceId}/details`, 'get', 200);
    const grants =
      sandbox().context.world.personAccess.get(sandbox().context.world.defaultPerson.nationalIdentityNumber) ?? [];
    const resources = sandbox().context.world.serviceOwners.flatMap((o) =>
      o.resources.map((r) => r.replace('urn:altinn:resource:', '')),
    );
    let overviews = 0;
    for (const grant of grants) {
      for (const resourceId of resources) {
        const list = await get(
          `${BASE}?resourceId=${resourceId}&role=Recipient&onBehalfOf=${encodeURIComponent(grant.party)}`,
        );
        assert.equal(list.status, 200);
        assertValid(listSchema, list.body, 'CorrespondencesExt');
        correspondenceIdsSchema.parse(list.body);
        for (const id of (list.body as { ids: string[] }).ids) {
          const overview = await get(`${BASE}/${id}`);
          if (overview.status !== 200) continue;
          assertValid(overviewSchema, overview.body, `overview ${id}`);
          correspondenceOverviewSchema.parse(overview.body);
          const details = await get(`${BASE}/${id}/details`);
          assertValid(detailsSchema, details.body, `details ${id}`);
          correspondenceDetailsSchema.parse(details.body);
          overviews++;
        }
      }
    }
    assert.ok(overviews >= 50, `validated ${overviews} correspondences`);
  });
});
