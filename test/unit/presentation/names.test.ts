import assert from 'node:assert/strict';
import {
  activityTypeName,
  dialogStatusName,
  isSentByParty,
  plainLocalizer,
  systemLabelName,
  transmissionTypeName,
  type Localizer,
} from '../../../src/platform/presentation';

/** Marks every text it translates, so a test sees which words went through the translation. */
const marking: Localizer = { t: (message, ...args) => `«${plainLocalizer.t(message, ...args)}»` };

describe("presentation core: names of the API's values", () => {
  it('names every dialog status, translated', () => {
    const names = ['NotApplicable', 'InProgress', 'Draft', 'Awaiting', 'RequiresAttention', 'Completed'].map((s) =>
      dialogStatusName(s, plainLocalizer),
    );
    assert.deepEqual(names, ['No status', 'In progress', 'Draft', 'Awaiting', 'Requires attention', 'Completed']);
    assert.equal(dialogStatusName('RequiresAttention', marking), '«Requires attention»');
  });

  it('names every transmission type, translated, and knows which ones the party sends', () => {
    const types = [
      'Information',
      'Acceptance',
      'Rejection',
      'Request',
      'Alert',
      'Decision',
      'Submission',
      'Correction',
    ];
    assert.deepEqual(
      types.map((type) => transmissionTypeName(type, marking)),
      types.map((type) => `«${type}»`),
    );
    assert.deepEqual(types.filter(isSentByParty), ['Submission', 'Correction']);
  });

  it('names activity types and system labels in words rather than enum text', () => {
    assert.equal(activityTypeName('SentToSendIn', plainLocalizer), 'Sent to submission');
    assert.equal(activityTypeName('CorrespondenceConfirmed', marking), '«Correspondence confirmed»');
    assert.equal(systemLabelName('Default', plainLocalizer), 'Inbox');
    assert.equal(systemLabelName('MarkedAsUnopened', marking), '«Marked as unopened»');
  });

  it('turns values the API adds later into words instead of failing', () => {
    assert.equal(dialogStatusName('OnHoldForReview', marking), 'On hold for review');
    assert.equal(transmissionTypeName('SomethingNew', plainLocalizer), 'Something new');
    assert.equal(activityTypeName('DialogTransferred', plainLocalizer), 'Dialog transferred');
    assert.equal(systemLabelName('Pinned', plainLocalizer), 'Pinned');
  });

  it('fills placeholders in English, leaving one without an argument as it is', () => {
    assert.equal(plainLocalizer.t('{0} ({1}/{2})', 'Draft', 3, 11), 'Draft (3/11)');
    assert.equal(plainLocalizer.t('no {3} here', 'a'), 'no {3} here');
  });
});
