import assert from 'node:assert/strict';
import { MessageQueue } from '../../../src/vscode/webview/messageQueue';

type Message = { readonly type: 'render'; readonly n: number } | { readonly type: 'live'; readonly n: number };

describe("webview base: messages wait for the page's ready handshake", () => {
  it('holds messages until the script is ready, then sends them in order, and sends at once afterwards', () => {
    const sent: Message[] = [];
    const queue = new MessageQueue<Message>((message) => sent.push(message));
    queue.post({ type: 'live', n: 1 });
    queue.post({ type: 'render', n: 2 });
    assert.deepEqual(sent, [], 'a page that is not listening yet would lose them');
    queue.markReady();
    assert.deepEqual(sent, [
      { type: 'live', n: 1 },
      { type: 'render', n: 2 },
    ]);
    queue.post({ type: 'live', n: 3 });
    assert.deepEqual(sent.at(-1), { type: 'live', n: 3 });
  });

  it('keeps only the newest waiting message of a "latest only" type (a full render)', () => {
    const sent: Message[] = [];
    const queue = new MessageQueue<Message>((message) => sent.push(message), ['render']);
    queue.post({ type: 'render', n: 1 });
    queue.post({ type: 'live', n: 2 });
    queue.post({ type: 'render', n: 3 });
    queue.post({ type: 'live', n: 4 });
    queue.markReady();
    assert.deepEqual(sent, [
      { type: 'live', n: 2 },
      { type: 'render', n: 3 },
      { type: 'live', n: 4 },
    ]);
  });

  it('waits again when the page is rebuilt, dropping what was meant for the old page', () => {
    const sent: Message[] = [];
    const queue = new MessageQueue<Message>((message) => sent.push(message));
    queue.markReady();
    queue.reset();
    assert.equal(queue.isReady, false);
    queue.post({ type: 'live', n: 1 });
    queue.reset();
    queue.post({ type: 'live', n: 2 });
    queue.markReady();
    assert.deepEqual(sent, [{ type: 'live', n: 2 }]);
  });
});
