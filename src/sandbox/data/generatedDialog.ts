import { SeededRandom } from '../core/random';
import { buildDialogBody, frontChannelMarkdown, textParamsFor, type BodyUrls } from './buildDialogBody';
import { localize } from './dialogJsonValues';
import { ephemeralPersonUrn } from './dialogHash';
import type { DialogPlan } from './dialogPlan';
import { markdownToPlain } from './dialogTexts';
import { generatedServiceOwnerLabels } from './serviceOwnerLabels';
import type {
  DialogBody,
  DialogIndexFields,
  DialogState,
  LanguageCode,
  Localization,
  StoredDialog,
} from './dialogTypes';
import { fastUuid, fastUuidV7 } from './dialogIds';

const HOUR = 3_600_000;

/** Keeps the most recently built bodies; older ones are rebuilt (deterministically) when asked for again. */
export class BodyCache {
  private readonly entries = new Map<string, DialogBody>();

  constructor(private readonly capacity = 2_000) {}

  get(id: string, build: () => DialogBody): DialogBody {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const body = build();
    this.entries.set(id, body);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return body;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/** A dialog made by the generator: its body and end-user state are materialised only when someone looks. */
export class GeneratedDialog implements StoredDialog {
  readonly source = 'generated' as const;
  private stateValue?: DialogState;

  constructor(
    readonly fields: DialogIndexFields,
    readonly plan: DialogPlan,
    private readonly urls: () => BodyUrls,
    private readonly cache: BodyCache,
  ) {}

  get state(): DialogState {
    return (this.stateValue ??= this.initialState());
  }

  body(): DialogBody {
    return this.cache.get(this.fields.id, () => buildDialogBody(this.fields, this.plan, this.urls()));
  }

  /** Touching a dialog moves its times, so a cached body must be rebuilt. */
  invalidateBody(): void {
    this.cache.forget(this.fields.id);
  }

  searchTexts(): Localization[] {
    const params = textParamsFor(this.fields, this.plan);
    const theme = this.plan.theme;
    const texts = [...localize(this.plan, (l) => theme.title[l](params))];
    if (this.plan.hasSummary) texts.push(...localize(this.plan, (l) => theme.summary[l](params)));
    if (this.plan.additionalInfo) texts.push(...localize(this.plan, (l) => markdownToPlain(theme.details[l](params))));
    if (this.plan.hasSenderName) texts.push(...localize(this.plan, (l) => this.plan.owner.name[l]));
    return texts;
  }

  serviceOwnerLabels(): readonly string[] {
    return generatedServiceOwnerLabels(this.plan);
  }

  /** Markdown for the front-channel-embed URLs of this dialog (main content or one transmission). */
  frontChannelContent(language: string, transmissionType?: string): string | undefined {
    if (!this.plan.languages.includes(language as LanguageCode)) return undefined;
    return frontChannelMarkdown(this.fields, this.plan, language as LanguageCode, transmissionType);
  }

  private initialState(): DialogState {
    const random = new SeededRandom((this.plan.bodySeed ^ 0x5ee71065) >>> 0);
    const { fields, plan } = this;
    const seenLog = plan.viewers
      .slice(0, plan.seenBy)
      .map((viewer) => {
        const beforeUpdate = !plan.seenAfterContentUpdate && fields.contentUpdatedAtMs - fields.createdAtMs > 2 * HOUR;
        const seenAtMs = beforeUpdate
          ? fields.contentUpdatedAtMs - random.int(1, 60) * 60_000
          : fields.updatedAtMs + random.int(1, 600) * 1_000;
        return {
          id: fastUuidV7(random, seenAtMs),
          seenAtMs,
          viewerKey: `person:${viewer.nationalIdentityNumber}`,
          seenBy: {
            actorType: 'PartyRepresentative' as const,
            actorId: ephemeralPersonUrn(fields.id, viewer.nationalIdentityNumber),
            actorName: viewer.name,
          },
          isViaServiceOwner: false,
        };
      })
      .sort((a, b) => a.seenAtMs - b.seenAtMs);
    const labelLog = plan.initialLabels
      .filter((l) => l === 'Bin' || l === 'Archive')
      .map((label) => ({
        name: `systemlabel:${label}`,
        action: 'set' as const,
        createdAtMs: fields.updatedAtMs + 1_000,
        performedBy: plan.viewers.length
          ? {
              actorType: 'PartyRepresentative' as const,
              actorId: ephemeralPersonUrn(fields.id, plan.viewers[0].nationalIdentityNumber),
              actorName: plan.viewers[0].name,
            }
          : { actorType: 'PartyRepresentative' as const, actorId: fields.party, actorName: plan.partyName },
      }));
    return {
      revision: fastUuid(random),
      endUserContextRevision: fastUuid(random),
      systemLabels: [...plan.initialLabels],
      seenLog,
      labelLog,
      addedActivities: [],
      deleted: false,
    };
  }
}
