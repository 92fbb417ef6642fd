export { CorrespondenceClient } from './correspondenceClient';
export type {
  CorrespondenceClientOptions,
  CorrespondenceTokenProvider,
  ListCorrespondencesQuery,
  CallOptions,
  SavedAttachment,
} from './correspondenceClient';
export type { AttachmentDownload } from './attachmentDownload';
export { CorrespondenceApiError, toCorrespondenceError } from './correspondenceErrors';
export type { CorrespondenceErrorReason } from './correspondenceErrors';
// Types only: the schemas load on first use (loadPayloadSchemas).
export type * from './schemas';
export { correspondenceContentId } from './contentUrl';
