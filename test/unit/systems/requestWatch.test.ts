import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { RequestWatch } from '../../../src/vscode/systems/requestWatch';

const backoff = { firstMs: 1000, factor: 2, maxMs: 5000 };

describe('Systems view: following system-user requests', () => {
  it('announces a change away from New once, however often it is seen again', () => {
    const watch = new RequestWatch(backoff);
    assert.deepEqual(watch.observe([{ id: 'a', status: 'New' }]), []);
    assert.deepEqual(watch.observe([{ id: 'a', status: 'Accepted' }]), [{ id: 'a', from: 'New', to: 'Accepted' }]);
    assert.deepEqual(watch.observe([{ id: 'a', status: 'Accepted' }]), []);
  });

  it('does not announce requests first seen already answered, and reports each of several changes', () => {
    const watch = new RequestWatch(backoff);
    watch.observe([
      { id: 'old', status: 'Rejected' },
      { id: 'b', status: 'New' },
      { id: 'c', status: 'New' },
    ]);
    const changes = watch.observe([
      { id: 'old', status: 'Rejected' },
      { id: 'b', status: 'Timedout' },
      { id: 'c', status: 'Rejected' },
    ]);
    assert.deepEqual(
      changes.map((c) => `${c.id}:${c.to}`),
      ['b:Timedout', 'c:Rejected'],
    );
  });

  it('backs off while nothing changes, starts over on news, and stops when nothing is pending', () => {
    const watch = new RequestWatch(backoff);
    watch.observe([{ id: 'a', status: 'New' }]);
    assert.equal(watch.nextDelayMs(), 1000);
    const delays = [1, 2, 3, 4, 5].map(() => {
      watch.observe([{ id: 'a', status: 'New' }]);
      return watch.nextDelayMs();
    });
    assert.deepEqual(delays, [1000, 2000, 4000, 5000, 5000]);
    watch.observe([
      { id: 'a', status: 'New' },
      { id: 'n', status: 'New' },
    ]);
    assert.equal(watch.nextDelayMs(), 1000, 'a new pending request resets the delay');
    watch.observe([
      { id: 'a', status: 'Accepted' },
      { id: 'n', status: 'Denied' },
    ]);
    assert.equal(watch.nextDelayMs(), undefined);
  });
});
