import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  activityListItemSchema,
  activitySchema,
  activitySearchItemSchema,
  actor,
  apiActionEndpointSchema,
  apiActionSchema,
  attachmentSchema,
  attachmentUrlSchema,
  authorizedPartySchema,
  contentSchema,
  contentSummarySchema,
  contentValue,
  dialogListItemSchema,
  dialogLookupSchema,
  dialogSchema,
  dialogSearchPageSchema,
  dialogTransmissionSchema,
  endUserContextSchema,
  guiActionSchema,
  labelAssignmentSchema,
  localization,
  navigationalActionSchema,
  partiesSchema,
  problemDetailsSchema,
  seenLogSchema,
  transmissionContentSchema,
  transmissionDetailsSchema,
  transmissionListItemSchema,
} from '../../../src/platform/dialogporten/schemas';
import {
  OpenApiContract,
  PUBLISHED_SCHEMA,
  PUBLISHED_SCHEMA_DIR,
  PUBLISHED_SCHEMA_VERSION,
} from '../dialogporten/helpers/openApiContract';
import packageJson from '../../../package.json';

type Shape = Record<string, z.ZodType>;
type OfficialSchema = {
  required?: string[];
  properties?: Record<
    string,
    { nullable?: boolean; enum?: string[]; oneOf?: { $ref?: string }[]; $ref?: string; items?: unknown }
  >;
};

/**
 * Our zod schema for each published end-user component (several published variants share one of ours). The
 * published names carry the query they belong to: `…QueriesGet_*` is a dialog's details, `…QueriesSearch_*` a
 * search hit, `…QueriesSearchActivities_*` / `…SearchSeenLogs_*` / `…SearchTransmissions_*` the sub-resource
 * lists and `…QueriesGetActivity_*` / `…GetSeenLog_*` / `…GetTransmission_*` one item of them.
 */
const PAIRS: readonly [official: string, ours: { shape: Shape }][] = [
  ['V1EndUserDialogsQueriesGet_Dialog', dialogSchema],
  ['V1EndUserDialogsQueriesSearch_Dialog', dialogListItemSchema],
  ['PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog', dialogSearchPageSchema],
  ['V1EndUserDialogsQueriesGet_Content', contentSchema],
  ['V1EndUserDialogsQueriesSearch_Content', contentSummarySchema],
  ['V1CommonContent_ContentValue', contentValue],
  ['V1CommonLocalizations_Localization', localization],
  ['V1EndUserCommonActors_Actor', actor],
  ['V1EndUserDialogsQueriesGet_DialogEndUserContext', endUserContextSchema],
  ['V1EndUserDialogsQueriesSearch_DialogEndUserContext', endUserContextSchema],
  ['V1EndUserDialogsQueriesGet_DialogAttachment', attachmentSchema],
  ['V1EndUserDialogsQueriesGet_DialogAttachmentUrl', attachmentUrlSchema],
  ['V1EndUserDialogsQueriesGet_DialogTransmission', dialogTransmissionSchema],
  ['V1EndUserDialogsQueriesSearchTransmissions_Transmission', transmissionListItemSchema],
  ['V1EndUserDialogsQueriesGetTransmission_Transmission', transmissionDetailsSchema],
  ['V1EndUserDialogsQueriesGet_DialogTransmissionContent', transmissionContentSchema],
  ['V1EndUserDialogsQueriesGetTransmission_Content', transmissionContentSchema],
  ['V1EndUserDialogsQueriesSearchTransmissions_Content', transmissionContentSchema],
  ['V1EndUserDialogsQueriesGet_DialogTransmissionAttachment', attachmentSchema],
  ['V1EndUserDialogsQueriesGetTransmission_Attachment', attachmentSchema],
  ['V1EndUserDialogsQueriesSearchTransmissions_Attachment', attachmentSchema],
  ['V1EndUserDialogsQueriesGet_DialogTransmissionAttachmentUrl', attachmentUrlSchema],
  ['V1EndUserDialogsQueriesGetTransmission_AttachmentUrl', attachmentUrlSchema],
  ['V1EndUserDialogsQueriesSearchTransmissions_AttachmentUrl', attachmentUrlSchema],
  ['V1EndUserDialogsQueriesGet_DialogTransmissionNavigationalAction', navigationalActionSchema],
  ['V1EndUserDialogsQueriesGetTransmission_NavigationalAction', navigationalActionSchema],
  ['V1EndUserDialogsQueriesSearchTransmissions_NavigationalAction', navigationalActionSchema],
  ['V1EndUserDialogsQueriesGet_DialogGuiAction', guiActionSchema],
  ['V1EndUserDialogsQueriesGet_DialogApiAction', apiActionSchema],
  ['V1EndUserDialogsQueriesGet_DialogApiActionEndpoint', apiActionEndpointSchema],
  ['V1EndUserDialogsQueriesGet_DialogActivity', activitySchema],
  ['V1EndUserDialogsQueriesGetActivity_Activity', activitySchema],
  ['V1EndUserDialogsQueriesSearch_DialogActivity', activityListItemSchema],
  ['V1EndUserDialogsQueriesSearchActivities_Activity', activitySearchItemSchema],
  ['V1EndUserDialogsQueriesGet_DialogSeenLog', seenLogSchema],
  ['V1EndUserDialogsQueriesSearch_DialogSeenLog', seenLogSchema],
  ['V1EndUserDialogsQueriesSearchSeenLogs_SeenLog', seenLogSchema],
  ['V1EndUserDialogsQueriesGetSeenLog_SeenLog', seenLogSchema],
  ['V1EndUserEndUserContextQueriesSearchLabelAssignmentLog_LabelAssignmentLog', labelAssignmentSchema],
  ['V1AccessManagementQueriesGetParties_Parties', partiesSchema],
  ['V1AccessManagementQueriesGetParties_AuthorizedParty', authorizedPartySchema],
  ['V1CommonIdentifierLookup_EndUserIdentifierLookup', dialogLookupSchema],
  ['ProblemDetails', problemDetailsSchema],
];

/**
 * Required in the published document but deliberately optional in ours (`Schema.field` → why). The published
 * end-user components mark nothing as required, so this list is empty; a future document that adds `required`
 * makes this test fail until each field is required in zod or listed here.
 */
const TOLERATED_MISSING: Readonly<Record<string, string>> = {};

/** Official fields our schemas do not name (they still pass through, being loose objects). */
const NOT_MODELLED: Readonly<Record<string, string>> = {};

function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** Everything wrong between one official component and our zod object. */
function compareSchemas(
  name: string,
  official: OfficialSchema,
  ours: Shape,
  components: Record<string, OfficialSchema & { enum?: string[] }>,
): string[] {
  const problems: string[] = [];
  const properties = official.properties ?? {};
  for (const field of official.required ?? []) {
    if (!ours[field]) problems.push(`${name}.${field} is required officially but missing in zod`);
    else if (!isRequired(ours[field]) && !TOLERATED_MISSING[`${name}.${field}`])
      problems.push(`${name}.${field} is required officially but optional in zod`);
  }
  for (const [field, schema] of Object.entries(ours)) {
    if (isRequired(schema) && !(field in properties))
      problems.push(`zod requires ${name}.${field}, which the official schema does not have`);
  }
  for (const [field, spec] of Object.entries(properties)) {
    const zodField = ours[field];
    if (!zodField) {
      if (!NOT_MODELLED[`${name}.${field}`]) problems.push(`${name}.${field} is not modelled in zod`);
      continue;
    }
    if (spec.nullable && !zodField.safeParse(null).success)
      problems.push(`${name}.${field} is nullable officially but zod rejects null`);
    const ref = spec.$ref ?? spec.oneOf?.[0]?.$ref;
    const values = ref ? components[ref.split('/').pop() as string]?.enum : spec.enum;
    for (const value of values ?? []) {
      if (!zodField.safeParse(value).success)
        problems.push(`${name}.${field} rejects the official enum value "${value}"`);
    }
  }
  return problems;
}

describe(`contract: zod schemas vs the end-user components of ${PUBLISHED_SCHEMA}`, () => {
  const components = OpenApiContract.components() as Record<string, OfficialSchema & { enum?: string[] }>;

  it('reads the pinned devDependency from node_modules, not a copy', () => {
    assert.equal(
      PUBLISHED_SCHEMA_VERSION,
      packageJson.devDependencies['@digdir/dialogporten-schema'],
      'npm install: node_modules holds another version than package.json pins',
    );
    assert.match(PUBLISHED_SCHEMA_DIR.replace(/\\/g, '/'), /\/node_modules\/@digdir\/dialogporten-schema$/);
  });

  it('has a zod schema for every response component the client reads', () => {
    for (const [name] of PAIRS) assert.ok(components[name], `${name} is not in ${PUBLISHED_SCHEMA}`);
    assert.ok(PAIRS.length >= 40);
  });

  for (const [name, ours] of PAIRS) {
    it(`${name}: official required fields required, nullable fields accept null, enum values accepted, no invented requirements`, () => {
      assert.deepEqual(compareSchemas(name, components[name], ours.shape, components), []);
    });
  }

  it('the comparison catches an official required field our schema leaves optional, and an invented requirement', () => {
    const official: OfficialSchema = { required: ['id'], properties: { id: {}, title: { nullable: true } } };
    const ours = {
      shape: { id: dialogSchema.shape.dialogToken, title: dialogSchema.shape.id, extra: dialogSchema.shape.id },
    };
    const problems = compareSchemas('Probe', official, ours.shape, components);
    assert.ok(
      problems.some((p) => p.includes('Probe.id is required officially but optional')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('Probe.title is nullable officially but zod rejects null')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('zod requires Probe.extra')),
      problems.join('\n'),
    );
  });
});
