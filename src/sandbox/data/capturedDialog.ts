import { randomUUID } from 'node:crypto';
import type { Dialog } from '../../platform/dialogporten/schemas';
import { effectiveSystemLabels } from '../../platform/dialogporten/schemas';
import { referenceMediaType, type CapturedEmbed } from './capturedEmbeds';
import type { DialogBody, DialogIndexFields, DialogState, Localization, StoredDialog } from './dialogTypes';

export interface CapturedDialogOptions {
  /** Main content saved beside the dialog, by language. */
  readonly embeds: ReadonlyMap<string, CapturedEmbed>;
  readonly dialogportenBase: () => string;
}

/** A dialog from a captured payload: served as it was captured, with only the end-user state kept live. */
export class CapturedDialog implements StoredDialog {
  readonly source = 'captured' as const;
  readonly fields: DialogIndexFields;
  readonly state: DialogState;

  private served: DialogBody | undefined;

  constructor(
    readonly file: string,
    private readonly raw: DialogBody,
    parsed: Dialog,
    private readonly options: CapturedDialogOptions,
  ) {
    const updatedAtMs = Date.parse(parsed.updatedAt);
    this.fields = {
      id: parsed.id,
      party: parsed.party,
      org: parsed.org,
      serviceResource: parsed.serviceResource,
      status: parsed.status,
      createdAtMs: Date.parse(parsed.createdAt),
      updatedAtMs,
      contentUpdatedAtMs: parsed.contentUpdatedAt ? Date.parse(parsed.contentUpdatedAt) : updatedAtMs,
      dueAtMs: parsed.dueAt ? Date.parse(parsed.dueAt) : null,
      extendedStatus: parsed.extendedStatus ?? null,
      externalReference: parsed.externalReference ?? null,
      process: parsed.process ?? null,
      isApiOnly: parsed.isApiOnly ?? false,
    };
    this.state = {
      revision: parsed.revision,
      endUserContextRevision: parsed.endUserContext?.revision ?? randomUUID(),
      systemLabels: effectiveSystemLabels(parsed),
      seenLog: (parsed.seenSinceLastUpdate ?? []).map((entry) => ({
        id: entry.id,
        seenAtMs: Date.parse(entry.seenAt),
        // Whoever saw it in tt02 is not a sandbox identity.
        viewerKey: `captured:${entry.id}`,
        seenBy: {
          actorType: entry.seenBy.actorType ?? 'PartyRepresentative',
          actorId: entry.seenBy.actorId ?? null,
          actorName: entry.seenBy.actorName ?? null,
        },
        isViaServiceOwner: entry.isViaServiceOwner ?? false,
      })),
      labelLog: [],
      addedActivities: [],
      deleted: false,
    };
  }

  /** As captured; with saved main content, its reference points at the sandbox's FCE endpoint instead. */
  body(): DialogBody {
    if (this.options.embeds.size === 0) return this.raw;
    this.served ??= this.withLocalEmbeds();
    return this.served;
  }

  embed(language: string): CapturedEmbed | undefined {
    return this.options.embeds.get(language.toLowerCase());
  }

  private withLocalEmbeds(): DialogBody {
    const content = { ...((this.raw.content ?? {}) as Record<string, unknown>) };
    const base = `${this.options.dialogportenBase()}/__sandbox/fce/${encodeURIComponent(this.fields.id)}/main`;
    const [first] = this.options.embeds.values();
    content.mainContentReference = {
      value: [...this.options.embeds.keys()].map((language) => ({
        value: `${base}/${language}`,
        languageCode: language,
      })),
      mediaType: referenceMediaType(first.mediaType),
    };
    return { ...this.raw, content };
  }

  /** Only a service-owner payload carries them; an end-user one has none. */
  serviceOwnerLabels(): string[] {
    const context = this.raw.serviceOwnerContext as { serviceOwnerLabels?: { value?: unknown }[] } | null | undefined;
    return (context?.serviceOwnerLabels ?? []).flatMap((l) => (typeof l?.value === 'string' ? [l.value] : []));
  }

  searchTexts(): Localization[] {
    const content = (this.raw.content ?? {}) as Record<string, { value?: Localization[] | null } | null | undefined>;
    return ['title', 'summary', 'senderName', 'additionalInfo'].flatMap((key) => content[key]?.value ?? []);
  }
}
