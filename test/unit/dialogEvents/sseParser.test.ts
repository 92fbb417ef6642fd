import assert from 'node:assert/strict';
import { SseParser } from '../../../src/platform/dialogporten/events';

describe('dialog events: the event-stream parser', () => {
  it('reads GraphQL-over-SSE `next` and `complete` events and ignores keep-alive comments', () => {
    const parser = new SseParser();
    const events = parser.feed(
      ': subscribed\n\n:\n\nevent: next\ndata: {"data":{"dialogEvents":{"id":"a","type":"DIALOG_UPDATED"}}}\n\nevent: complete\ndata:\n\n',
    );
    assert.deepEqual(events, [
      { event: 'next', data: '{"data":{"dialogEvents":{"id":"a","type":"DIALOG_UPDATED"}}}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('joins events split at any byte boundary, including between CR and LF', () => {
    const stream = 'event: next\r\ndata: {"a":1}\r\n\r\nevent: next\rdata: line one\rdata: line two\r\r';
    for (let cut = 0; cut <= stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.feed(stream.slice(0, cut)), ...parser.feed(stream.slice(cut))];
      assert.deepEqual(
        events,
        [
          { event: 'next', data: '{"a":1}' },
          { event: 'next', data: 'line one\nline two' },
        ],
        `cut at ${cut}`,
      );
    }
  });

  it('keeps id and retry, drops a leading BOM, and defaults the event name to "message"', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.feed('\uFEFFid: 7\nretry: 2500\ndata: x\n\n'), [
      { event: 'message', data: 'x', id: '7', retry: 2500 },
    ]);
  });

  it('does not dispatch an event until its blank line arrives', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.feed('event: next\ndata: {}\n'), []);
    assert.deepEqual(parser.feed('\n'), [{ event: 'next', data: '{}' }]);
  });

  it('refuses a line that never ends instead of buffering without bound', () => {
    const parser = new SseParser(1_000);
    assert.throws(() => parser.feed(`data: ${'x'.repeat(2_000)}`), /longer than 1000/);
  });
});
