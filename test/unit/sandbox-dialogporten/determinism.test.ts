import assert from 'node:assert/strict';
import { dialogStoreOf } from '../../../src/sandbox/dialogporten';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { defaultPersonParty, personToken, searchAll } from './dialogportenHttp';

/** The same sandbox, seen from outside: every dialog of every party as the API lists it, plus the full bodies. */
async function snapshot(handle: SandboxHandle): Promise<string> {
  const store = dialogStoreOf(handle.context);
  const token = await personToken(handle);
  const listed = await searchAll(handle, token, `party=${encodeURIComponent(defaultPersonParty(handle))}&limit=1000`);
  const bodies = store.partyUrns().flatMap((party) => store.dialogsOf(party).map((d) => d.body()));
  return JSON.stringify({ listed, bodies }).split(handle.urls.baseUrl).join('<base>');
}

async function startPair(seed: number, otherSeed: number): Promise<[SandboxHandle, SandboxHandle]> {
  // Generated times are placed before the start of the current UTC day; retry if the two straddle midnight.
  for (let attempt = 0; attempt < 3; attempt++) {
    const pair = await Promise.all([
      startSandbox({ seed, dialogs: 60 }),
      startSandbox({ seed: otherSeed, dialogs: 60 }),
    ]);
    const anchors = pair.map((h) => dialogStoreOf(h.context).anchorMs);
    if (anchors[0] === anchors[1]) return pair;
    await Promise.all(pair.map((h) => h.close()));
  }
  throw new Error('could not start two sandboxes on the same day');
}

describe('sandbox Dialogporten: deterministic data', function () {
  this.timeout(30_000);

  it('gives identical JSON for the same seed, and different dialogs for another seed', async () => {
    const [a, b] = await startPair(4242, 4242);
    try {
      const [first, second] = await Promise.all([snapshot(a), snapshot(b)]);
      assert.ok(first.length > 100_000);
      assert.equal(first, second);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const [c, d] = await startPair(4242, 4243);
    try {
      const ids = (h: SandboxHandle): string[] =>
        dialogStoreOf(h.context)
          .partyUrns()
          .flatMap((p) =>
            dialogStoreOf(h.context)
              .dialogsOf(p)
              .map((x) => x.fields.id),
          );
      const shared = ids(c).filter((id) => ids(d).includes(id));
      assert.ok(shared.length < ids(c).length / 10, `${shared.length} of ${ids(c).length} ids are shared`);
    } finally {
      await Promise.all([c.close(), d.close()]);
    }
  });
});
