import assert from 'node:assert/strict';
import { DIALOG_TOKEN_MARGIN_MS, isDialogTokenFresh } from '../../../src/vscode/dialogDetails/dialogToken';

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenExpiringAt = (ms: number): string =>
  `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part({ i: 'dialog', exp: Math.floor(ms / 1000) })}.c2lnbmF0dXJl`;

describe('dialog details: when a dialog token is fresh enough to use', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);

  it('uses a token that outlives the margin the event stream needs (it renews 60 s before expiry)', () => {
    assert.ok(DIALOG_TOKEN_MARGIN_MS > 60_000, "more than the stream's renewal margin");
    assert.equal(isDialogTokenFresh(tokenExpiringAt(now + 10 * 60_000), now), true, 'a token just handed out (10 min)');
    assert.equal(isDialogTokenFresh(tokenExpiringAt(now + DIALOG_TOKEN_MARGIN_MS + 1_000), now), true);
  });

  it('fetches again for a token that expires within the margin, has expired, or cannot be read', () => {
    assert.equal(isDialogTokenFresh(tokenExpiringAt(now + DIALOG_TOKEN_MARGIN_MS - 1_000), now), false);
    assert.equal(isDialogTokenFresh(tokenExpiringAt(now + 60_000), now), false, 'what the stream would renew at once');
    assert.equal(isDialogTokenFresh(tokenExpiringAt(now - 1_000), now), false);
    assert.equal(isDialogTokenFresh('removed-from-the-saved-copy', now), false);
    assert.equal(isDialogTokenFresh(undefined, now), false);
    assert.equal(isDialogTokenFresh(null, now), false);
  });
});
