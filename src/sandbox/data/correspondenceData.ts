import { createHash } from 'node:crypto';
import { organizationUrn, personUrn } from '../../platform/identifiers';
import { SeededRandom } from '../core/random';
import type { SandboxServiceOwner, SandboxWorld } from '../world/types';
import { generateFile, type FileKind } from './correspondenceFiles';
import { availableLanguages, correspondenceText } from './correspondenceTexts';
import type {
  CorrespondenceStatus,
  SandboxAttachment,
  SandboxCorrespondence,
  SandboxNotificationOrder,
  StatusEvent,
} from './correspondenceTypes';

export interface CorrespondenceDataOptions {
  readonly seed: number;
  /** Generated times are placed before this instant (the sandbox uses the start of the current UTC day). */
  readonly anchorMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RESOURCE_PREFIX = 'urn:altinn:resource:';

interface Lifecycle {
  readonly name: string;
  /** Statuses after Initialized → ReadyForPublish → Published. */
  readonly steps: readonly CorrespondenceStatus[];
  readonly confirmationNeeded?: boolean;
  /** Never published: still waiting for its publish time, or failed. */
  readonly unpublished?: 'scheduled' | 'failed';
}

/** One of each so every party with ≥ 14 items shows the whole recipient lifecycle. */
const LIFECYCLES: readonly Lifecycle[] = [
  { name: 'new', steps: [] },
  { name: 'fetched', steps: ['Fetched'] },
  { name: 'read', steps: ['Fetched', 'Read'] },
  { name: 'confirmation-needed-new', steps: [], confirmationNeeded: true },
  { name: 'awaiting-confirmation', steps: ['Fetched', 'Read'], confirmationNeeded: true },
  { name: 'confirmed', steps: ['Fetched', 'Read', 'Confirmed'], confirmationNeeded: true },
  { name: 'replied', steps: ['Fetched', 'Read', 'Replied'] },
  { name: 'attachments-downloaded', steps: ['Fetched', 'AttachmentsDownloaded'] },
  { name: 'archived', steps: ['Fetched', 'Read', 'Archived'] },
  { name: 'reserved', steps: ['Reserved'] },
  { name: 'purged-by-recipient', steps: ['Fetched', 'Read', 'PurgedByRecipient'] },
  { name: 'purged-by-altinn', steps: ['Fetched', 'PurgedByAltinn'] },
  { name: 'scheduled', steps: [], unpublished: 'scheduled' },
  { name: 'failed', steps: [], unpublished: 'failed' },
];

const PERSON_RESOURCES = [
  'skd-skattemelding',
  'altinn-correspondence-test',
  'digdir-testmelding',
  'nav-inntektsmelding',
];
const FILE_KINDS: readonly FileKind[] = ['pdf', 'txt', 'xml', 'bin'];
const DISPLAY_NAMES: Record<FileKind, string> = {
  pdf: 'Vedtak',
  txt: 'Kvittering',
  xml: 'Innsendte data',
  bin: 'Signert arkivpakke',
};
const REPLY_LINKS: Record<string, { linkURL: string; linkText: string }> = {
  'nav-inntektsmelding': { linkURL: 'https://arbeidsgiver.nav.no/inntektsmelding', linkText: 'Send inntektsmelding' },
  'skd-a-melding': {
    linkURL: 'https://www.skatteetaten.no/bedrift-og-organisasjon/arbeidsgiver/a-meldingen/',
    linkText: 'Rett a-meldingen',
  },
  'skd-skattemelding': {
    linkURL: 'https://www.skatteetaten.no/person/skatt/skattemelding/',
    linkText: 'Åpne skattemeldingen',
  },
};

interface Recipient {
  readonly urn: string;
  readonly name: string;
  readonly isPerson: boolean;
  readonly count: number;
}

/** Builds the same correspondences for the same world, seed and anchor: every status, attachments with real bytes, dialog references. */
export function generateCorrespondences(
  world: SandboxWorld,
  options: CorrespondenceDataOptions,
): SandboxCorrespondence[] {
  const random = new SeededRandom((options.seed ^ 0x5c0ffee5) >>> 0);
  const result: SandboxCorrespondence[] = [];
  recipientsOf(world).forEach((recipient, partyIndex) => {
    for (let i = 0; i < recipient.count; i++) {
      const lifecycle = LIFECYCLES[(i + partyIndex * 3) % LIFECYCLES.length];
      const resources = recipient.isPerson ? PERSON_RESOURCES : allResources(world.serviceOwners);
      const resourceId = resources[(i + partyIndex) % resources.length];
      const owner =
        world.serviceOwners.find((o) => o.resources.includes(`${RESOURCE_PREFIX}${resourceId}`)) ??
        world.serviceOwners[0];
      const createdMs = options.anchorMs - (i + 1) * 1.5 * DAY - random.int(0, 600) * 60_000;
      result.push(
        buildCorrespondence(random, {
          recipient,
          resourceId,
          owner,
          lifecycle,
          createdMs,
          anchorMs: options.anchorMs,
          withAllFileKinds: i % 5 === 0,
        }),
      );
    }
  });
  return result;
}

/** Which dialog each correspondence is linked to (its `DialogportenDialogId` reference), for the Dialogporten emulator. */
export function correspondenceDialogLinks(
  correspondences: readonly SandboxCorrespondence[],
): { correspondenceId: string; dialogId: string; recipient: string; resourceId: string; openedAtMs?: number }[] {
  return correspondences.flatMap((c) => {
    const read = c.statusHistory.find((e) => e.status === 'Read');
    return c.externalReferences
      .filter((r) => r.referenceType === 'DialogportenDialogId')
      .map((r) => ({
        correspondenceId: c.correspondenceId,
        dialogId: r.referenceValue,
        recipient: c.recipient,
        resourceId: c.resourceId,
        openedAtMs: read ? Date.parse(read.statusChanged) : undefined,
      }));
  });
}

function recipientsOf(world: SandboxWorld): Recipient[] {
  const persons = world.persons.map((p) => ({
    urn: personUrn(p.nationalIdentityNumber),
    name: p.name,
    isPerson: true,
    count: p === world.defaultPerson ? LIFECYCLES.length : 4,
  }));
  // An accounting firm's thousands of clients (the `clients` option) get one correspondence each.
  const clients = new Set(world.accountingFirm?.clientOrganisations ?? []);
  const organisations = world.organisations.map((o) => ({
    urn: organizationUrn(o.organisationNumber),
    name: o.name,
    isPerson: false,
    count: clients.has(o.organisationNumber) ? 1 : o.isDeleted ? 3 : 10,
  }));
  return [...persons, ...organisations];
}

function allResources(owners: readonly SandboxServiceOwner[]): string[] {
  return owners.flatMap((o) => o.resources.map((r) => r.slice(RESOURCE_PREFIX.length)));
}

interface BuildInput {
  readonly recipient: Recipient;
  readonly resourceId: string;
  readonly owner: SandboxServiceOwner;
  readonly lifecycle: Lifecycle;
  readonly createdMs: number;
  readonly anchorMs: number;
  readonly withAllFileKinds: boolean;
}

function buildCorrespondence(random: SeededRandom, input: BuildInput): SandboxCorrespondence {
  const { recipient, resourceId, owner, lifecycle, createdMs } = input;
  const correspondenceId = random.uuid();
  const year = new Date(createdMs).getUTCFullYear() - 1;
  const caseNumber = `${year + 1}/${random.int(10_000, 99_999)}`;
  const language = random.pick(availableLanguages(resourceId));
  const text = correspondenceText(resourceId, language, {
    year,
    caseNumber,
    recipientName: recipient.name,
    amount: groupThousands(random.int(1_200, 98_000)),
    period: bimonthlyTerm(year + 1, random.int(0, 5)),
  });
  const publishMs =
    lifecycle.unpublished === 'scheduled' ? input.anchorMs + 3 * DAY + random.int(0, 23) * HOUR : createdMs + 60_000;
  const published = lifecycle.unpublished ? null : iso(publishMs);
  const statusHistory = historyFor(lifecycle, createdMs, publishMs, random);
  const fileKinds = input.withAllFileKinds ? FILE_KINDS : FILE_KINDS.filter(() => random.chance(0.3));
  const attachments = fileKinds.map((kind, index) =>
    buildAttachment(random, kind, index, {
      baseName: `${resourceId}-${caseNumber.replace('/', '-')}`,
      lines: [
        text.title,
        `Mottaker: ${recipient.name}`,
        `Saksnummer: ${caseNumber}`,
        `Dato: ${iso(createdMs).slice(0, 10)}`,
      ],
      createdMs: createdMs - 5 * 60_000,
      purged: lifecycle.name === 'purged-by-altinn',
      correspondenceId,
    }),
  );
  const dueDateTime =
    lifecycle.confirmationNeeded || random.chance(0.3) ? iso(createdMs + random.int(14, 30) * DAY) : null;
  const externalReferences = [
    ...(published
      ? [{ referenceType: 'DialogportenDialogId' as const, referenceValue: random.uuidV7(createdMs + 90_000) }]
      : []),
    ...(random.chance(0.5) ? [{ referenceType: 'Generic' as const, referenceValue: caseNumber }] : []),
  ];
  return {
    correspondenceId,
    resourceId,
    sender: organizationUrn(owner.organisationNumber),
    senderOrganisationNumber: owner.organisationNumber,
    senderCode: owner.code,
    messageSender: random.chance(0.3)
      ? `${owner.name.nb} – ${random.pick(['Kundesenter', 'Kontroll', 'Innkreving'])}`
      : '',
    sendersReference: `${owner.code}-${caseNumber.replace('/', '-')}`,
    recipient: recipient.urn,
    language,
    messageTitle: text.title,
    messageSummary: text.summary,
    messageBody: text.body,
    attachments,
    requestedPublishTime: iso(publishMs),
    published,
    allowSystemDeleteAfter: iso(createdMs + 365 * DAY),
    dueDateTime,
    externalReferences,
    propertyList: random.chance(0.4) ? { saksnummer: caseNumber, kilde: 'sandbox' } : {},
    replyOptions: REPLY_LINKS[resourceId] && random.chance(0.7) ? [REPLY_LINKS[resourceId]] : [],
    notifications: lifecycle.unpublished
      ? []
      : notificationsFor(random, recipient, publishMs, !!lifecycle.confirmationNeeded),
    ignoreReservation: random.chance(0.2),
    isConfirmationNeeded: !!lifecycle.confirmationNeeded,
    isConfidential: random.chance(0.15),
    created: iso(createdMs),
    altinn2CorrespondenceId: lifecycle.name === 'archived' ? random.int(1_000_000, 9_999_999) : null,
    statusHistory,
  };
}

function historyFor(lifecycle: Lifecycle, createdMs: number, publishMs: number, random: SeededRandom): StatusEvent[] {
  const events: StatusEvent[] = [event('Initialized', createdMs)];
  if (lifecycle.unpublished === 'failed') return [...events, event('Failed', createdMs + 30_000)];
  events.push(event('ReadyForPublish', createdMs + 20_000));
  if (lifecycle.unpublished === 'scheduled') return events;
  events.push(event('Published', publishMs));
  let at = publishMs;
  for (const status of lifecycle.steps) {
    at += random.int(5, 600) * 60_000;
    events.push(event(status, at));
  }
  return events;
}

function event(status: CorrespondenceStatus, atMs: number): StatusEvent {
  return { status, statusText: status, statusChanged: iso(atMs) };
}

interface AttachmentInput {
  readonly baseName: string;
  readonly lines: readonly string[];
  readonly createdMs: number;
  readonly purged: boolean;
  readonly correspondenceId: string;
}

function buildAttachment(
  random: SeededRandom,
  kind: FileKind,
  index: number,
  input: AttachmentInput,
): SandboxAttachment {
  const file = generateFile(kind, `${input.baseName}-${index + 1}`, input.lines, random);
  return {
    id: random.uuid(),
    fileName: file.fileName,
    displayName: DISPLAY_NAMES[kind],
    dataType: file.dataType,
    sendersReference: `vedlegg-${index + 1}`,
    checksum: createHash('md5').update(file.bytes).digest('hex'),
    created: iso(input.createdMs),
    status: input.purged ? 'Purged' : 'Published',
    statusChanged: iso(input.createdMs + (input.purged ? 30 * DAY : 45_000)),
    expirationTime: iso(input.createdMs + 365 * DAY),
    bytes: file.bytes,
  };
}

function notificationsFor(
  random: SeededRandom,
  recipient: Recipient,
  publishMs: number,
  withReminder: boolean,
): SandboxNotificationOrder[] {
  if (!random.chance(0.7) && !withReminder) return [];
  const contact = recipient.isPerson
    ? { channel: 'Sms' as const, mobileNumber: `+4740${String(random.int(0, 999_999)).padStart(6, '0')}` }
    : { channel: 'Email' as const, emailAddress: `postmottak+${recipient.urn.slice(-9)}@example.no` };
  const orders: SandboxNotificationOrder[] = [
    {
      notificationOrderId: random.uuid(),
      isReminder: false,
      requestedSendTime: iso(publishMs + 5 * 60_000),
      created: iso(publishMs),
      ...contact,
    },
  ];
  if (withReminder) {
    orders.push({
      notificationOrderId: random.uuid(),
      isReminder: true,
      requestedSendTime: iso(publishMs + 7 * DAY),
      created: iso(publishMs),
      ...contact,
    });
  }
  return orders;
}

/** A VAT-style two-month term written the same in every language, e.g. `2026-03/2026-04`. */
function bimonthlyTerm(year: number, index: number): string {
  const month = (m: number): string => `${year}-${String(m).padStart(2, '0')}`;
  return `${month(index * 2 + 1)}/${month(index * 2 + 2)}`;
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
