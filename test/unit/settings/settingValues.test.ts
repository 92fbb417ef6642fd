import assert from 'node:assert/strict';
import {
  readCorrespondenceResources,
  readCustomBaseUrls,
  readHttpTimeoutSeconds,
  readPageSize,
  readSandboxDataFolder,
} from '../../../src/vscode/settings/settingValues';
import { describeLoadReport } from '../../../src/vscode/sandbox/describeLoadReport';

// Bad input, unit tier: hand-edited settings of the wrong type fall back sensibly and say what was wrong.

describe('bad input: settings of the wrong type or out of range', () => {
  it('altinnInbox.inbox.pageSize: a string, 0, 5000 and NaN fall back or clamp, naming the setting', () => {
    assert.deepEqual(readPageSize(250), { value: 250 });
    assert.deepEqual(readPageSize(undefined), { value: 100 });
    const cases: [unknown, number, RegExp][] = [
      ['50', 100, /pageSize must be a number from 1 to 1000, not "50"; using 100/],
      [0, 1, /pageSize is 0, but Dialogporten allows 1 to 1000 dialogs per page; using 1/],
      [5000, 1000, /pageSize is 5000, .*using 1000/],
      [Number.NaN, 100, /must be a number/],
      [{ size: 10 }, 100, /not an object/],
    ];
    for (const [raw, value, problem] of cases) {
      const read = readPageSize(raw);
      assert.equal(read.value, value, `${String(raw)} → ${value}`);
      assert.match(read.problem ?? '', problem);
    }
  });

  it('altinnInbox.http.timeoutSeconds: a string, 0, an hour and NaN fall back or clamp, naming the setting', () => {
    assert.deepEqual(readHttpTimeoutSeconds(5), { value: 5 });
    assert.deepEqual(readHttpTimeoutSeconds(2.5), { value: 2.5 });
    assert.deepEqual(readHttpTimeoutSeconds(undefined), { value: 30 });
    const cases: [unknown, number, RegExp][] = [
      ['10', 30, /timeoutSeconds must be a number of seconds from 1 to 300, not "10"; using 30/],
      [0, 1, /timeoutSeconds is 0, but it must be from 1 to 300 seconds; using 1/],
      [3600, 300, /timeoutSeconds is 3600, .*using 300/],
      [Number.NaN, 30, /must be a number of seconds/],
      [[5], 30, /not a list/],
    ];
    for (const [raw, value, problem] of cases) {
      const read = readHttpTimeoutSeconds(raw);
      assert.equal(read.value, value, `${String(raw)} → ${value}`);
      assert.match(read.problem ?? '', problem);
    }
  });

  it('altinnInbox.correspondence.resources: not a list is ignored; entries that are not resource ids are dropped', () => {
    assert.deepEqual(readCorrespondenceResources(['urn:altinn:resource:skd-skattemelding', 'nav-inntektsmelding']), {
      value: ['skd-skattemelding', 'nav-inntektsmelding'],
    });
    const notList = readCorrespondenceResources('skd-skattemelding');
    assert.deepEqual(notList.value, []);
    assert.match(notList.problem ?? '', /must be a list of resource ids, not "skd-skattemelding"; it is ignored/);
    const mixed = readCorrespondenceResources(['skd-skattemelding', 42, 'Not An Id!']);
    assert.deepEqual(mixed.value, ['skd-skattemelding']);
    assert.match(mixed.problem ?? '', /not resource ids \(42, "Not An Id!"\)/);
  });

  it('altinnInbox.customBaseUrls: not an object, a non-https URL, an unknown host key or a non-URL are left out, saying so', () => {
    assert.deepEqual(readCustomBaseUrls({ tt02: { platformBase: 'https://proxy.example/altinn' } }, 'tt02'), {
      value: { platformBase: 'https://proxy.example/altinn' },
    });
    assert.deepEqual(
      readCustomBaseUrls({ tt02: { platformBase: 'http://127.0.0.1:8080' } }, 'tt02').value,
      { platformBase: 'http://127.0.0.1:8080' },
      'a loopback proxy may use http',
    );
    assert.deepEqual(
      readCustomBaseUrls({ production: { dialogportenStreamUrl: 'https://sse.example/graphql/stream' } }, 'production'),
      { value: { dialogportenStreamUrl: 'https://sse.example/graphql/stream' } },
      'the event stream URL',
    );
    assert.match(
      readCustomBaseUrls({ tt02: { dialogportenStreamUrl: 'http://sse.example/graphql/stream' } }, 'tt02').problem ??
        '',
      /dialogportenStreamUrl: http:\/\/sse\.example is not https/,
    );
    const notObject = readCustomBaseUrls('https://proxy.example', 'tt02');
    assert.deepEqual(notObject.value, {});
    assert.match(notObject.problem ?? '', /must be an object of environments/);
    const plain = readCustomBaseUrls(
      { tt02: { platformBase: 'http://proxy.example', dialogportenBase: 'https://dp.example' } },
      'tt02',
    );
    assert.deepEqual(
      plain.value,
      { dialogportenBase: 'https://dp.example' },
      'the https entry is kept, the http one left out',
    );
    assert.match(
      plain.problem ?? '',
      /platformBase: http:\/\/proxy\.example is not https \(tokens would travel unencrypted\)/,
    );
    const junk = readCustomBaseUrls(
      { tt02: { tokenUrl: 'https://x.example', inboxUrl: 'not a url', altinnIssuer: 7 } },
      'tt02',
    );
    assert.deepEqual(junk.value, {});
    assert.match(
      junk.problem ?? '',
      /"tokenUrl" is not a host this extension knows.*inboxUrl: "not a url" is not a URL.*altinnIssuer: 7 is not a URL/,
    );
    assert.match(
      readCustomBaseUrls({ tt02: 'https://x.example' }, 'tt02').problem ?? '',
      /customBaseUrls\.tt02 must be an object of host URLs/,
    );
    assert.deepEqual(
      readCustomBaseUrls({ production: { platformBase: 'http://evil.example' } }, 'tt02'),
      { value: {} },
      'other environments do not matter here',
    );
  });
});

describe('altinnInbox.sandbox.dataFolder', () => {
  it('takes an absolute path as it is and a relative one from the workspace folder; unset or blank means none', () => {
    assert.deepEqual(readSandboxDataFolder('/data/captured', '/ws'), { value: '/data/captured' });
    assert.deepEqual(readSandboxDataFolder(' captured/tt02 ', '/ws'), { value: '/ws/captured/tt02' });
    assert.deepEqual(readSandboxDataFolder(undefined, '/ws'), { value: undefined });
    assert.deepEqual(readSandboxDataFolder('  ', '/ws'), { value: undefined });
  });

  it('refuses a value that is not a path, or a relative path with no folder open, saying what to do', () => {
    const notAPath = readSandboxDataFolder(['captured'], '/ws');
    assert.equal(notAPath.value, undefined);
    assert.match(
      notAPath.problem ?? '',
      /altinnInbox\.sandbox\.dataFolder must be the path of a folder, not a list; the sandbox serves its generated data only/,
    );
    const noFolder = readSandboxDataFolder('captured', undefined);
    assert.equal(noFolder.value, undefined);
    assert.match(noFolder.problem ?? '', /relative path \(captured\) but no folder is open; use an absolute path/);
  });

  it('logs one summary of what the data folder gave and one line per file it could not use', () => {
    const { summary, problems } = describeLoadReport({
      dataDir: '/ws/captured',
      loaded: [
        { file: 'a.json', kind: 'dialog', detail: 'dialog 1' },
        { file: 'a.main.nb.md', kind: 'content', detail: 'main content' },
        { file: 'parties.json', kind: 'parties', detail: '2 parties' },
        { file: 'b.json', kind: 'dialog', detail: 'dialog 2' },
      ],
      skipped: [{ file: 'notes.txt', reason: 'not a .json file' }],
      problems: [{ file: 'broken.json', reason: 'not valid JSON: Unexpected end of JSON input' }],
    });
    assert.equal(
      summary,
      '[sandbox] data folder /ws/captured: 2 dialogs, 1 parties payloads and 1 main-content files loaded; 1 skipped, 1 not usable',
    );
    assert.deepEqual(problems, ['[sandbox] data folder: broken.json: not valid JSON: Unexpected end of JSON input']);
  });
});
