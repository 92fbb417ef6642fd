import assert from 'node:assert/strict';
import { asDialogportenWrites } from '../../../src/sandbox/dialogporten/apiJson';

// Dialogporten's WebApi serialises with WhenWritingNull and without empty collections (Program.cs, UseFastEndpoints).
describe('sandbox Dialogporten: answers written as its serialiser writes them', () => {
  it('leaves out null properties and empty-array properties at any depth, and keeps everything else', () => {
    assert.deepEqual(
      asDialogportenWrites({
        id: 'd1',
        dueAt: null,
        progress: 0,
        isApiOnly: false,
        title: '',
        seenSinceLastUpdate: [],
        content: { title: { value: [{ value: 'T', languageCode: 'nb' }] }, summary: null, tags: [] },
        activities: [{ type: 'Information', transmissionId: null, description: [] }],
      }),
      {
        id: 'd1',
        progress: 0,
        isApiOnly: false,
        title: '',
        content: { title: { value: [{ value: 'T', languageCode: 'nb' }] } },
        activities: [{ type: 'Information' }],
      },
    );
  });

  it('writes a list answer and the elements of an array as they are, even empty or null', () => {
    assert.deepEqual(asDialogportenWrites([]), []);
    assert.deepEqual(asDialogportenWrites([{ a: null }, null, []]), [{}, null, []]);
  });
});
