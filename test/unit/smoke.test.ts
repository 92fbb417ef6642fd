import assert from 'node:assert/strict';
import type { EnvironmentId } from '../../src/platform/environments';

describe('unit tier', () => {
  it('loads TypeScript sources under mocha', () => {
    const id: EnvironmentId = 'tt02';
    assert.equal(id, 'tt02');
  });
});
