import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { organisationNumberFromStem, organizationUrn } from '../../../src/platform/identifiers';
import { dialogLoadReport } from '../../../src/sandbox/dialogporten';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { sandboxSystemUsers, sandboxToken } from '../helpers/sandbox';
import { DIALOGPORTEN_SCOPE, dpFetch, endUser, personToken, type Json } from './dialogportenHttp';

const CAPTURED_ORG = organizationUrn(organisationNumberFromStem('91000001') ?? organisationNumberFromStem('91000002')!);
const OLD_PERSON = 'urn:altinn:person:identifier-no:01017012345';
const NEW_ID = '0194a6c2-1f00-7a11-8b5e-3c0a1d2e4f60';
const OLD_ID = '0193f0aa-2b00-7c22-9d6f-4e1b2c3d5e70';
const LETTER_ID = '0194a6c2-1f00-7a11-8b5e-3c0a1d2e4f64';

const AS_CAPTURED = 'the captured parties file carries an unknown field, served as captured';

const plain = (value: string, languageCode = 'nb'): Json => ({
  value: [{ value, languageCode }],
  mediaType: 'text/plain',
});

/** What Dialogporten writes of an object: its null fields left out. */
function withoutNulls(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
}

function capturedDialog(): Json {
  return {
    id: NEW_ID,
    revision: '6f0c6a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    party: CAPTURED_ORG,
    org: 'skd',
    serviceResource: 'urn:altinn:resource:skd-mva-melding',
    serviceResourceType: 'AltinnApp',
    progress: null,
    process: null,
    precedingProcess: null,
    extendedStatus: null,
    externalReference: 'CAPTURED-1',
    createdAt: '2025-03-01T08:00:00.1234567Z',
    updatedAt: '2025-03-02T08:00:00.1234567Z',
    contentUpdatedAt: '2025-03-02T08:00:00.1234567Z',
    dueAt: null,
    expiresAt: null,
    status: 'RequiresAttention',
    systemLabel: 'Default',
    endUserContext: { revision: '7a1d2c3b-4e5f-4a6b-9c8d-0e1f2a3b4c5d', systemLabels: ['Default'] },
    isApiOnly: false,
    hasUnopenedContent: false,
    isContentSeen: false,
    fromServiceOwnerTransmissionsCount: 0,
    fromPartyTransmissionsCount: 0,
    content: {
      title: plain('MVA-melding fra tt02'),
      summary: plain('Fanget i tt02'),
      senderName: null,
      additionalInfo: null,
      extendedStatus: null,
      mainContentReference: null,
    },
    dialogToken: 'eyJhbGciOiJFZERTQSJ9.e30.captured',
    attachments: [],
    transmissions: [],
    guiActions: [],
    apiActions: [],
    activities: [],
    seenSinceLastUpdate: [],
    seenSinceLastContentUpdate: [],
    futureField: { addedBy: 'a newer Dialogporten' },
  };
}

/** The Feb-2025 API: New/Sent statuses, a single systemLabel, the `+json` FCE media type, no endUserContext. */
function oldApiDialog(): Json {
  return {
    id: OLD_ID,
    revision: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    party: OLD_PERSON,
    org: 'nav',
    serviceResource: 'urn:altinn:resource:nav-sykmelding',
    serviceResourceType: 'GenericAccessResource',
    createdAt: '2025-01-10T10:00:00Z',
    updatedAt: '2025-01-11T10:00:00Z',
    status: 'New',
    systemLabel: 'Default',
    content: {
      title: plain('Sykmelding (gammelt API)'),
      summary: plain('Eldre format'),
      mainContentReference: {
        value: [{ value: 'https://example.invalid/fce', languageCode: 'nb' }],
        mediaType: 'application/vnd.dialogporten.frontchannelembed+json;type=markdown',
      },
    },
    transmissions: [],
    activities: [],
    guiActions: [],
    apiActions: [],
    attachments: [],
    seenSinceLastUpdate: [],
  };
}

describe('sandbox Dialogporten: a --data folder of captured payloads', function () {
  this.timeout(30_000);
  let dir: string;
  let handle: SandboxHandle;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dp-captured-'));
    await mkdir(join(dir, 'old'));
    const parties = {
      authorizedParties: [
        {
          party: CAPTURED_ORG,
          partyUuid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          partyId: 51999999,
          name: 'CAPTURED AS',
          partyType: 'Organization',
          isDeleted: false,
          hasKeyRole: true,
          isCurrentEndUser: false,
          isMainAdministrator: false,
          isAccessManager: true,
          hasOnlyAccessToSubParties: false,
          subParties: [],
          unknownFlag: true,
        },
      ],
    };
    await writeFile(join(dir, 'dialog-bom.json'), `\uFEFF${JSON.stringify(capturedDialog(), null, 2)}`);
    await writeFile(join(dir, 'old', 'dialog-2025.json'), JSON.stringify(oldApiDialog()));
    await writeFile(join(dir, 'parties.json'), `\uFEFF${JSON.stringify(parties)}`);
    await writeFile(join(dir, 'broken.json'), '{"id": "0194a6c2-1f00-7a11-8b5e-3c0a1d2e4f61", "party": ');
    await writeFile(
      join(dir, 'wrong-shape.json'),
      JSON.stringify({ ...capturedDialog(), id: '0194a6c2-1f00-7a11-8b5e-3c0a1d2e4f62', org: 5 }),
    );
    await writeFile(
      join(dir, 'search-page.json'),
      JSON.stringify({
        items: [],
        hasNextPage: false,
        continuationToken: null,
        orderBy: 'contentupdatedat_desc,id_desc',
      }),
    );
    await writeFile(
      join(dir, 'correspondence.json'),
      JSON.stringify({ correspondenceId: '0194a6c2-1f00-7a11-8b5e-3c0a1d2e4f63', content: {} }),
    );
    await writeFile(join(dir, 'notes.txt'), 'captured on Tuesday');
    await writeFile(join(dir, 'duplicate.json'), JSON.stringify(capturedDialog()));
    await writeFile(join(dir, 'mixed.json'), JSON.stringify([42]));
    await writeFile(
      join(dir, 'letter.json'),
      JSON.stringify({ ...capturedDialog(), id: LETTER_ID, party: OLD_PERSON }),
    );
    await writeFile(join(dir, 'letter.main.nb.md'), '# Sykmelding\n\nLagret **hovedinnhold**.');
    await writeFile(join(dir, 'letter.main.EN.html'), '<h1>Sick note</h1><p>Saved main content.</p>');
    await writeFile(join(dir, 'orphan.main.nb.md'), '# No dialog beside me');
    handle = await startSandbox({ dialogs: 20, dataDir: dir });
  });

  after(async () => {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports every file: what was loaded, what belongs elsewhere, and why the rest could not be used', async () => {
    const report = (await (await fetch(`${handle.urls.baseUrl}/__sandbox/load-report`)).json()).dialogporten;
    assert.deepEqual(report, dialogLoadReport(handle.context));
    const reason = (file: string): string => report.problems.find((p: Json) => p.file === file)?.reason ?? '';
    assert.deepEqual(
      report.loaded.map((l: Json) => l.file).sort(),
      [
        'dialog-bom.json',
        join('old', 'dialog-2025.json'),
        'letter.json',
        'letter.main.EN.html',
        'letter.main.nb.md',
        'parties.json',
      ].sort(),
    );
    assert.deepEqual(
      report.loaded
        .filter((l: Json) => l.kind === 'content')
        .map((l: Json) => l.detail)
        .sort(),
      [
        `main content (en, text/html) of dialog ${LETTER_ID}`,
        `main content (nb, text/markdown) of dialog ${LETTER_ID}`,
      ],
    );
    assert.match(reason('orphan.main.nb.md'), /main content without its dialog: orphan\.json is missing/);
    assert.match(reason('broken.json'), /not valid JSON/);
    assert.match(reason('wrong-shape.json'), /at org: /);
    assert.match(reason('search-page.json'), /search page/);
    assert.match(reason('duplicate.json'), /already loaded from dialog-bom\.json/);
    assert.match(reason('mixed.json[0]'), /JSON object/);
    assert.deepEqual(report.skipped.map((s: Json) => s.file).sort(), ['correspondence.json', 'notes.txt']);
  });

  it('makes the captured parties parties of the default person, and serves their dialogs as captured', async () => {
    const token = await personToken(handle);
    const parties = (await dpFetch(endUser(handle, '/parties'), { token, notOfficialShape: AS_CAPTURED })).body
      .authorizedParties as Json[];
    const captured = parties.find((p) => p.party === CAPTURED_ORG);
    assert.equal(captured.name, 'CAPTURED AS');
    assert.equal(captured.unknownFlag, true, 'served as captured');
    assert.ok(
      parties.some((p) => p.party === OLD_PERSON),
      'the party of a captured dialog becomes a party too',
    );

    const page = await dpFetch(endUser(handle, `/dialogs?party=${encodeURIComponent(CAPTURED_ORG)}`), { token });
    assert.deepEqual(
      page.body.items.map((i: Json) => i.id),
      [NEW_ID],
    );
    const details = await dpFetch(endUser(handle, `/dialogs/${NEW_ID}`), {
      token,
      notOfficialShape: 'the captured dialog has a field from a newer API',
    });
    assert.deepEqual(details.body.futureField, { addedBy: 'a newer Dialogporten' });
    assert.deepEqual(details.body.content, withoutNulls(capturedDialog().content), 'as captured, nulls left out');
    assert.notEqual(details.body.dialogToken, capturedDialog().dialogToken, 'a fresh dialog token for the sandbox');
    assert.equal(details.body.seenSinceLastUpdate.length, 1, 'opening it is recorded like any other dialog');

    const old = await fetch(endUser(handle, `/dialogs/${OLD_ID}`), { headers: { authorization: `Bearer ${token}` } });
    const oldBody = await old.json();
    assert.equal(oldBody.status, 'New', 'old values are served as captured');
    assert.equal(
      oldBody.content.mainContentReference.mediaType,
      'application/vnd.dialogporten.frontchannelembed+json;type=markdown',
    );
    const listed = await dpFetch(
      endUser(handle, `/dialogs?party=${encodeURIComponent(OLD_PERSON)}&status=NotApplicable`),
      { token },
    );
    assert.deepEqual(
      listed.body.items.map((i: Json) => i.id),
      [OLD_ID],
      'search reads New as NotApplicable',
    );
  });

  it('serves main content saved beside a captured dialog at its own FCE endpoint, with the dialog token', async () => {
    const token = await personToken(handle);
    const details = (
      await dpFetch(endUser(handle, `/dialogs/${LETTER_ID}`), {
        token,
        notOfficialShape: 'the captured dialog has a field from a newer API',
      })
    ).body as Json;
    const reference = details.content.mainContentReference;
    const base = `${handle.urls.dialogportenBase}/__sandbox/fce/${LETTER_ID}/main`;
    assert.deepEqual(
      reference.value.map((v: Json) => [v.languageCode, v.value]).sort(),
      [
        ['en', `${base}/en`],
        ['nb', `${base}/nb`],
      ],
      "the captured URL is replaced by the sandbox's",
    );
    assert.match(
      reference.mediaType,
      /^application\/vnd\.dialogporten\.frontchannelembed-url;type=text\/(html|markdown)$/,
    );
    const nb = await fetch(`${base}/nb`, { headers: { authorization: `Bearer ${details.dialogToken}` } });
    assert.equal(nb.status, 200);
    assert.equal(nb.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.equal(await nb.text(), '# Sykmelding\n\nLagret **hovedinnhold**.');
    const en = await fetch(`${base}/en`, { headers: { authorization: `Bearer ${details.dialogToken}` } });
    assert.equal(en.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal((await fetch(`${base}/nb`)).status, 401, 'not without the dialog token');
    assert.equal(
      (await fetch(`${base}/nn`, { headers: { authorization: `Bearer ${details.dialogToken}` } })).status,
      404,
      'a language that was not saved',
    );
  });

  it('gives the captured parties to the delegated system user, and to nobody else', async () => {
    const user = sandboxSystemUsers(handle).find((u) => u.delegatedResources.length > 0)!;
    const systemToken = await sandboxToken(handle, {
      scopes: [DIALOGPORTEN_SCOPE],
      systemUserOrg: user.organisationNumber,
    });
    const theirs = (await dpFetch(endUser(handle, '/parties'), { token: systemToken, notOfficialShape: AS_CAPTURED }))
      .body.authorizedParties as Json[];
    assert.ok(theirs.some((p) => p.party === CAPTURED_ORG));
    assert.equal(
      (await dpFetch(endUser(handle, `/dialogs/${NEW_ID}`), { token: systemToken, notOfficialShape: 'captured' }))
        .status,
      200,
    );
    const other = handle.context.world.persons[1].nationalIdentityNumber;
    const otherToken = await personToken(handle, other);
    const parties = (await dpFetch(endUser(handle, '/parties'), { token: otherToken })).body
      .authorizedParties as Json[];
    assert.ok(!parties.some((p) => p.party === CAPTURED_ORG));
    assert.equal((await dpFetch(endUser(handle, `/dialogs/${NEW_ID}`), { token: otherToken })).status, 404);
  });

  it('reports a missing data folder instead of failing to start', async () => {
    const missing = await startSandbox({ dialogs: 5, dataDir: join(dir, 'does-not-exist') });
    try {
      const report = dialogLoadReport(missing.context);
      assert.equal(report.problems.length, 1);
      assert.match(report.problems[0].reason, /cannot be read \(ENOENT\)/);
    } finally {
      await missing.close();
    }
  });
});
