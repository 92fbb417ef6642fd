import assert from 'node:assert/strict';
import { locatePath, parseJsonWithOffsets } from '../../../src/vscode/payloads/jsonLocator';
import { findShape, guessShape, PAYLOAD_SHAPES, validateShape } from '../../../src/vscode/payloads/payloadShapes';
import { useSandbox } from '../helpers/sandbox';
import { personClients, type PersonClients } from '../inbox/inboxSandbox';

describe('payloads: validate against an API shape', function () {
  this.timeout(30_000);
  const sandbox = useSandbox({ dialogs: 40 });
  let c: PersonClients;
  before(() => {
    c = personClients(sandbox());
  });
  after(() => c.http.close());

  async function rawGet(url: string): Promise<unknown> {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await c.token()}`, accept: 'application/json' },
    });
    assert.equal(response.status, 200, url);
    return response.json();
  }

  it('accepts what the sandbox serves, and guesses each shape from its fields', async () => {
    const base = `${sandbox().urls.dialogportenBase}/api/v1/enduser`;
    const parties = await rawGet(`${base}/parties`);
    const page = (await rawGet(`${base}/dialogs?party=${encodeURIComponent(c.party)}&limit=5`)) as {
      items: { id: string }[];
    };
    const id = page.items[0].id;
    const samples: Record<string, unknown> = {
      parties,
      dialogSearchPage: page,
      dialogListItem: page.items[0],
      dialog: await rawGet(`${base}/dialogs/${id}`),
      transmissions: await rawGet(`${base}/dialogs/${id}/transmissions`),
      activities: await rawGet(`${base}/dialogs/${id}/activities`),
      seenLogs: await rawGet(`${base}/dialogs/${id}/seenlog`),
    };
    for (const [shape, value] of Object.entries(samples)) {
      assert.deepEqual(validateShape(findShape(shape)!, value), [], shape);
      if (!(Array.isArray(value) && value.length === 0)) assert.equal(guessShape(value), shape, `guess ${shape}`);
    }
  });

  it('reports every problem of a broken dialog at a JSON path the locator finds in the text', async () => {
    const page = await c.dialogporten.searchDialogs({ party: [c.party], limit: 1 });
    const dialog = structuredClone(
      await rawGet(`${sandbox().urls.dialogportenBase}/api/v1/enduser/dialogs/${page.items![0].id}`),
    ) as Record<string, unknown>;
    dialog.status = 'Bogus';
    delete dialog.org;
    (dialog.content as Record<string, unknown>).title = { value: 'not a list', mediaType: 'text/plain' };
    const transmissions = dialog.transmissions as Record<string, unknown>[];
    assert.ok(transmissions.length > 0);
    transmissions[0].createdAt = 12;
    const text = JSON.stringify(dialog, null, 2);
    const problems = validateShape(findShape('dialog')!, JSON.parse(text));
    const paths = problems.map((p) => p.pathText).sort();
    assert.deepEqual(paths, ['content.title.value', 'org', 'status', 'transmissions[0].createdAt'].sort());
    const root = parseJsonWithOffsets(text);
    const status = problems.find((p) => p.pathText === 'status')!;
    const located = locatePath(root, status.path);
    assert.equal(text.slice(located.offset, located.offset + located.length), '"Bogus"');
    const org = locatePath(root, problems.find((p) => p.pathText === 'org')!.path);
    assert.equal(org.exact, false, 'a missing field is marked on its object');
  });

  it('covers Dialogporten, Correspondence and Access Management shapes', () => {
    const ids = PAYLOAD_SHAPES.map((s) => s.id);
    for (const id of [
      'dialog',
      'dialogSearchPage',
      'transmission',
      'parties',
      'correspondenceOverview',
      'correspondenceDetails',
      'authorizedParties',
    ])
      assert.ok(ids.includes(id), id);
    assert.equal(guessShape({ correspondenceId: 'x', statusHistory: [] }), 'correspondenceDetails');
    assert.equal(guessShape({ data: [], links: {} }), 'authorizedParties');
  });
});
