export { CorrespondenceClient } from './correspondenceClient';
export type { CorrespondenceClientOptions, CorrespondenceTokenProvider, ListCorrespondencesQuery, CallOptions, SavedAttachment } from './correspondenceClient';
export type { AttachmentDownload } from './attachmentDownload';
export { CorrespondenceApiError, toCorrespondenceError } from './correspondenceErrors';
export type { CorrespondenceErrorReason } from './correspondenceErrors';
export * from './schemas';
