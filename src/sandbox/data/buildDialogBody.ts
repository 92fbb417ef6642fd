import { personUrn } from '../../platform/identifiers';
import { SeededRandom } from '../core/random';
import type { DialogPlan, Viewer } from './dialogPlan';
import {
  ACTIVITY_DESCRIPTIONS,
  ATTACHMENT_NAMES,
  TRANSMISSION_TITLES,
  markdownToLegacyHtml,
  markdownToPlain,
  type TextParams,
} from './dialogTexts';
import type {
  ActivityType,
  ActorJson,
  DialogBody,
  DialogIndexFields,
  LanguageCode,
  Localization,
  TransmissionType,
} from './dialogTypes';
import { fastUuidV7 } from './dialogIds';
import { buildApiActions, buildGuiActions, navigationalAction } from './dialogActions';
import { DAY, HOUR, UNAUTHORIZED_URL, iso, localize } from './dialogJsonValues';

export const FCE_MARKDOWN = 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown';
export const FCE_HTML = 'application/vnd.dialogporten.frontchannelembed-url;type=text/html';
/** The deprecated spelling older service owners still send. */
export const FCE_LEGACY_JSON_MARKDOWN = 'application/vnd.dialogporten.frontchannelembed+json;type=markdown';

const PARTY_ACTIVITIES = new Set<ActivityType>([
  'PaymentMade',
  'SignatureProvided',
  'FormSubmitted',
  'FormSaved',
  'DialogOpened',
  'CorrespondenceOpened',
  'CorrespondenceConfirmed',
  'TransmissionOpened',
]);
const FROM_PARTY = new Set<TransmissionType>(['Submission', 'Correction']);

export interface BodyUrls {
  readonly dialogportenBase: string;
  readonly platformBase: string;
}

/** The same parameters for the body and for free-text search, drawn from the dialog's own stream. */
export function textParamsFor(fields: DialogIndexFields, plan: DialogPlan): TextParams {
  const random = new SeededRandom((plan.bodySeed ^ 0x51ed27) >>> 0);
  const year = new Date(fields.createdAtMs).getUTCFullYear() - 1;
  const months = ['januar–februar', 'mars–april', 'mai–juni', 'juli–august', 'september–oktober', 'november–desember'];
  return {
    year,
    period: `${random.pick(months)} ${year + 1}`,
    amount: random.int(1_200, 480_000).toLocaleString('nb-NO').replace(/\s/g, ' '),
    caseNumber: `${year + 1}/${random.int(10_000, 99_999)}`,
    partyName: plan.partyName,
  };
}

/** Markdown served at the main-content / transmission front-channel-embed URLs. */
export function frontChannelMarkdown(
  fields: DialogIndexFields,
  plan: DialogPlan,
  language: LanguageCode,
  transmissionType?: string,
): string {
  const params = textParamsFor(fields, plan);
  const heading = transmissionType
    ? (TRANSMISSION_TITLES[transmissionType]?.[language] ?? transmissionType)
    : plan.theme.title[language](params);
  return `# ${heading}\n\n${plan.theme.details[language](params)}\n\n_${plan.owner.name[language]}_\n`;
}

/** Builds the full `Dialog` JSON of a generated dialog, except the per-caller fields the API fills in per request. */
export function buildDialogBody(fields: DialogIndexFields, plan: DialogPlan, urls: BodyUrls): DialogBody {
  const random = new SeededRandom(plan.bodySeed);
  const params = textParamsFor(fields, plan);
  const dp = urls.dialogportenBase;
  const id = fields.id;
  const actionUrl = (name: string): string => `${dp}/__sandbox/actions/${id}/${name}`;
  const viewer = (): Viewer | undefined =>
    plan.viewers.length ? plan.viewers[random.int(0, plan.viewers.length - 1)] : undefined;
  const partyActor = (): ActorJson => {
    const who = viewer();
    return who
      ? { actorType: 'PartyRepresentative', actorId: personUrn(who.nationalIdentityNumber), actorName: who.name }
      : { actorType: 'PartyRepresentative', actorId: fields.party, actorName: plan.partyName };
  };
  const serviceOwner: ActorJson = { actorType: 'ServiceOwner', actorId: null, actorName: null };
  const createdAt = fields.createdAtMs;
  const contentAt = plan.originalContentUpdatedAtMs;
  const updatedAt = plan.originalUpdatedAtMs;

  const transmissions: Record<string, unknown>[] = [];
  const activities: { at: number; json: Record<string, unknown> }[] = [];
  const activity = (
    type: ActivityType,
    at: number,
    extra: { transmissionId?: string; description?: Localization[]; unclamped?: boolean } = {},
  ): void => {
    const clamped = extra.unclamped ? at : Math.min(Math.max(at, createdAt), updatedAt);
    activities.push({
      at: clamped,
      json: {
        id: fastUuidV7(random, clamped),
        createdAt: iso(clamped),
        extendedType: random.chance(0.15) ? `urn:${plan.owner.code}:activity:${type.toLowerCase()}` : null,
        type,
        transmissionId: extra.transmissionId ?? null,
        performedBy: PARTY_ACTIVITIES.has(type) ? partyActor() : serviceOwner,
        description: extra.description ?? [],
      },
    });
  };
  activity('DialogCreated', createdAt);

  const count = plan.transmissionTypes.length;
  let previousId: string | null = null;
  plan.transmissionTypes.forEach((type, k) => {
    const at = count === 1 ? contentAt : Math.floor(createdAt + ((k + 1) / count) * (contentAt - createdAt));
    const transmissionId = fastUuidV7(random, at);
    const fromParty = FROM_PARTY.has(type);
    const isAuthorized = !random.chance(0.1);
    const isOpened = !fromParty && random.chance(0.6);
    const withReference = !fromParty && random.chance(0.5);
    transmissions.push({
      id: transmissionId,
      createdAt: iso(at),
      authorizationAttribute: isAuthorized ? null : 'urn:altinn:subresource:confidential',
      isAuthorized,
      extendedType: random.chance(0.2) ? `urn:${plan.owner.code}:transmission:${type.toLowerCase()}` : null,
      externalReference: random.chance(0.3) ? `${plan.owner.code}-${transmissionId.slice(-8)}` : null,
      relatedTransmissionId: previousId && random.chance(0.85) ? previousId : null,
      type,
      sender: fromParty ? partyActor() : serviceOwner,
      content: {
        title: { value: localize(plan, (l) => TRANSMISSION_TITLES[type][l]), mediaType: 'text/plain' },
        summary: random.chance(0.7)
          ? { value: localize(plan, (l) => plan.theme.summary[l](params)), mediaType: 'text/plain' }
          : null,
        contentReference: withReference
          ? {
              value: localize(plan, (l) =>
                isAuthorized ? `${dp}/__sandbox/fce/${id}/transmissions/${transmissionId}/${l}` : UNAUTHORIZED_URL,
              ),
              mediaType: FCE_MARKDOWN,
              isAuthorized,
            }
          : null,
      },
      attachments: buildAttachments(random, plan, {
        count: random.int(0, 2),
        urlBase: `${dp}/__sandbox/attachments/${id}`,
        authorized: isAuthorized,
        nowMs: contentAt,
      }),
      isOpened,
      navigationalActions:
        type === 'Request' || type === 'Alert' ? [navigationalAction(random, plan, actionUrl('navigate'), at)] : [],
    });
    if (isOpened) activity('TransmissionOpened', at + HOUR, { transmissionId });
    previousId = transmissionId;
  });

  const coverage = plan.coverageActivity;
  if (coverage === 'DialogDeleted' || coverage === 'DialogRestored') {
    activity('DialogDeleted', updatedAt - 2 * HOUR);
    activity('DialogRestored', updatedAt - HOUR);
  } else if (coverage === 'Information') {
    activity('Information', createdAt + HOUR, { description: localize(plan, (l) => ACTIVITY_DESCRIPTIONS[l]) });
  } else if (coverage !== 'DialogCreated' && coverage !== 'TransmissionOpened' && coverage !== 'DialogClosed') {
    activity(coverage, createdAt + (updatedAt - createdAt) / 2);
  }
  if (fields.status === 'Completed' || coverage === 'DialogClosed') activity('DialogClosed', updatedAt);
  // Correspondence adds CorrespondenceOpened when its recipient first reads the message, as a silent update that
  // leaves updatedAt alone (altinn-correspondence, src/Altinn.Correspondence.Integrations/Dialogporten/DialogportenService.cs, CreateOpenedActivity).
  if (plan.correspondenceId && plan.correspondenceOpenedAtMs !== undefined)
    activity('CorrespondenceOpened', plan.correspondenceOpenedAtMs, { unclamped: true });

  const fromPartyCount = plan.transmissionTypes.filter((t) => FROM_PARTY.has(t)).length;
  const hasUnopenedContent = transmissions.some(
    (t) => !FROM_PARTY.has(t.type as TransmissionType) && t.isOpened === false,
  );
  const attachments = buildAttachments(random, plan, {
    count: random.int(0, 3),
    urlBase: `${dp}/__sandbox/attachments/${id}`,
    authorized: true,
    nowMs: plan.originalUpdatedAtMs,
    allowExpired: true,
  });
  const correspondenceBase = plan.correspondenceId
    ? `${urls.platformBase}/correspondence/api/v1/correspondence/${plan.correspondenceId}`
    : undefined;

  return {
    id,
    party: fields.party,
    org: fields.org,
    serviceResource: fields.serviceResource,
    // Dialogporten stores the resource registry's type lowercased (Altinn/dialogporten, Application/Externals/IResourceRegistry.cs).
    serviceResourceType: plan.theme.serviceResourceType.toLowerCase(),
    progress: plan.progress,
    process: fields.process,
    precedingProcess: plan.precedingProcess && fields.process ? `${plan.theme.process}:previous` : null,
    extendedStatus: fields.extendedStatus,
    externalReference: fields.externalReference,
    createdAt: iso(fields.createdAtMs),
    updatedAt: iso(fields.updatedAtMs),
    contentUpdatedAt: iso(fields.contentUpdatedAtMs),
    dueAt: fields.dueAtMs === null ? null : iso(fields.dueAtMs),
    expiresAt: plan.expiresAtMs === null ? null : iso(plan.expiresAtMs),
    status: fields.status,
    isApiOnly: fields.isApiOnly,
    hasUnopenedContent,
    fromServiceOwnerTransmissionsCount: count - fromPartyCount,
    fromPartyTransmissionsCount: fromPartyCount,
    content: buildContent(
      plan,
      fields,
      params,
      correspondenceBase ? `${correspondenceBase}/content` : `${dp}/__sandbox/fce/${id}/main`,
    ),
    attachments,
    transmissions,
    guiActions: fields.isApiOnly ? [] : buildGuiActions(random, plan, fields, actionUrl),
    apiActions: buildApiActions(random, plan, actionUrl, correspondenceBase),
    activities: activities.sort((a, b) => a.at - b.at).map((a) => a.json),
  };
}

function buildContent(
  plan: DialogPlan,
  fields: DialogIndexFields,
  params: TextParams,
  mainContentBase: string,
): Record<string, unknown> {
  const theme = plan.theme;
  const plain = (text: (l: LanguageCode) => string): Record<string, unknown> => ({
    value: localize(plan, text),
    mediaType: 'text/plain',
  });
  const status = fields.extendedStatus
    ? theme.extendedStatuses.find((s) => s.code === fields.extendedStatus)
    : undefined;
  let additionalInfo: Record<string, unknown> | null = null;
  if (plan.additionalInfo) {
    const convert =
      plan.additionalInfo === 'text/html'
        ? markdownToLegacyHtml
        : plan.additionalInfo === 'text/plain'
          ? markdownToPlain
          : (s: string) => s;
    additionalInfo = {
      value: localize(plan, (l) => convert(theme.details[l](params))),
      mediaType: plan.additionalInfo,
    };
  }
  let mainContentReference: Record<string, unknown> | null = null;
  if (plan.mainContent) {
    // A Correspondence dialog is always markdown: Correspondence writes the deprecated `…frontchannelembed+json;type=markdown`
    // (altinn-correspondence, src/Altinn.Correspondence.Integrations/Dialogporten/Mappers/CreateDialogRequestMapper.cs)
    // and Dialogporten stores it as `…frontchannelembed-url;type=text/markdown` (dialogporten,
    // src/Digdir.Domain.Dialogporten.Domain/MediaTypes.cs, MapDeprecatedMediaType), which is what the API shows.
    const mediaType =
      plan.mainContent === 'html'
        ? FCE_HTML
        : plan.mainContent === 'legacy-json-markdown'
          ? FCE_LEGACY_JSON_MARKDOWN
          : FCE_MARKDOWN;
    const suffix = plan.mainContent === 'html' ? '?format=html' : '';
    mainContentReference = {
      value: localize(plan, (l) => (plan.correspondenceId ? mainContentBase : `${mainContentBase}/${l}${suffix}`)),
      mediaType,
      isAuthorized: true,
    };
  }
  return {
    title: plain((l) => theme.title[l](params)),
    summary: plan.hasSummary ? plain((l) => theme.summary[l](params)) : null,
    senderName: plan.hasSenderName
      ? plain((l) => `${plan.owner.name[l]} – ${l === 'en' ? 'Customer service' : 'Kundesenter'}`)
      : null,
    additionalInfo,
    extendedStatus: status ? plain((l) => status.label[l]) : null,
    mainContentReference,
  };
}

interface AttachmentOptions {
  readonly count: number;
  readonly urlBase: string;
  readonly authorized: boolean;
  readonly nowMs: number;
  readonly allowExpired?: boolean;
}

function buildAttachments(
  random: SeededRandom,
  plan: DialogPlan,
  options: AttachmentOptions,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < options.count; i++) {
    const file = ATTACHMENT_NAMES[random.int(0, ATTACHMENT_NAMES.length - 1)];
    const attachmentId = fastUuidV7(random, options.nowMs - i);
    const expired = options.allowExpired === true && random.chance(0.2);
    const authorized = options.authorized && !random.chance(0.1);
    const url = authorized ? `${options.urlBase}/${attachmentId}` : UNAUTHORIZED_URL;
    const urls: Record<string, unknown>[] = [
      { id: fastUuidV7(random, options.nowMs - i), url, mediaType: file.mediaType, consumerType: 'Gui' },
    ];
    if (file.mediaType === 'application/xml' || random.chance(0.2)) {
      urls.push({
        id: fastUuidV7(random, options.nowMs - i),
        url: authorized ? `${options.urlBase}/${attachmentId}?consumer=api` : UNAUTHORIZED_URL,
        mediaType: 'application/json',
        consumerType: 'Api',
      });
    }
    out.push({
      id: attachmentId,
      displayName: localize(plan, (l) => file.display[l]),
      name: file.name,
      expiresAt: expired
        ? iso(options.nowMs - random.int(1, 30) * DAY)
        : random.chance(0.2)
          ? iso(options.nowMs + 365 * DAY)
          : null,
      urls,
    });
  }
  return out;
}
