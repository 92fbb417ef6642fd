import assert from 'node:assert/strict';
import {
  activitySchema,
  actor as actorSchema,
  contentSummarySchema,
  contentValue,
  dialogListItemSchema,
  dialogSearchPageSchema,
  endUserContextSchema,
  localization,
  parseDialogportenPayload,
  seenLogSchema,
} from '../../../src/platform/dialogporten/schemas';
import { isUnchangedDialogSearchPage } from '../../../src/platform/dialogporten/schemas/dialogSearchPageCheck';
import { ResponseShapeError } from '../../../src/platform/errors';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty, dpFetch, personToken } from '../sandbox-dialogporten/dialogportenHttp';

const text = (value: string): object => ({
  value: [{ value, languageCode: 'nb' }],
  mediaType: 'text/plain',
  isAuthorized: true,
});
const actor = {
  actorType: 'ServiceOwner',
  actorId: 'urn:altinn:organization:identifier-no:991825827',
  actorName: 'Digdir',
};
const seen = {
  id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e74',
  seenAt: '2025-01-11T10:00:00.1234567+01:00',
  seenBy: actor,
  isViaServiceOwner: false,
  isCurrentEndUser: true,
};

/** A list item with every field the schema declares, each set to a valid non-null value. */
const FULL_ITEM = {
  id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e70',
  party: 'urn:altinn:person:identifier-no:01017012345',
  org: 'digdir',
  serviceResource: 'urn:altinn:resource:test',
  serviceResourceType: 'GenericAccessResource',
  progress: 50,
  process: 'urn:p',
  precedingProcess: 'urn:q',
  extendedStatus: 'X-1',
  externalReference: 'ref-1',
  createdAt: '2025-01-10T10:00:00Z',
  updatedAt: '2025-01-11T10:00:00Z',
  contentUpdatedAt: '2025-01-11T10:00:00Z',
  dueAt: '2025-02-01T00:00:00+01:00',
  status: 'RequiresAttention',
  systemLabel: 'Default',
  endUserContext: { revision: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', systemLabels: ['Default', 'MarkedAsUnopened'] },
  isApiOnly: false,
  hasUnopenedContent: true,
  isContentSeen: false,
  fromServiceOwnerTransmissionsCount: 2,
  fromPartyTransmissionsCount: 1,
  seenSinceLastUpdate: [seen],
  seenSinceLastContentUpdate: [seen],
  guiAttachmentCount: 3,
  latestActivity: {
    id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e75',
    createdAt: '2025-01-11T10:00:00Z',
    extendedType: 'urn:x',
    type: 'Information',
    transmissionId: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e76',
    description: [{ value: 'Info', languageCode: 'nb' }],
    performedBy: actor,
  },
  content: {
    title: text('Tittel'),
    summary: text('Sammendrag'),
    senderName: text('Avsender'),
    extendedStatus: text('Ny'),
  },
  aFieldFromTheFuture: { kept: true },
};

const REPLACEMENTS: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  'New',
  'Default',
  0,
  1.5,
  2 ** 53,
  -1,
  true,
  false,
  {},
  [],
  [null],
  [{}],
  ['Bin'],
];

/** Every (path, value) variant of `value` with one field replaced (undefined = removed). */
function* mutations(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ path: string; apply: (root: unknown) => void }> {
  if (Array.isArray(value)) {
    if (value.length > 0) yield* mutations(value[0], [...path, 0]);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    for (const replacement of REPLACEMENTS) {
      yield {
        path: [...path, key].join('.'),
        apply: (root) => {
          const parent = path.reduce<Record<string | number, unknown>>(
            (node, step) => node[step] as Record<string | number, unknown>,
            root as Record<string, unknown>,
          );
          if (replacement === undefined) delete parent[key];
          else parent[key] = structuredClone(replacement);
        },
      };
    }
    yield* mutations(child, [...path, key]);
  }
}

describe('dialog search page fast path', () => {
  it('has a fixture that sets every field the list item schemas declare', () => {
    const missing = (shape: object, fixture: object): string[] => Object.keys(shape).filter((key) => !(key in fixture));
    assert.deepEqual(missing(dialogListItemSchema.shape, FULL_ITEM), []);
    assert.deepEqual(missing(endUserContextSchema.shape, FULL_ITEM.endUserContext), []);
    assert.deepEqual(missing(seenLogSchema.shape, seen), []);
    assert.deepEqual(missing(actorSchema.shape, actor), []);
    assert.deepEqual(missing(activitySchema.shape, FULL_ITEM.latestActivity), []);
    assert.deepEqual(missing(localization.shape, FULL_ITEM.latestActivity.description[0]), []);
    assert.deepEqual(missing(contentSummarySchema.shape, FULL_ITEM.content), []);
    assert.deepEqual(missing(contentValue.shape, FULL_ITEM.content.title), []);
  });

  it('accepts only what the full schema accepts, and then the schema would have returned the page unchanged', () => {
    let accepted = 0;
    let refused = 0;
    for (const mutation of mutations({
      items: [FULL_ITEM],
      hasNextPage: true,
      continuationToken: 'abc',
      orderBy: 'createdAt_desc',
    })) {
      const page = structuredClone({
        items: [FULL_ITEM],
        hasNextPage: true,
        continuationToken: 'abc',
        orderBy: 'createdAt_desc',
      });
      mutation.apply(page);
      if (!isUnchangedDialogSearchPage(page)) {
        refused++;
        continue;
      }
      accepted++;
      const parsed = dialogSearchPageSchema.safeParse(structuredClone(page));
      assert.ok(
        parsed.success,
        `${mutation.path}: fast path accepted what the schema refuses: ${parsed.error?.issues[0]?.message}`,
      );
      assert.deepEqual(parsed.data, page, `${mutation.path}: the schema changes this page`);
    }
    assert.ok(accepted > 100 && refused > 500, `accepted ${accepted}, refused ${refused}`);
  });

  it('leaves legacy statuses, a null items list and an own __proto__ to the schema', () => {
    const legacy = { items: [{ ...FULL_ITEM, status: 'Sent' }], hasNextPage: false };
    assert.equal(isUnchangedDialogSearchPage(legacy), false);
    assert.equal(parseDialogportenPayload('dialogSearchPage', legacy).items[0].status, 'Awaiting');
    assert.deepEqual(parseDialogportenPayload('dialogSearchPage', { items: null, hasNextPage: false }).items, []);
    const withProto = JSON.parse(
      `{"items":[${JSON.stringify(FULL_ITEM).replace(/^\{/, '{"__proto__":{"polluted":true},')}],"hasNextPage":false}`,
    );
    assert.equal(isUnchangedDialogSearchPage(withProto), false);
    assert.equal(Object.hasOwn(parseDialogportenPayload('dialogSearchPage', withProto).items[0], '__proto__'), false);
  });

  it('reports a broken page exactly as the schema does', () => {
    const broken = { items: [FULL_ITEM, { ...FULL_ITEM, createdAt: '2025-01-10 10:00' }], hasNextPage: false };
    assert.throws(
      () => parseDialogportenPayload('dialogSearchPage', broken),
      (error: unknown) => {
        assert.ok(error instanceof ResponseShapeError);
        assert.equal(error.payload, 'Dialog search page');
        assert.equal(error.field, 'items[1].createdAt');
        return true;
      },
    );
  });

  describe('on sandbox pages', function () {
    this.timeout(30_000);
    const sandbox = useSandbox({ dialogs: 300 });

    it('takes the fast path and returns the page the schema would have', async () => {
      const url = `${sandbox().urls.dialogportenBase}/api/v1/enduser/dialogs?party=${encodeURIComponent(defaultPersonParty(sandbox()))}&limit=300`;
      const { body } = await dpFetch(url, { token: await personToken(sandbox()) });
      assert.ok(body.items.length >= 100);
      assert.equal(parseDialogportenPayload('dialogSearchPage', body), body);
      assert.deepEqual(dialogSearchPageSchema.parse(structuredClone(body)), body);
    });
  });
});
