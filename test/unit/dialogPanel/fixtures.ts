import { parseDialogportenPayload, type Dialog } from '../../../src/platform/dialogporten/schemas';
import { plainLocalizer } from '../../../src/platform/presentation';
import type { DialogViewInput } from '../../../src/vscode/dialogPanel/dialogView';
import { redactJsonTokens } from '../../../src/vscode/payloads/rawJson';

type Json = Record<string, unknown>;

export const DIALOG_ID = '0194f3a2-7c1e-7b2a-9d3e-1a2b3c4d5e6f';
export const TX_SUBMISSION = '0194f3a2-7c1e-7b2a-9d3e-00000000a001';
export const TX_ACCEPTANCE = '0194f3a2-7c1e-7b2a-9d3e-00000000a002';
export const TX_HIDDEN = '0194f3a2-7c1e-7b2a-9d3e-00000000a003';
export const ACTION_PRIMARY = '0194f3a2-7c1e-7b2a-9d3e-00000000b001';
export const ACTION_TERTIARY = '0194f3a2-7c1e-7b2a-9d3e-00000000b002';
export const ACTION_DELETE = '0194f3a2-7c1e-7b2a-9d3e-00000000b003';
export const ACTION_FORBIDDEN = '0194f3a2-7c1e-7b2a-9d3e-00000000b004';
export const ATTACHMENT = '0194f3a2-7c1e-7b2a-9d3e-00000000c001';
export const MAIN_FCE_NB = 'https://service.example/fce/main/nb';
export const TX_FCE_NB = 'https://service.example/fce/tx/nb';

const loc = (nb: string, en?: string, nn?: string): Json[] => [
  { value: nb, languageCode: 'nb' },
  ...(nn !== undefined ? [{ value: nn, languageCode: 'nn' }] : []),
  ...(en !== undefined ? [{ value: en, languageCode: 'en' }] : []),
];
const text = (nb: string, en?: string, mediaType = 'text/plain', nn?: string): Json => ({
  value: loc(nb, en, nn),
  mediaType,
});

/** A Dialog as GET /api/v1/enduser/dialogs/{id} returns it, with every section filled in. */
export function dialogJson(): Json {
  return {
    id: DIALOG_ID,
    party: 'urn:altinn:organization:identifier-no:313367002',
    org: 'skd',
    serviceResource: 'urn:altinn:resource:skd-mva-melding',
    serviceResourceType: 'GenericAccessResource',
    progress: 40,
    process: 'urn:no:skd:mva:2026-3',
    extendedStatus: 'SKD-VENTER',
    externalReference: 'mva-2026-3',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-10T09:30:00.000Z',
    contentUpdatedAt: '2026-03-10T09:30:00.000Z',
    dueAt: '2026-04-10T22:00:00.000Z',
    expiresAt: null,
    status: 'RequiresAttention',
    revision: '8d3c1a52-1f2e-4b3c-9d4e-5f6a7b8c9d0e',
    isApiOnly: false,
    isContentSeen: true,
    endUserContext: { revision: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', systemLabels: ['Archive'] },
    dialogToken: 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJpIjoiMDE5NCIsImV4cCI6MTk5OTk5OTk5OX0.c2lnbmF0dXJl',
    content: {
      title: text(
        'Mva-melding for 3. termin',
        'VAT return for term 3',
        'text/plain',
        'Mva-melding for 3. termin (nynorsk)',
      ),
      summary: text(
        'Skatteetaten har **ikke** mottatt meldingen.',
        'The Tax Administration has not received the return.',
      ),
      senderName: text('Skatteetaten'),
      additionalInfo: text(
        'Les mer om **frister** i [veiledningen](https://www.skatteetaten.no/mva).\n\n| Termin | Frist |\n|---|---|\n| 3 | 10. april |',
        'Read about **deadlines** in [the guide](https://www.skatteetaten.no/en/vat).',
        'text/markdown',
      ),
      extendedStatus: text('Venter på deg', 'Waiting for you'),
      mainContentReference: {
        value: [
          { value: MAIN_FCE_NB, languageCode: 'nb' },
          { value: 'https://service.example/fce/main/en', languageCode: 'en' },
        ],
        mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
        isAuthorized: true,
      },
    },
    attachments: [
      {
        id: ATTACHMENT,
        displayName: loc('Kvittering', 'Receipt'),
        name: 'kvittering.pdf',
        expiresAt: null,
        urls: [
          {
            id: '0194f3a2-7c1e-7b2a-9d3e-00000000c101',
            url: 'https://service.example/att/1',
            mediaType: 'application/pdf',
            consumerType: 'Gui',
          },
          {
            id: '0194f3a2-7c1e-7b2a-9d3e-00000000c102',
            url: 'https://service.example/att/1?api',
            mediaType: 'application/json',
            consumerType: 'Api',
          },
        ],
      },
    ],
    transmissions: [
      {
        id: TX_SUBMISSION,
        createdAt: '2026-03-05T10:00:00.000Z',
        isAuthorized: true,
        type: 'Submission',
        relatedTransmissionId: null,
        sender: {
          actorType: 'PartyRepresentative',
          actorId: 'urn:altinn:person:identifier-no:18886600700',
          actorName: 'Ola Johansen',
        },
        content: {
          title: text('Innsending', 'Submission'),
          summary: text('Vi sender inn meldingen.', 'We submit the return.'),
        },
        attachments: [],
        navigationalActions: [{ title: loc('Se kvittering', 'See receipt'), url: 'https://service.example/receipt' }],
        isOpened: true,
      },
      {
        id: TX_ACCEPTANCE,
        createdAt: '2026-03-06T10:00:00.000Z',
        isAuthorized: true,
        type: 'Acceptance',
        relatedTransmissionId: TX_SUBMISSION,
        sender: { actorType: 'ServiceOwner' },
        content: {
          title: text('Innsendingen er godkjent', 'The submission was accepted'),
          contentReference: {
            value: [{ value: TX_FCE_NB, languageCode: 'nb' }],
            mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
          },
        },
        attachments: [
          {
            id: '0194f3a2-7c1e-7b2a-9d3e-00000000c002',
            displayName: loc('Vedtak'),
            name: 'vedtak.pdf',
            urls: [{ url: 'urn:dialogporten:unauthorized', mediaType: 'application/pdf', consumerType: 'Gui' }],
          },
        ],
        isOpened: false,
      },
      {
        id: TX_HIDDEN,
        createdAt: '2026-03-07T10:00:00.000Z',
        isAuthorized: false,
        authorizationAttribute: 'urn:altinn:subresource:confidential',
        type: 'Decision',
        relatedTransmissionId: null,
        sender: { actorType: 'ServiceOwner' },
        content: {
          title: text('Vedtak'),
          contentReference: {
            value: [{ value: 'urn:dialogporten:unauthorized', languageCode: 'nb' }],
            mediaType: 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown',
            isAuthorized: false,
          },
        },
        attachments: [],
        isOpened: false,
      },
    ],
    guiActions: [
      {
        id: ACTION_TERTIARY,
        action: 'read',
        url: 'https://service.example/help',
        isAuthorized: true,
        isDeleteDialogAction: false,
        priority: 'Tertiary',
        httpMethod: 'GET',
        title: loc('Hjelp', 'Help'),
      },
      {
        id: ACTION_PRIMARY,
        action: 'write',
        url: 'https://service.example/sign',
        isAuthorized: true,
        isDeleteDialogAction: false,
        priority: 'Primary',
        httpMethod: 'POST',
        title: loc('Signer', 'Sign'),
        prompt: loc('Vil du signere?', 'Do you want to sign?'),
      },
      {
        id: ACTION_DELETE,
        action: 'delete',
        url: 'https://service.example/delete',
        isAuthorized: true,
        isDeleteDialogAction: true,
        priority: 'Secondary',
        httpMethod: 'DELETE',
        title: loc('Slett', 'Delete'),
      },
      {
        id: ACTION_FORBIDDEN,
        action: 'sign',
        url: 'urn:dialogporten:unauthorized',
        isAuthorized: false,
        isDeleteDialogAction: false,
        priority: 'Secondary',
        httpMethod: 'POST',
        title: loc('Godkjenn', 'Approve'),
        authorizationAttribute: 'urn:altinn:subresource:approve',
      },
    ],
    apiActions: [
      {
        id: '0194f3a2-7c1e-7b2a-9d3e-00000000d001',
        action: 'submit',
        name: 'Send inn mva-melding',
        isAuthorized: true,
        endpoints: [
          {
            id: '0194f3a2-7c1e-7b2a-9d3e-00000000d101',
            version: 'v2',
            url: 'https://api.example/mva/submit',
            httpMethod: 'POST',
            documentationUrl: 'https://docs.example/mva',
            deprecated: true,
            sunsetAt: '2027-01-01T00:00:00.000Z',
          },
        ],
      },
    ],
    activities: [
      {
        id: '0194f3a2-7c1e-7b2a-9d3e-00000000e001',
        createdAt: '2026-03-01T08:00:00.000Z',
        type: 'DialogCreated',
        performedBy: { actorType: 'ServiceOwner' },
      },
      {
        id: '0194f3a2-7c1e-7b2a-9d3e-00000000e002',
        createdAt: '2026-03-06T10:00:00.000Z',
        type: 'Information',
        performedBy: { actorType: 'ServiceOwner', actorName: 'Saksbehandler' },
        description: loc('Vi har behandlet saken', 'We processed the case'),
        transmissionId: TX_ACCEPTANCE,
      },
    ],
    seenSinceLastContentUpdate: [
      {
        id: '0194f3a2-7c1e-7b2a-9d3e-00000000f001',
        seenAt: '2026-03-10T10:00:00.000Z',
        seenBy: {
          actorType: 'PartyRepresentative',
          actorId: 'urn:altinn:person:identifier-ephemeral:abc123',
          actorName: 'Kari Nordmann',
        },
        isCurrentEndUser: false,
      },
      {
        id: '0194f3a2-7c1e-7b2a-9d3e-00000000f002',
        seenAt: '2026-03-10T11:00:00.000Z',
        seenBy: { actorType: 'PartyRepresentative', actorName: 'Systembruker' },
        isCurrentEndUser: true,
      },
    ],
  };
}

export function parseDialog(json: Json): Dialog {
  return parseDialogportenPayload('dialog', json);
}

/** vscode.l10n's formatting without VS Code: English with `{0}` placeholders filled. */
export const l10n = plainLocalizer;

export function viewInput(dialog: Dialog, overrides: Partial<DialogViewInput> = {}): DialogViewInput {
  return {
    dialog,
    // As the panel does it: the exact JSON with JWT-shaped values (the dialog token) replaced.
    rawJson: JSON.stringify(redactJsonTokens(dialog), null, 2),
    rawBytes: 1234,
    language: 'nb',
    locale: 'en-GB',
    embeds: new Map(),
    allowRemoteImages: false,
    environment: { id: 'tt02', label: 'tt02 (test)', isProduction: false, hasInbox: true },
    source: 'api',
    live: { state: 'live', text: 'Live updates on' },
    notices: [],
    actionResults: new Map(),
    fetchedAt: '2026-03-10T12:00:00.000Z',
    now: new Date('2026-03-11T12:00:00.000Z'),
    ...overrides,
  };
}
