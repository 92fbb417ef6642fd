import assert from 'node:assert/strict';
import {
  JsonSyntaxError,
  locatePath,
  parseJsonWithOffsets,
  positionAt,
} from '../../../src/vscode/payloads/jsonLocator';

const TEXT = `{
  "id": "abc",
  "transmissions": [
    { "type": "Information" },
    { "type": 42, "content": { "title": null } }
  ],
  "escaped\\"key": "v\\u00e6"
}`;

function marked(text: string, path: PropertyKey[]): string {
  const located = locatePath(parseJsonWithOffsets(text), path);
  return text.slice(located.offset, located.offset + located.length);
}

describe('payloads: JSON path → position in the document', () => {
  it('marks the value at a path', () => {
    assert.equal(marked(TEXT, ['transmissions', 1, 'type']), '42');
    assert.equal(marked(TEXT, ['id']), '"abc"');
    assert.equal(marked(TEXT, ['transmissions', 1, 'content', 'title']), 'null');
    assert.equal(marked(TEXT, ['escaped"key']), '"v\\u00e6"', 'keys are compared unescaped');
  });

  it('marks the key of an object or array, and the nearest existing parent for a missing property', () => {
    assert.equal(marked(TEXT, ['transmissions']), '"transmissions"');
    assert.equal(marked(TEXT, ['transmissions', 1, 'content']), '"content"');
    const missing = locatePath(parseJsonWithOffsets(TEXT), ['transmissions', 0, 'sender', 'actorName']);
    assert.equal(missing.exact, false);
    assert.equal(TEXT.slice(missing.offset, missing.offset + missing.length), '{', 'the object that lacks "sender"');
    assert.equal(positionAt(TEXT, missing.offset).line, 3);
    const root = locatePath(parseJsonWithOffsets(TEXT), ['org']);
    assert.deepEqual([root.offset, root.exact], [0, false]);
  });

  it('reports syntax errors with the offset where parsing stopped', () => {
    for (const [text, offset] of [
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ['[1, 2', 5],
      ['{"a": tru}', 6],
      ['{"a": "x\n"}', 8],
      ['{} x', 3],
    ] as const) {
      assert.throws(
        () => parseJsonWithOffsets(text),
        (error: unknown) => error instanceof JsonSyntaxError && error.offset === offset,
        text,
      );
    }
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of [
      '0',
      '-1.5e+3',
      '"\\ud83d\\ude00"',
      '[]',
      '{}',
      ' [true, false, null, {"a": [1, {"b": "c"}]}] ',
      '\uFEFF{"bom": 1}',
    ]) {
      assert.doesNotThrow(() => parseJsonWithOffsets(text), text);
    }
    for (const text of ['01', '1.', '.5', "'x'", '[1,]', '{"a":1 "b":2}', 'NaN']) {
      assert.throws(() => JSON.parse(text), text);
      assert.throws(() => parseJsonWithOffsets(text), JsonSyntaxError, text);
    }
  });
});
