import assert from 'node:assert/strict';
import { DialogportenClient } from '../../../src/platform/dialogporten';
import {
  describeShapeProblems,
  dialogportenSchemas,
  effectiveSystemLabels,
  normalizeFrontChannelMediaType,
  parseDialogportenPayload,
} from '../../../src/platform/dialogporten/schemas';
import { ResponseShapeError } from '../../../src/platform/errors';
import { HttpClient } from '../../../src/platform/http';
import { localServer } from './localServer';

const text = (value: string): object => ({ value: [{ value, languageCode: 'nb' }], mediaType: 'text/plain' });

/** A dialog as the Feb-2025 API sent it: New status, one systemLabel, the +json FCE spelling, no newer fields. */
const OLD_DIALOG = {
  id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e70',
  revision: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  party: 'urn:altinn:person:identifier-no:01017012345',
  org: 'nav',
  serviceResource: 'urn:altinn:resource:nav-sykmelding',
  createdAt: '2025-01-10T10:00:00.0000000+00:00',
  updatedAt: '2025-01-11T10:00:00Z',
  status: 'Sent',
  systemLabel: 'Archive',
  content: {
    title: text('Sykmelding'),
    mainContentReference: {
      value: [{ value: 'https://example.invalid/fce', languageCode: 'nb' }],
      mediaType: 'application/vnd.dialogporten.frontchannelembed+json;type=markdown',
    },
  },
  transmissions: [
    {
      id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e71',
      createdAt: '2025-01-10T10:00:00Z',
      type: 'Information',
      sender: { actorType: 'ServiceOwner' },
      content: { title: text('Info') },
      attachments: [
        {
          id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e72',
          displayName: [],
          urls: [{ url: 'https://example.invalid/a.pdf', consumerType: 'Gui' }],
        },
      ],
    },
  ],
  activities: [
    {
      id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e73',
      createdAt: '2025-01-10T10:00:00Z',
      type: 'SomeActivityTypeAddedLater',
      performedBy: { actorType: 'ServiceOwner' },
      description: [],
    },
  ],
  guiActions: [],
  apiActions: [],
  attachments: [],
  seenSinceLastUpdate: [],
  brandNewField: { x: 1 },
};

describe('Dialogporten zod schemas: tolerant of the older API and of new fields, precise about what is wrong', () => {
  it('reads the Feb-2025 shape: New/Sent as NotApplicable/Awaiting, the single systemLabel, the +json media type, unknown fields kept', () => {
    const dialog = parseDialogportenPayload('dialog', OLD_DIALOG);
    assert.equal(dialog.status, 'Awaiting');
    assert.equal(parseDialogportenPayload('dialog', { ...OLD_DIALOG, status: 'New' }).status, 'NotApplicable');
    assert.deepEqual(effectiveSystemLabels(dialog), ['Archive']);
    assert.deepEqual(
      effectiveSystemLabels({ endUserContext: { systemLabels: ['Bin', 'MarkedAsUnopened'] }, systemLabel: 'Bin' }),
      ['Bin', 'MarkedAsUnopened'],
    );
    assert.equal((dialog as Record<string, unknown>).brandNewField !== undefined, true);
    assert.equal(dialog.activities![0].type, 'SomeActivityTypeAddedLater');
    assert.equal(
      normalizeFrontChannelMediaType(dialog.content.mainContentReference!.mediaType),
      'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
    );
    assert.equal(normalizeFrontChannelMediaType('text/markdown'), 'text/markdown');
  });

  it('names the payload and the JSON path of every problem', () => {
    const broken = {
      ...OLD_DIALOG,
      status: 'Archived',
      transmissions: [{ ...OLD_DIALOG.transmissions[0], createdAt: '2025-01-10 10:00' }],
    };
    assert.throws(
      () => parseDialogportenPayload('dialog', broken),
      (error: unknown) => {
        assert.ok(error instanceof ResponseShapeError);
        assert.equal(error.payload, 'Dialog');
        assert.match(error.field, /^(status|transmissions\[0\]\.createdAt)$/);
        assert.match(error.message, /and 1 more problem/);
        return true;
      },
    );
    assert.deepEqual(
      describeShapeProblems('dialog', broken)
        .map((p) => p.path)
        .sort(),
      ['status', 'transmissions[0].createdAt'],
    );
    assert.deepEqual(describeShapeProblems('dialog', OLD_DIALOG), []);
  });

  it('offers every shape by name for a "validate payload" command', () => {
    for (const name of [
      'parties',
      'dialogSearchPage',
      'dialog',
      'transmission',
      'transmissions',
      'activity',
      'activities',
      'seenLog',
      'seenLogs',
      'labelLog',
      'dialogLookup',
      'dialogTokenClaims',
    ] as const) {
      assert.ok(dialogportenSchemas[name].payload.length > 0, name);
      assert.ok(describeShapeProblems(name, 42).length > 0, `${name} rejects a number`);
    }
  });

  it('turns a wrong-shaped answer from a server into ResponseShapeError with the request', async () => {
    const server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          items: [{ id: '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e70', party: 'x', org: 'nav' }],
          hasNextPage: false,
        }),
      );
    });
    const http = new HttpClient({ retry: { maxRetries: 0 } });
    try {
      const dp = new DialogportenClient({ baseUrl: `${server.url}/dialogporten`, http, getToken: async () => 'token' });
      await assert.rejects(
        dp.searchDialogs({ party: ['urn:altinn:organization:identifier-no:991825827'] }),
        (error: unknown) => {
          assert.ok(error instanceof ResponseShapeError);
          assert.equal(error.payload, 'Dialog search page');
          assert.match(error.field, /^items\[0\]\./);
          assert.match(error.message, /GET http:\/\/127\.0\.0\.1:\d+\/dialogporten\/api\/v1\/enduser\/dialogs/);
          assert.ok(!error.message.includes('token'), 'no credentials in the message');
          return true;
        },
      );
    } finally {
      await http.close();
      await server.close();
    }
  });
});
