import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { packageVsix } from '../../../scripts/package-vsix.mjs';

function listEntries(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function readEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in ${file}`)));
      zip.readEntry();
    });
  });
}

describe('packaging: the VSIX holds only what users need', function () {
  this.timeout(120_000);
  let vsix: string;
  let entries: Map<string, number>;

  before(async () => {
    vsix = packageVsix({ quiet: true });
    entries = await listEntries(vsix);
  });

  it('ships the bundle, manifest, strings, docs and media, and nothing else', () => {
    const names = [...entries.keys()].filter((name) => name.startsWith('extension/'));
    for (const required of [
      'extension/package.json',
      'extension/package.nls.json',
      ...['extension', 'undici', 'schemas', 'markup', 'sandbox', 'forge'].map((chunk) => `extension/dist/${chunk}.js`),
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/media/icon.png',
    ]) {
      assert.ok(names.includes(required), `${required} is in the VSIX`);
    }
    const allowed =
      /^extension\/(package\.json|package\.nls(\.[a-z-]+)?\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/(extension|undici|schemas|markup|sandbox|forge)\.js|dist\/webview\/[\w-]+\.js|media\/[\w.-]+\.(svg|png|css)|media\/walkthrough\/[\w.-]+\.(md|svg|png)|l10n\/bundle\.l10n(\.[a-z-]+)?\.json)$/;
    const unexpected = names.filter((name) => !allowed.test(name));
    assert.deepEqual(unexpected, [], 'no sources, tests, maps, node_modules or build files');
  });

  it('ships a minified production bundle without source maps', async () => {
    const bundle = await readEntry(vsix, 'extension/dist/extension.js');
    assert.ok(!bundle.includes('sourceMappingURL'), 'no source map reference');
    // Template literals keep their line breaks, so judge by the average line length, not the count.
    const averageLineLength = bundle.length / bundle.split('\n').length;
    assert.ok(averageLineLength > 500, `minified (average line ${averageLineLength.toFixed(0)} characters)`);
    const manifest = JSON.parse(await readEntry(vsix, 'extension/package.json'));
    assert.equal(manifest.main, './dist/extension.js');
    // Implicit activation, except onWebviewPanel for panels restored by a serializer after a reload.
    const events: string[] = manifest.activationEvents ?? [];
    assert.deepEqual(
      events.filter((event) => !/^onWebviewPanel:altinnInbox\.\w+$/.test(event)),
      [],
      `implicit activation only (${events.join(', ')})`,
    );
    assert.equal(JSON.parse(readFileSync('package.json', 'utf8')).version, manifest.version);
  });
});
