// vscode-free: the onboarding feature's command ids, shared by the registration and the tests.
import type { OnboardingLinkId } from '../../platform/links';

/** The link commands: each opens one page from src/platform/links.ts. */
export const LINK_COMMANDS: ReadonlyArray<{ readonly command: string; readonly link: OnboardingLinkId }> = [
  { command: 'altinnInbox.openOnboardingProcess', link: 'onboardingProcess' },
  { command: 'altinnInbox.openServiceIntegration', link: 'serviceIntegration' },
  { command: 'altinnInbox.openScopeOverview', link: 'scopeOverview' },
  { command: 'altinnInbox.openTenorTestData', link: 'tenorTestData' },
  { command: 'altinnInbox.openSlackChannel', link: 'slackProduktDialogporten' },
  { command: 'altinnInbox.openTt02Inbox', link: 'tt02Inbox' },
];

export const DRAFT_SCOPE_REQUEST_COMMAND = 'altinnInbox.draftScopeRequest';
export const DRAFT_TEST_MESSAGE_REQUEST_COMMAND = 'altinnInbox.draftTestMessageRequest';
export const COPY_COMMAND = 'altinnInbox.copyEmailDraft';
export const OPEN_IN_MAIL_CLIENT_COMMAND = 'altinnInbox.openEmailDraftInMailClient';
export const EMAIL_SERVICEDESK_COMMAND = 'altinnInbox.emailServicedesk';
export const CONTACT_COMMAND = 'altinnInbox.contact';
export const OPEN_WALKTHROUGH_COMMAND = 'altinnInbox.openWalkthrough';

/** `contributes.walkthroughs[].id`; opened as `<publisher>.<name>#onboarding`. */
export const WALKTHROUGH_ID = 'onboarding';

export const ONBOARDING_COMMANDS: readonly string[] = [
  DRAFT_SCOPE_REQUEST_COMMAND,
  DRAFT_TEST_MESSAGE_REQUEST_COMMAND,
  COPY_COMMAND,
  OPEN_IN_MAIL_CLIENT_COMMAND,
  ...LINK_COMMANDS.map((entry) => entry.command),
  EMAIL_SERVICEDESK_COMMAND,
  CONTACT_COMMAND,
  OPEN_WALKTHROUGH_COMMAND,
];
