/** The sandbox's own model of Dialogporten dialogs (what the real service keeps in its database). */

import {
  ACTIVITY_TYPES,
  DIALOG_STATUSES,
  SYSTEM_LABELS,
  TRANSMISSION_TYPES,
} from '../../platform/dialogporten/schemas/primitives';
import type {
  ActivityType,
  DialogStatus,
  SystemLabel,
  TransmissionType,
} from '../../platform/dialogporten/schemas/primitives';

/** The enums come from the client's schemas, which are written from the official OpenAPI document. */
export { ACTIVITY_TYPES, DIALOG_STATUSES, SYSTEM_LABELS, TRANSMISSION_TYPES };
export type { ActivityType, DialogStatus, SystemLabel, TransmissionType };

export type LanguageCode = 'nb' | 'nn' | 'en';

export interface Localization {
  value: string;
  languageCode: string;
}

export interface ActorJson {
  actorType: 'PartyRepresentative' | 'ServiceOwner';
  actorId?: string | null;
  actorName?: string | null;
}

/** The fields search and ordering work on; kept on every stored dialog, generated or captured. */
export interface DialogIndexFields {
  readonly id: string;
  readonly party: string;
  readonly org: string;
  readonly serviceResource: string;
  status: string;
  readonly createdAtMs: number;
  updatedAtMs: number;
  contentUpdatedAtMs: number;
  readonly dueAtMs: number | null;
  readonly extendedStatus: string | null;
  readonly externalReference: string | null;
  readonly process: string | null;
  readonly isApiOnly: boolean;
}

/** Who saw a dialog; `viewerKey` identifies the caller so `isCurrentEndUser` can be computed per request. */
export interface SeenLogEntry {
  readonly id: string;
  readonly seenAtMs: number;
  readonly viewerKey: string;
  readonly seenBy: ActorJson;
  readonly isViaServiceOwner: boolean;
}

export interface LabelLogEntry {
  readonly name: string;
  readonly action: 'set' | 'remove';
  readonly createdAtMs: number;
  readonly performedBy: ActorJson;
}

/** What end users change: labels, seen log, revisions. */
export interface DialogState {
  revision: string;
  endUserContextRevision: string;
  systemLabels: SystemLabel[];
  readonly seenLog: SeenLogEntry[];
  /** Activities added after the dialog was made, by silent updates (Correspondence's CorrespondenceOpened). */
  readonly addedActivities: Record<string, unknown>[];
  readonly labelLog: LabelLogEntry[];
  deleted: boolean;
}

/** A dialog as the API shows it, before the per-caller fields (seen flags, labels, token) are filled in. JSON only. */
export type DialogBody = Record<string, unknown> & { id: string; party: string };

export interface StoredDialog {
  readonly source: 'generated' | 'captured';
  /** For captured dialogs: the file it came from. */
  readonly file?: string;
  readonly fields: DialogIndexFields;
  readonly state: DialogState;
  /** The full `Dialog` JSON (generated on demand for generated dialogs; the captured payload otherwise). */
  body(): DialogBody;
  /** Free-text fields for search, per language code. */
  searchTexts(): readonly Localization[];
  /** `serviceOwnerContext.serviceOwnerLabels` values (the service-owner API shows them; dialoglookup finds by them). */
  serviceOwnerLabels(): readonly string[];
}
