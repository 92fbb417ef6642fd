export { buildScopeRequestEmail } from './scopeRequestEmail';
export type { ScopeRequestInput } from './scopeRequestEmail';
export { buildTestMessageRequestEmail } from './testMessageRequestEmail';
export type { TestMessageContentWishes, TestMessageRequestInput } from './testMessageRequestEmail';
export { mailtoUrl, fitsInMailto, MAILTO_MAX_LENGTH } from './mailto';
export { DraftInputError } from './draftInputError';
export type { ContactPerson, DraftEnvironment, DraftLanguage, EmailDraft } from './types';
export type { Recipient, RecipientKind } from './validation';
