import assert from 'node:assert/strict';
import { fitsInMailto, MAILTO_MAX_LENGTH, mailtoUrl } from '../../../src/platform/drafts';

describe('mailtoUrl', () => {
  it('percent-encodes æøå, &, ?, #, = and + in subject and body as UTF-8', () => {
    const url = mailtoUrl({ to: 'servicedesk@altinn.no', subject: 'Blåbær & øl? #1', body: 'a=b+c' });
    assert.equal(url, 'mailto:servicedesk@altinn.no?subject=Bl%C3%A5b%C3%A6r%20%26%20%C3%B8l%3F%20%231&body=a%3Db%2Bc');
  });

  it('writes every kind of line break as CRLF (%0D%0A)', () => {
    const url = mailtoUrl({ to: 'servicedesk@altinn.no', subject: 'S', body: 'one\ntwo\r\nthree\rfour\n\nend' });
    assert.equal(url, 'mailto:servicedesk@altinn.no?subject=S&body=one%0D%0Atwo%0D%0Athree%0D%0Afour%0D%0A%0D%0Aend');
  });

  it('round-trips through URL parsing', () => {
    const draft = {
      to: 'servicedesk@altinn.no',
      subject: 'Forespørsel – «test» & mer',
      body: 'Hei,\n\nÆ Ø Å 100% ?x=1#y\n',
    };
    const parsed = new URL(mailtoUrl(draft));
    assert.equal(parsed.protocol, 'mailto:');
    assert.equal(parsed.pathname, 'servicedesk@altinn.no');
    assert.equal(parsed.searchParams.get('subject'), draft.subject);
    assert.equal(parsed.searchParams.get('body'), draft.body.replace(/\n/g, '\r\n'));
  });

  it('fits a draft only up to MAILTO_MAX_LENGTH (2000) characters of URL', () => {
    assert.equal(MAILTO_MAX_LENGTH, 2000);
    const prefix = mailtoUrl({ to: 'servicedesk@altinn.no', subject: 'S', body: '' }).length;
    const exact = { to: 'servicedesk@altinn.no', subject: 'S', body: 'x'.repeat(MAILTO_MAX_LENGTH - prefix) };
    assert.equal(mailtoUrl(exact).length, MAILTO_MAX_LENGTH);
    assert.equal(fitsInMailto(exact), true);
    assert.equal(fitsInMailto({ ...exact, body: `${exact.body}x` }), false);
    // "ø" takes 6 URL characters (%C3%B8), so the limit is on the encoded length.
    assert.equal(fitsInMailto({ ...exact, body: 'ø'.repeat(400) }), false);
  });
});
