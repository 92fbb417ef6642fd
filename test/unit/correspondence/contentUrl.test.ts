import assert from 'node:assert/strict';
import { correspondenceContentId } from '../../../src/platform/correspondence';

describe('correspondenceContentId: which embed addresses are Altinn Correspondence content (fetching marks the message read)', () => {
  it('recognises the content address on any host, and nothing else', () => {
    const id = '0198c1f2-3a4b-7c5d-8e6f-0123456789ab';
    assert.equal(
      correspondenceContentId(`https://platform.tt02.altinn.no/correspondence/api/v1/correspondence/${id}/content`),
      id,
    );
    assert.equal(
      correspondenceContentId(`http://127.0.0.1:5173/correspondence/api/v1/correspondence/${id.toUpperCase()}/content`),
      id,
    );
    assert.equal(
      correspondenceContentId(`https://platform.altinn.no/correspondence/api/v1/correspondence/${id}/content?x=1`),
      id,
    );
    assert.equal(
      correspondenceContentId(`https://platform.tt02.altinn.no/correspondence/api/v1/correspondence/${id}`),
      undefined,
      'the overview is not an embed',
    );
    assert.equal(
      correspondenceContentId(`https://platform.tt02.altinn.no/correspondence/api/v1/correspondence/${id}/details`),
      undefined,
    );
    assert.equal(correspondenceContentId('https://service.example/fce/main/nb'), undefined);
    assert.equal(correspondenceContentId('not a url'), undefined);
  });
});
