import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AllPartiesSearch,
  allPartiesExportPages,
  csvField,
  dialogsToCsv,
  dialogsToJson,
  EXPORT_COLUMNS,
  searchExportPages,
  writeExport,
  type DialogListItem,
} from '../../../src/platform/dialogporten';
import { useSandbox } from '../helpers/sandbox';
import { defaultPersonParty } from '../sandbox-dialogporten/dialogportenHttp';
import { newHttp, sandboxClient } from './clientSetup';

/** RFC 4180 reading with `;` as the separator, the way a spreadsheet imports the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

function listItem(overrides: Partial<DialogListItem> & { title?: string; sender?: string }): DialogListItem {
  const { title, sender, ...rest } = overrides;
  return {
    id: '0195c6f2-1111-7222-8333-944455556666',
    org: 'skd',
    serviceResource: 'urn:altinn:resource:skd-mva-melding',
    party: 'urn:altinn:organization:identifier-no:310000001',
    status: 'RequiresAttention',
    createdAt: '2025-03-01T08:00:00.0000000Z',
    updatedAt: '2025-03-02T09:30:15.1234567Z',
    contentUpdatedAt: '2025-03-02T09:30:15.1234567Z',
    dueAt: null,
    content: {
      title: { value: [{ value: title ?? 'Tittel', languageCode: 'nb' }], mediaType: 'text/plain' },
      senderName: sender ? { value: [{ value: sender, languageCode: 'nb' }], mediaType: 'text/plain' } : null,
    },
    ...rest,
  } as DialogListItem;
}

describe('Export of listed dialogs to CSV and JSON', function () {
  this.timeout(60_000);

  it('quotes separators, quotes and line breaks, and guards values that look like formulas', () => {
    const cases = [
      'plain',
      'a;b',
      'say "hi"',
      'two\nlines',
      'cr\rhere',
      '=SUM(A1:A2)',
      '+47 22 00 00 00',
      '-1',
      '@cmd',
      'Blåbær',
    ];
    const line = cases.map(csvField).join(';') + '\r\n';
    const [parsed] = parseCsv(line);
    assert.deepEqual(
      parsed,
      cases.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)),
    );
    assert.equal(csvField('plain'), 'plain', 'no quotes where none are needed');
  });

  it('writes a UTF-8 file with a byte-order mark, a header and one record per dialog, Norwegian letters intact', async () => {
    const awkward = 'Årsoppgjør for «Ærlig & Ødegård»; "viktig"\nlinje to';
    const pages = (async function* () {
      yield [listItem({ title: awkward, sender: 'Skatteetaten' })];
      yield [
        listItem({ id: '0195c6f2-1111-7222-8333-944455557777', title: '=cmd|calc', dueAt: '2025-04-01T00:00:00Z' }),
      ];
    })();
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    try {
      const file = join(dir, 'dialogs.csv');
      const written: number[] = [];
      await writeExport(
        dialogsToCsv(pages, { inboxUrl: 'https://af.tt02.altinn.no/', onProgress: (n) => written.push(n) }),
        createWriteStream(file),
      );
      const bytes = readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      assert.equal(rows.length, 3);
      assert.equal(rows[0].length, EXPORT_COLUMNS.length);
      const record = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, rows[1][i]]));
      assert.equal(record.title, awkward.replace(/\s+/g, ' '), 'titles are one line in the list');
      assert.equal(record.sender, 'Skatteetaten');
      assert.equal(record.party, 'urn:altinn:organization:identifier-no:310000001');
      assert.equal(record.updatedAt, '2025-03-02 09:30:15');
      assert.equal(record.link, 'https://af.tt02.altinn.no/inbox/0195c6f2-1111-7222-8333-944455556666');
      const second = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, rows[2][i]]));
      assert.equal(second.title, "'=cmd|calc");
      assert.equal(second.sender, 'Skatteetaten', 'the service owner when the dialog names no sender');
      assert.equal(second.dueAt, '2025-04-01 00:00:00');
      assert.deepEqual(written, [1, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes valid JSON, also for an empty list', async () => {
    const empty = await collect(dialogsToJson((async function* () {})()));
    assert.deepEqual(JSON.parse(empty), []);
    const two = await collect(
      dialogsToJson(
        (async function* () {
          yield [listItem({ title: 'Én' })];
          yield [];
          yield [listItem({ title: 'To', id: '0195c6f2-1111-7222-8333-944455558888' })];
        })(),
      ),
    );
    assert.deepEqual(
      JSON.parse(two).map((r: { title: string }) => r.title),
      ['Én', 'To'],
    );
  });

  describe('against the sandbox', () => {
    const sandbox = useSandbox({ dialogs: 150 });
    const http = newHttp();
    after(() => http.close());

    it('exports every dialog of a search page by page, each once', async () => {
      const { client } = sandboxClient(sandbox(), http);
      const party = defaultPersonParty(sandbox());
      const expected: string[] = [];
      for await (const item of client.searchAllDialogs({ party: [party], limit: 1000 })) expected.push(item.id);
      const csv = await collect(dialogsToCsv(searchExportPages(client, { party: [party], limit: 40 })));
      const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
      const idColumn = EXPORT_COLUMNS.indexOf('id');
      assert.deepEqual(
        rows.slice(1).map((r) => r[idColumn]),
        expected,
      );
    });

    it('exports an all-parties list with each dialog’s party and party name', async () => {
      const { client } = sandboxClient(sandbox(), http);
      const parties = (await client.getParties()).authorizedParties ?? [];
      const names = new Map(parties.map((p) => [p.party, p.name ?? '']));
      const search = new AllPartiesSearch(client, { parties: [...names.keys()], maxPartiesPerSearch: 2, pageSize: 50 });
      const json = JSON.parse(
        await collect(dialogsToJson(allPartiesExportPages(search), { partyName: (p) => names.get(p) })),
      ) as Record<string, string>[];
      assert.ok(json.length > 150);
      for (const row of json) {
        assert.ok(names.has(row.party));
        assert.equal(row.partyName, names.get(row.party));
      }
    });
  });
});
