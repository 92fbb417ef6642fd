import assert from 'node:assert/strict';
import type { DialogListItem } from '../../../src/platform/dialogporten/schemas/dialogListItem';
import { adviseOnError } from '../../../src/vscode/shared/errorAdvice';
import { correspondenceIdsIn, dialogIdsOf } from '../../../src/vscode/inbox/correspondenceRefs';
import { ApiError, NetworkError } from '../../../src/platform/errors';
import { DialogRevisionConflictError } from '../../../src/platform/dialogporten';
import { humanize, shortDate } from '../../../src/platform/presentation';
import { presentCorrespondence } from '../../../src/vscode/inbox/correspondencePresentation';
import {
  attachmentState,
  dialogTooltip,
  isDialogUnread,
  presentActivity,
  presentDialog,
  presentLabelAssignment,
  presentTransmission,
} from '../../../src/vscode/inbox/dialogPresentation';
import { escapeMarkdown } from '../../../src/vscode/shared/markdownText';

const NOW = new Date('2025-06-15T12:00:00Z');

function dialog(overrides: Partial<DialogListItem> = {}): DialogListItem {
  return {
    id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d',
    party: 'urn:altinn:person:identifier-no:01010112345',
    org: 'skd',
    serviceResource: 'urn:altinn:resource:skd-mva-melding',
    createdAt: '2025-06-01T08:00:00Z',
    updatedAt: '2025-06-15T09:30:00Z',
    contentUpdatedAt: '2025-06-15T09:30:00Z',
    status: 'RequiresAttention',
    isContentSeen: false,
    endUserContext: { revision: '3b2c0e4e-4c3a-4c6c-9e3b-3c7d3b2a1f00', systemLabels: ['Default'] },
    content: {
      title: {
        value: [
          { value: 'Skattemelding 2024', languageCode: 'nb' },
          { value: 'Tax return 2024', languageCode: 'en' },
        ],
        mediaType: 'text/plain',
      },
    },
    ...overrides,
  } as DialogListItem;
}

describe('inbox presentation', () => {
  it("shows a dialog's title in the preferred language, sender and date, and marks it unread", () => {
    const p = presentDialog(dialog(), { now: NOW, locale: 'en-GB' });
    assert.equal(p.label, 'Skattemelding 2024');
    assert.match(p.description, /^● Skatteetaten · \d\d:\d\d$/);
    assert.equal(p.emphasize, true);
    assert.deepEqual({ id: p.icon.id }, { id: 'warning' });
    assert.match(p.contextValue, /\bdialog\b/);
    assert.match(p.contextValue, /\bunread\b/);
    assert.match(p.contextValue, /\blabel-Default\b/);
    assert.equal(presentDialog(dialog(), { languages: ['en'], now: NOW }).label, 'Tax return 2024');
  });

  it('uses the labels for the icon and the actions offered, and reads unread from either API version', () => {
    const archived = presentDialog(
      dialog({
        isContentSeen: true,
        endUserContext: { revision: '3b2c0e4e-4c3a-4c6c-9e3b-3c7d3b2a1f00', systemLabels: ['Archive'] },
      }),
      { now: NOW },
    );
    assert.equal(archived.icon.id, 'archive');
    assert.match(archived.contextValue, /\brestorable\b/);
    assert.match(archived.contextValue, /\bread\b/);
    assert.doesNotMatch(archived.contextValue, /\bunread\b/);
    assert.match(archived.description, /archived$/);
    assert.equal(
      isDialogUnread(
        dialog({
          isContentSeen: true,
          endUserContext: {
            revision: '3b2c0e4e-4c3a-4c6c-9e3b-3c7d3b2a1f00',
            systemLabels: ['Default', 'MarkedAsUnopened'],
          },
        }),
      ),
      true,
    );
    const feb2025 = dialog({
      isContentSeen: undefined,
      endUserContext: undefined,
      systemLabel: 'Bin',
      seenSinceLastUpdate: [
        {
          id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c70',
          seenAt: '2025-06-15T10:00:00Z',
          seenBy: { actorName: 'Kari' },
          isCurrentEndUser: true,
        },
      ],
    });
    assert.equal(isDialogUnread(feb2025), false);
    assert.equal(presentDialog(feb2025).icon.id, 'trash');
  });

  it('keeps service-owner text inert in tooltips', () => {
    const hostile = dialog({
      content: {
        title: {
          value: [{ value: '[click](javascript:alert(1)) <img src=x onerror=alert(1)>', languageCode: 'nb' }],
          mediaType: 'text/plain',
        },
      },
    });
    const tooltip = dialogTooltip(hostile, { now: NOW });
    assert.ok(!tooltip.includes('[click](javascript'), 'no live Markdown link');
    assert.ok(!/(^|[^\\])<img/.test(tooltip), 'every < is escaped: no raw HTML');
    assert.match(tooltip, /marks it as seen/);
    assert.equal(escapeMarkdown('a*b_[c](d)'), 'a\\*b\\_\\[c\\]\\(d\\)');
    const markdownTitle = presentDialog(
      dialog({
        content: {
          title: { value: [{ value: '**Viktig** melding', languageCode: 'nb' }], mediaType: 'text/markdown' },
        },
      }),
    );
    assert.equal(markdownTitle.label, 'Viktig melding');
  });

  it('describes transmissions by type, direction and authorization', () => {
    const base = {
      id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c71',
      createdAt: '2025-06-10T10:00:00Z',
      sender: { actorType: 'ServiceOwner' as const, actorName: 'Skatteetaten' },
      content: { title: { value: [{ value: 'Vedtak', languageCode: 'nb' }], mediaType: 'text/plain' } },
    };
    const decision = presentTransmission({ ...base, type: 'Decision' }, { now: NOW });
    assert.equal(decision.label, 'Vedtak');
    assert.match(decision.description, /^Decision · Skatteetaten · /);
    assert.match(decision.contextValue, /\breceived\b/);
    const locked = presentTransmission({ ...base, type: 'Submission', isAuthorized: false }, { now: NOW });
    assert.equal(locked.icon.id, 'lock');
    assert.match(locked.contextValue, /\bsent\b.*\bunauthorized\b/);
  });

  it('names statuses, transmission types, activities and labels in translated words, as the dialog panel does', () => {
    const marking = {
      t: (message: string, ...args: (string | number | boolean)[]) =>
        `«${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}»`,
    };
    assert.match(dialogTooltip(dialog({ status: 'NotApplicable' }), { now: NOW }), /\| Status \| No status \|/);
    assert.match(dialogTooltip(dialog(), { now: NOW, l10n: marking }), /«Requires attention»/);
    const base = {
      id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c73',
      createdAt: '2025-06-10T10:00:00Z',
      sender: { actorType: 'PartyRepresentative' as const },
      content: { title: { value: [], mediaType: 'text/plain' } },
    };
    const untitled = presentTransmission({ ...base, type: 'Correction' }, { now: NOW, l10n: marking });
    assert.match(untitled.description, /^«Correction» · /);
    assert.equal(untitled.label, '«(«Correction» without title)»');
    const activity = presentActivity(
      {
        id: '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c74',
        createdAt: '2025-06-10T10:00:00Z',
        type: 'SentToSendIn',
        performedBy: { actorType: 'ServiceOwner' },
      } as Parameters<typeof presentActivity>[0],
      { now: NOW },
    );
    assert.equal(activity.label, 'Sent to submission');
    const label = presentLabelAssignment(
      {
        name: 'systemlabel:Default',
        action: 'set',
        createdAt: '2025-06-10T10:00:00Z',
        performedBy: { actorName: 'Kari' },
      } as Parameters<typeof presentLabelAssignment>[0],
      { now: NOW },
    );
    assert.equal(label.label, 'Inbox set');
  });

  it('knows which attachments can be downloaded', () => {
    const id = '0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c72';
    assert.equal(attachmentState({ id, urls: [{ url: 'https://x.example/a.pdf', consumerType: 'Gui' }] }, NOW), 'ok');
    assert.equal(attachmentState({ id, urls: [{ url: 'urn:dialogporten:unauthorized' }] }, NOW), 'unauthorized');
    assert.equal(
      attachmentState({ id, urls: [{ url: 'https://x.example/a.pdf' }], expiresAt: '2025-01-01T00:00:00Z' }, NOW),
      'expired',
    );
  });

  it('offers confirm only while confirmation is needed and not given', () => {
    const overview = {
      correspondenceId: 'c',
      resourceId: 'skd-skattemelding',
      sendersReference: 'r',
      recipient: null,
      created: '2025-06-01T00:00:00Z',
      isConfirmationNeeded: true,
      status: 'Fetched',
      content: { language: 'nb', messageTitle: 'Vedtak', messageBody: null, attachments: null },
    };
    const pending = presentCorrespondence(overview, { now: NOW });
    assert.match(pending.contextValue, /\bcanConfirm\b/);
    assert.match(pending.contextValue, /\bcanMarkRead\b/);
    assert.match(pending.description, /confirmation needed/);
    const confirmed = presentCorrespondence({ ...overview, status: 'Confirmed' }, { now: NOW });
    assert.doesNotMatch(confirmed.contextValue, /\bcanConfirm\b/);
    assert.equal(confirmed.icon.id, 'verified');
  });

  it('formats dates relative to today and humanizes enum names', () => {
    assert.match(shortDate('2025-06-15T09:30:00Z', { now: NOW, locale: 'en-GB' }), /^\d\d:\d\d$/);
    assert.equal(shortDate('2025-03-02T09:30:00Z', { now: NOW, locale: 'en-GB' }), '2 Mar');
    assert.equal(shortDate('2023-03-02T09:30:00Z', { now: NOW, locale: 'en-GB' }), '2 Mar 2023');
    assert.equal(humanize('RequiresAttention'), 'Requires attention');
  });

  it('finds the correspondence behind a dialog and the dialog behind a correspondence', () => {
    const raw = JSON.stringify({
      apiActions: [
        {
          endpoints: [
            {
              url: 'https://platform.tt02.altinn.no/correspondence/api/v1/correspondence/0195F1C2-7F3E-7A6B-9C1D-2E3F4A5B6C7D/markasread',
            },
          ],
        },
      ],
    });
    assert.deepEqual(correspondenceIdsIn(raw), ['0195f1c2-7f3e-7a6b-9c1d-2e3f4a5b6c7d']);
    assert.deepEqual(
      dialogIdsOf({
        externalReferences: [
          { referenceType: 'Generic', referenceValue: 'x' },
          { referenceType: 'DialogportenDialogId', referenceValue: 'd1' },
        ],
      }),
      ['d1'],
    );
  });

  it('turns errors into advice with the right actions', () => {
    const request = { method: 'GET', url: 'https://x/dialogs' };
    const unauthorized = adviseOnError(new ApiError({ status: 401, request }), 'dialogs');
    assert.ok(unauthorized.fixConnection && unauthorized.retry);
    const forbidden = adviseOnError(new ApiError({ status: 403, request }), 'dialogs');
    assert.ok(forbidden.missingScope && forbidden.fixConnection);
    const tooBroad = adviseOnError(new ApiError({ status: 422, request }), 'dialogs');
    assert.ok(tooBroad.editFilter);
    const offline = adviseOnError(new NetworkError(request, 'ECONNREFUSED', 'refused'), 'dialogs');
    assert.ok(offline.retry && !offline.fixConnection);
    assert.equal(offline.title, 'Could not reach the service for dialogs');
    const cutOff = adviseOnError(
      new NetworkError(request, 'UND_ERR_SOCKET', 'cut off', { truncated: true }),
      'transmissions',
    );
    assert.equal(
      cutOff.title,
      'The answer for transmissions was cut off',
      'a truncated answer is not called unreachable',
    );
    assert.ok(cutOff.retry);
    assert.match(adviseOnError(new DialogRevisionConflictError('d', 'r'), 'labels').title, /labels/);
  });
});
