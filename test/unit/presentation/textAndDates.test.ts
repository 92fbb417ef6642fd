import assert from 'node:assert/strict';
import {
  clip,
  dateTime,
  localizedPlain,
  localizedText,
  longDate,
  MAX_INLINE_CHARS,
  serviceOwnerName,
} from '../../../src/platform/presentation';

describe('presentation core: text and dates', () => {
  const title = {
    value: [
      { value: 'Melding', languageCode: 'nb' },
      { value: 'Message', languageCode: 'en' },
    ],
    mediaType: 'text/plain',
  };

  it('picks the preferred language, else nb → nn → en, as one plain line', () => {
    assert.equal(localizedText(title, ['en']), 'Message');
    assert.equal(localizedText(title, ['se']), 'Melding');
    assert.equal(
      localizedText({ value: [{ value: '**Viktig**\n\nmelding', languageCode: 'nb' }], mediaType: 'text/markdown' }),
      'Viktig melding',
    );
    assert.equal(localizedPlain([{ value: '  a\n b ', languageCode: 'nn' }]), 'a b');
    assert.equal(localizedText({ value: [{ value: '   ', languageCode: 'nb' }], mediaType: 'text/plain' }), undefined);
    assert.equal(localizedText(undefined), undefined);
  });

  it('cuts a hostile long value before it is parsed', () => {
    const text = localizedText({
      value: [{ value: 'x'.repeat(MAX_INLINE_CHARS * 10), languageCode: 'nb' }],
      mediaType: 'text/plain',
    });
    assert.equal(text?.length, MAX_INLINE_CHARS);
    assert.ok(text?.endsWith('…'));
    assert.equal(clip('abcdef', 4), 'abc…');
    assert.equal(clip('abc', 4), 'abc');
  });

  it('formats date and time in the locale, keeps unreadable values, and survives a locale Intl rejects', () => {
    assert.equal(dateTime('2025-03-14T13:22:00Z', 'en-GB').includes('2025'), true);
    assert.equal(dateTime('not a date'), 'not a date');
    assert.equal(dateTime('2025-03-14T13:22:00Z', 'not_a_locale!!'), '2025-03-14T13:22:00.000Z');
    assert.match(longDate('2025-03-14T13:22:00Z'), /2025.*\(2025-03-14T13:22:00Z\)$/);
    assert.equal(longDate(undefined), '—');
  });

  it('names known service owners and shows the code of others', () => {
    assert.equal(serviceOwnerName('SKD'), 'Skatteetaten');
    assert.equal(serviceOwnerName('xyz'), 'XYZ');
  });
});
