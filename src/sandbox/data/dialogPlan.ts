import { SeededRandom } from '../core/random';
import type { SandboxServiceOwner } from '../world/types';
import { appInstanceOfDialog, type AppInstance } from './appInstance';
import { hash32, uuidV7TimeMs } from './dialogHash';
import { CORRESPONDENCE_THEME, DIALOG_THEMES, type DialogTheme } from './dialogTexts';
import {
  ACTIVITY_TYPES,
  DIALOG_STATUSES,
  TRANSMISSION_TYPES,
  type ActivityType,
  type DialogIndexFields,
  type DialogStatus,
  type LanguageCode,
  type SystemLabel,
  type TransmissionType,
} from './dialogTypes';
import { fastUuidV7 } from './dialogIds';

const DAY = 86_400_000;
const RESOURCE_PREFIX = 'urn:altinn:resource:';

/** A person who may appear in a party's seen logs, activities and transmissions. */
export interface Viewer {
  readonly nationalIdentityNumber: string;
  readonly name: string;
}

/** A correspondence that Altinn Correspondence published as a dialog (ids owned by the correspondence generator). */
export interface CorrespondenceLink {
  readonly correspondenceId: string;
  readonly dialogId: string;
  /** Party URN. */
  readonly recipient: string;
  /** Bare resource id. */
  readonly resourceId: string;
  /** When the recipient first read it (its Read status), which gave the dialog a CorrespondenceOpened activity. */
  readonly openedAtMs?: number;
}

export type AdditionalInfoFormat = 'text/plain' | 'text/markdown' | 'text/html';
export type MainContentKind = 'markdown' | 'html' | 'legacy-json-markdown';

/** Everything needed to build a dialog's body later; small, so 100,000 of them stay cheap. */
export interface DialogPlan {
  readonly index: number;
  readonly bodySeed: number;
  readonly theme: DialogTheme;
  readonly owner: SandboxServiceOwner;
  readonly languages: readonly LanguageCode[];
  readonly transmissionTypes: readonly TransmissionType[];
  readonly coverageActivity: ActivityType;
  readonly partyName: string;
  readonly viewers: readonly Viewer[];
  readonly initialLabels: readonly SystemLabel[];
  /** How many viewers have seen the dialog (first n of `viewers`), and whether after the last content update. */
  readonly seenBy: number;
  readonly seenAfterContentUpdate: boolean;
  readonly additionalInfo: AdditionalInfoFormat | null;
  readonly mainContent: MainContentKind | null;
  readonly hasSummary: boolean;
  readonly hasSenderName: boolean;
  readonly precedingProcess: boolean;
  readonly expiresAtMs: number | null;
  readonly progress: number | null;
  /** The times the body's timeline is built from (fields may move later when the dialog is touched). */
  readonly originalUpdatedAtMs: number;
  readonly originalContentUpdatedAtMs: number;
  readonly correspondenceId?: string;
  readonly correspondenceOpenedAtMs?: number;
  /** Set on dialogs of Altinn app resources: the instance the storage adapter made the dialog for. */
  readonly appInstance?: AppInstance;
}

export interface PartyPlanInput {
  readonly seed: number;
  readonly anchorMs: number;
  readonly party: string;
  readonly partyName: string;
  /** The party's Altinn party id (the owner of its app instances); unknown parties get no app instances. */
  readonly partyId?: number;
  readonly isPerson: boolean;
  readonly count: number;
  readonly serviceOwners: readonly SandboxServiceOwner[];
  readonly viewers: readonly Viewer[];
  readonly correspondenceLinks: readonly CorrespondenceLink[];
}

export interface PlannedDialog {
  readonly fields: DialogIndexFields;
  readonly plan: DialogPlan;
}

const PERSON_RESOURCES = new Set(['skd-skattemelding', 'nav-sykmelding', 'digdir-testmelding']);
const LANGUAGE_SETS: readonly (readonly LanguageCode[])[] = [
  ['nb'],
  ['nb', 'en'],
  ['nb', 'nn', 'en'],
  ['nn'],
  ['en'],
  ['nb', 'nn'],
];
const LANGUAGE_WEIGHTS = [30, 25, 25, 8, 7, 5];

/** Transmission sequences that occur in real services; relatedTransmissionId chains follow the order. */
const TRANSMISSION_PATTERNS: readonly (readonly TransmissionType[])[] = [
  [],
  ['Information'],
  ['Request', 'Submission', 'Acceptance'],
  ['Submission', 'Rejection', 'Correction', 'Decision'],
  ['Alert'],
  ['Submission', 'Acceptance'],
  ['Information', 'Alert', 'Decision'],
];

/** Plans one party's dialogs: the same seed, party and anchor always give the same plans. */
export function planPartyDialogs(input: PartyPlanInput): PlannedDialog[] {
  const random = new SeededRandom(hash32(`${input.seed}:dialogs:${input.party}`));
  const themes = DIALOG_THEMES.filter((t) => !input.isPerson || PERSON_RESOURCES.has(t.resource)).filter((t) =>
    ownerOf(input.serviceOwners, t.resource),
  );
  const spanMs = Math.min(730 * DAY, Math.max(30 * DAY, input.count * 3 * DAY));
  const planned: PlannedDialog[] = [];
  for (let index = 0; index < input.count; index++) {
    const createdAtMs = Math.floor(input.anchorMs - ((index + random.next()) * spanMs) / input.count) - 60_000;
    const theme = themes[index < themes.length ? index : random.int(0, themes.length - 1)];
    planned.push(planOne(random, input, index, theme, createdAtMs));
  }
  input.correspondenceLinks
    .filter((l) => l.recipient === input.party)
    .forEach((link, offset) => {
      const createdAtMs = uuidV7TimeMs(link.dialogId);
      const theme = { ...CORRESPONDENCE_THEME, resource: link.resourceId };
      planned.push(
        planOne(
          random,
          input,
          input.count + offset,
          theme,
          Number.isNaN(createdAtMs) ? input.anchorMs - DAY : createdAtMs,
          link,
        ),
      );
    });
  return planned;
}

function ownerOf(owners: readonly SandboxServiceOwner[], resource: string): SandboxServiceOwner | undefined {
  return owners.find((o) => o.resources.includes(`${RESOURCE_PREFIX}${resource}`));
}

function planOne(
  random: SeededRandom,
  input: PartyPlanInput,
  index: number,
  theme: DialogTheme,
  createdAtMs: number,
  link?: CorrespondenceLink,
): PlannedDialog {
  const owner = ownerOf(input.serviceOwners, theme.resource) ?? input.serviceOwners[input.serviceOwners.length - 1];
  // The first dialogs of every party walk through each status, transmission type and activity type once.
  const status: DialogStatus = link
    ? 'NotApplicable'
    : index < DIALOG_STATUSES.length
      ? DIALOG_STATUSES[index]
      : pickStatus(random);
  const pattern = status === 'Draft' ? [] : random.pick(TRANSMISSION_PATTERNS);
  const coverageType = TRANSMISSION_TYPES[index % TRANSMISSION_TYPES.length];
  const transmissionTypes = link
    ? ['Information' as const]
    : status === 'Draft'
      ? []
      : pattern.includes(coverageType) || index >= 40
        ? pattern
        : [...pattern, coverageType];
  const maxAgeMs = Math.max(0, input.anchorMs - createdAtMs - 1000);
  const contentUpdatedAtMs =
    transmissionTypes.length > 0 ? createdAtMs + Math.floor(random.next() * Math.min(maxAgeMs, 20 * DAY)) : createdAtMs;
  const updatedAtMs = Math.min(
    input.anchorMs - 1000,
    contentUpdatedAtMs + (random.chance(0.4) ? Math.floor(random.next() * 3 * DAY) : 0),
  );
  const hasPartyTransmission = transmissionTypes.some((t) => t === 'Submission' || t === 'Correction');
  const initialLabels = pickLabels(random, hasPartyTransmission);
  const seenBy =
    input.viewers.length === 0 ? 0 : random.chance(0.55) ? random.int(1, Math.min(2, input.viewers.length)) : 0;
  const dueRoll = random.next();
  const dueAtMs =
    dueRoll < 0.25
      ? createdAtMs + random.int(7, 45) * DAY
      : dueRoll < 0.4
        ? input.anchorMs + random.int(1, 60) * DAY
        : null;
  const hasExtendedStatus = theme.extendedStatuses.length > 0 && random.chance(0.5);
  const extendedStatus = hasExtendedStatus ? random.pick(theme.extendedStatuses).code : null;
  const hasProcess = random.chance(0.6);
  const id = link?.dialogId ?? fastUuidV7(random, createdAtMs);
  const fields: DialogIndexFields = {
    id,
    party: input.party,
    org: owner.code,
    serviceResource: `${RESOURCE_PREFIX}${theme.resource}`,
    status,
    createdAtMs,
    updatedAtMs: Math.max(updatedAtMs, contentUpdatedAtMs),
    contentUpdatedAtMs,
    dueAtMs,
    extendedStatus,
    externalReference: random.chance(0.4)
      ? `${owner.code.toUpperCase()}-${new Date(createdAtMs).getUTCFullYear()}-${String(random.int(1, 999_999)).padStart(6, '0')}`
      : null,
    process: hasProcess ? `${theme.process}:${random.int(1000, 9999)}` : null,
    isApiOnly: !link && index >= DIALOG_STATUSES.length && random.chance(0.05),
  };
  const plan: DialogPlan = {
    index,
    bodySeed: random.int(0, 0x7fffffff),
    theme,
    owner,
    languages: pickWeighted(random, LANGUAGE_SETS, LANGUAGE_WEIGHTS),
    transmissionTypes,
    coverageActivity: ACTIVITY_TYPES[index % ACTIVITY_TYPES.length],
    partyName: input.partyName,
    viewers: input.viewers,
    initialLabels,
    seenBy,
    seenAfterContentUpdate: random.chance(0.7),
    additionalInfo: random.pick<AdditionalInfoFormat | null>([
      'text/markdown',
      'text/markdown',
      'text/plain',
      'text/html',
      null,
    ]),
    mainContent: link
      ? 'markdown'
      : random.pick<MainContentKind | null>(['markdown', 'markdown', 'html', 'legacy-json-markdown', null, null]),
    hasSummary: random.chance(0.85),
    hasSenderName: random.chance(0.25),
    precedingProcess: hasProcess && random.chance(0.25),
    expiresAtMs: random.chance(0.15) ? input.anchorMs + random.int(30, 400) * DAY : null,
    progress: status === 'InProgress' ? random.int(5, 95) : status === 'Completed' ? 100 : null,
    originalUpdatedAtMs: fields.updatedAtMs,
    originalContentUpdatedAtMs: contentUpdatedAtMs,
    correspondenceId: link?.correspondenceId,
    correspondenceOpenedAtMs: link?.openedAtMs,
    appInstance:
      theme.serviceResourceType === 'AltinnApp' && input.partyId !== undefined
        ? appInstanceOfDialog(id, input.partyId)
        : undefined,
  };
  return { fields, plan };
}

function pickStatus(random: SeededRandom): DialogStatus {
  return pickWeighted(random, DIALOG_STATUSES, [10, 25, 8, 20, 12, 25]);
}

function pickLabels(random: SeededRandom, hasPartyTransmission: boolean): SystemLabel[] {
  const roll = random.next();
  const labels: SystemLabel[] = [roll < 0.08 ? 'Bin' : roll < 0.2 ? 'Archive' : 'Default'];
  if (random.chance(0.05)) labels.push('MarkedAsUnopened');
  if (hasPartyTransmission) labels.push('Sent');
  return labels;
}

function pickWeighted<T>(random: SeededRandom, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= weights[i];
    if (roll < 0) return items[i];
  }
  return items[items.length - 1];
}
