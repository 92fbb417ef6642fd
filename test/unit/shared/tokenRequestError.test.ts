import assert from 'node:assert/strict';
import { ApiError, MaskinportenError, NetworkError, InvalidInputError } from '../../../src/platform/errors';
import { adviseOnError } from '../../../src/vscode/shared/errorAdvice';
import { TokenRequestError, wrapTokenFailure } from '../../../src/vscode/shared/tokenRequestError';

const tokenRequest = { method: 'POST', url: 'https://test.maskinporten.no/token' };
const MASKINPORTEN = 'Maskinporten client 2f1c9a4e-7b3d-4c21-9e55-0a8b6f3d2c11 (tt02) as system user for 310000001';

describe('inbox: failures of the token service are named as such', () => {
  it('says which token service failed and how, and offers Retry and Fix', () => {
    const busy = adviseOnError(
      wrapTokenFailure(new ApiError({ status: 503, retryAfterSeconds: 30, request: tokenRequest }), MASKINPORTEN),
      'the parties',
    );
    assert.equal(busy.title, 'No token for the parties: Maskinporten is busy (503); retry after 30 s');
    assert.deepEqual([busy.retry, busy.fixConnection], [true, true]);
    const down = adviseOnError(
      wrapTokenFailure(
        new NetworkError(tokenRequest, 'ECONNRESET', 'the connection was closed'),
        'Altinn token exchanged from x',
      ),
      'dialogs',
    );
    assert.equal(down.title, 'No token for dialogs: Altinn authentication (token exchange) could not be reached');
    assert.match(
      down.detail,
      /^Could not get a token from Altinn authentication \(token exchange\): POST https:\/\/test\.maskinporten\.no\/token failed/,
    );
    const cut = adviseOnError(
      wrapTokenFailure(
        new NetworkError(tokenRequest, 'UND_ERR_SOCKET', 'cut off', { truncated: true }),
        'Maskinporten client x',
      ),
      'dialogs',
    );
    assert.equal(cut.title, 'No token for dialogs: the answer from Maskinporten was cut off');
    const other = adviseOnError(
      wrapTokenFailure(new ApiError({ status: 500, request: tokenRequest }), 'sandbox person 01010112345'),
      'dialogs',
    );
    assert.equal(other.title, 'No token for dialogs: the sandbox test-token service answered 500');
  });

  it('leaves errors that already explain themselves unwrapped', () => {
    const refused = new MaskinportenError(400, 'invalid_grant', 'MP-303', 'MP-303', {
      summary: 's',
      likelyCause: 'c',
      fix: 'f',
    });
    assert.equal(wrapTokenFailure(refused, MASKINPORTEN), refused);
    const input = new InvalidInputError('token', 'not a JWT');
    assert.equal(wrapTokenFailure(input, 'pasted token'), input);
    assert.ok(!(wrapTokenFailure(new Error('x'), MASKINPORTEN) instanceof TokenRequestError));
  });
});
