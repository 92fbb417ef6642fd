import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { personUrn } from '../../../src/platform/identifiers';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { correspondenceDialogLinks, generateCorrespondences } from '../../../src/sandbox/data/correspondenceData';
import { pdfDocument } from '../../../src/sandbox/data/correspondenceFiles';
import { CORRESPONDENCE_STATUSES } from '../../../src/sandbox/data/correspondenceTypes';
import { generateWorld } from '../../../src/sandbox/world/generateWorld';
import { sandboxToken } from '../helpers/sandbox';
import { READ_SCOPE } from './clientSetup';
import { storeOf } from './fixtures';

const ANCHOR = Date.UTC(2026, 2, 1);

async function overviewsOf(handle: SandboxHandle): Promise<string[]> {
  const token = await sandboxToken(handle, { scopes: [READ_SCOPE], person: true });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const base = `${handle.urls.platformBase}/correspondence/api/v1/correspondence`;
  const bodies: string[] = [];
  for (const resourceId of [
    'skd-skattemelding',
    'altinn-correspondence-test',
    'digdir-testmelding',
    'nav-inntektsmelding',
  ]) {
    const { ids } = (await (await fetch(`${base}?resourceId=${resourceId}&role=Recipient`, { headers })).json()) as {
      ids: string[];
    };
    for (const id of ids) {
      const response = await fetch(`${base}/${id}`, { headers });
      // Listed but failed items answer 404 with a fresh traceId; only the 200 bodies are data.
      if (response.ok) bodies.push(await response.text());
      else assert.equal(response.status, 404);
    }
  }
  return bodies;
}

describe('sandbox correspondence data', () => {
  it('is the same for the same world, seed and anchor, and different for another seed', () => {
    const world = generateWorld({ seed: 7 });
    const first = generateCorrespondences(world, { seed: 7, anchorMs: ANCHOR });
    assert.deepStrictEqual(generateCorrespondences(generateWorld({ seed: 7 }), { seed: 7, anchorMs: ANCHOR }), first);
    const other = generateCorrespondences(generateWorld({ seed: 8 }), { seed: 8, anchorMs: ANCHOR });
    assert.notDeepStrictEqual(
      other.map((c) => c.correspondenceId),
      first.map((c) => c.correspondenceId),
    );
  });

  it('gives the default person every status of the official enum, several senders and languages, and markdown bodies', () => {
    const world = generateWorld({ seed: 11 });
    const data = generateCorrespondences(world, { seed: 11, anchorMs: ANCHOR });
    const own = data.filter((c) => c.recipient === personUrn(world.defaultPerson.nationalIdentityNumber));
    const seen = new Set(own.flatMap((c) => c.statusHistory.map((e) => e.status)));
    assert.deepEqual(
      [...CORRESPONDENCE_STATUSES].filter((s) => !seen.has(s)),
      [],
    );
    assert.ok(new Set(data.map((c) => c.senderOrganisationNumber)).size >= 3);
    assert.ok(new Set(data.map((c) => c.language)).size === 3);
    assert.ok(
      data.every((c) => /(^|\n)(#{1,3} |[-*] |1\. )|\*\*|`/.test(c.messageBody)),
      'every body uses markdown',
    );
    assert.ok(
      data.some((c) => c.isConfidential) &&
        data.some((c) => c.replyOptions.length > 0) &&
        data.some((c) => c.altinn2CorrespondenceId !== null),
    );
    for (const c of data.filter((x) => x.isConfirmationNeeded))
      assert.ok(c.dueDateTime, 'confirmation needs a due date (error 1016 otherwise)');
    for (const c of data) {
      const times = c.statusHistory.map((e) => Date.parse(e.statusChanged));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
        'history is in time order',
      );
    }
  });

  it('links every published correspondence to a Dialogporten dialog (UUIDv7 from its creation time), and none unpublished', () => {
    const world = generateWorld({ seed: 3 });
    const data = generateCorrespondences(world, { seed: 3, anchorMs: ANCHOR });
    const links = correspondenceDialogLinks(data);
    assert.equal(links.length, data.filter((c) => c.published !== null).length);
    for (const link of links) {
      const c = data.find((x) => x.correspondenceId === link.correspondenceId)!;
      assert.match(link.dialogId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const dialogTime = parseInt(link.dialogId.replace(/-/g, '').slice(0, 12), 16);
      assert.ok(Math.abs(dialogTime - Date.parse(c.created)) < 5 * 60_000);
    }
  });

  it("makes attachments with real bytes: MD5 checksums match and the PDF's cross-reference table points at its objects", () => {
    const data = generateCorrespondences(generateWorld({ seed: 5 }), { seed: 5, anchorMs: ANCHOR });
    const attachments = data.flatMap((c) => c.attachments);
    assert.deepEqual(
      new Set(attachments.map((a) => a.dataType)),
      new Set(['application/pdf', 'text/plain', 'application/xml', 'application/octet-stream']),
    );
    for (const a of attachments) assert.equal(createHash('md5').update(a.bytes).digest('hex'), a.checksum);
    const pdf = pdfDocument(['Vedtak (klage) æøå', 'Linje 2']).toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    assert.ok(pdf.startsWith('xref', startxref));
    const offsets = [...pdf.slice(startxref).matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => assert.ok(pdf.startsWith(`${i + 1} 0 obj`, offset), `object ${i + 1} at ${offset}`));
    assert.ok(pdf.includes('(Vedtak \\(klage\\) aeoa) Tj'), 'text is escaped and transliterated');
  });

  it('is served identically by two sandboxes with the same seed, and differently with another seed', async function () {
    this.timeout(30_000);
    const [a, b, c] = await Promise.all([
      startSandbox({ seed: 42 }),
      startSandbox({ seed: 42 }),
      startSandbox({ seed: 43 }),
    ]);
    try {
      // Times hang off the start of the current UTC day, so both sandboxes started today agree on them too.
      assert.deepEqual(
        storeOf(a).items.map((x) => x.correspondenceId),
        storeOf(b).items.map((x) => x.correspondenceId),
      );
      const [fromA, fromB, fromC] = await Promise.all([overviewsOf(a), overviewsOf(b), overviewsOf(c)]);
      assert.ok(fromA.length > 5);
      assert.deepEqual(fromB, fromA);
      assert.notDeepEqual(fromC, fromA);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
