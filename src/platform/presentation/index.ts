/** How dialogs and their parts are named, dated and ordered, for the Inbox tree and the dialog panel alike (no vscode). */
export { plainLocalizer, type Localizer } from './localizer';
export {
  clip,
  humanize,
  localizedPlain,
  localizedText,
  MAX_INLINE_CHARS,
  serviceOwnerName,
  type ContentValue,
  type Localizations,
} from './text';
export { dateTime, longDate, shortDate, type DateOptions } from './dates';
export { activityTypeName, dialogStatusName, isSentByParty, systemLabelName, transmissionTypeName } from './names';
export { nestTransmissions, type TransmissionEntry, type TransmissionLike } from './transmissionThreads';
