import * as vscode from 'vscode';
import {
  ONBOARDING_LINKS,
  SERVICEDESK_EMAIL,
  SLACK_CHANNEL_NAME,
  SLACK_WORKSPACE_NAME,
  type OnboardingLinkId,
} from '../../platform/links';
import type { ExtensionServices } from '../services';
import {
  DRAFT_SCOPE_REQUEST_COMMAND,
  DRAFT_TEST_MESSAGE_REQUEST_COMMAND,
  EMAIL_SERVICEDESK_COMMAND,
  OPEN_WALKTHROUGH_COMMAND,
  WALKTHROUGH_ID,
} from './commandIds';

export async function openLink(services: ExtensionServices, link: OnboardingLinkId): Promise<boolean> {
  const url = ONBOARDING_LINKS[link];
  services.log.info(`[onboarding] opening ${url}`);
  return vscode.env.openExternal(vscode.Uri.parse(url));
}

export function emailServicedesk(): Thenable<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(`mailto:${SERVICEDESK_EMAIL}`));
}

export function openWalkthrough(context: vscode.ExtensionContext): Thenable<unknown> {
  return vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    { category: `${context.extension.id}#${WALKTHROUGH_ID}` },
    false,
  );
}

interface ContactItem extends vscode.QuickPickItem {
  readonly id: string;
  readonly command?: string;
}

/** "Help and contact": every onboarding page, the drafts and the people to ask, in one quick pick. */
export async function contact(services: ExtensionServices): Promise<unknown> {
  const separator = (label: string): ContactItem => ({
    id: `section:${label}`,
    label,
    kind: vscode.QuickPickItemKind.Separator,
  });
  const items: ContactItem[] = [
    separator(vscode.l10n.t('Ask')),
    {
      id: 'slack',
      command: 'altinnInbox.openSlackChannel',
      label: vscode.l10n.t('$(comment-discussion) Slack channel {0}', SLACK_CHANNEL_NAME),
      description: vscode.l10n.t('in {0}: questions about Dialogporten and the inbox APIs', SLACK_WORKSPACE_NAME),
    },
    {
      id: 'servicedesk',
      command: EMAIL_SERVICEDESK_COMMAND,
      label: vscode.l10n.t('$(mail) E-mail {0}', SERVICEDESK_EMAIL),
      description: vscode.l10n.t('Altinn servicedesk: scopes, test messages, access'),
    },
    separator(vscode.l10n.t('Draft an e-mail to servicedesk')),
    {
      id: 'scopeRequest',
      command: DRAFT_SCOPE_REQUEST_COMMAND,
      label: vscode.l10n.t('$(key) Draft scope request…'),
      description: vscode.l10n.t('ask for the scopes your system needs'),
    },
    {
      id: 'testMessageRequest',
      command: DRAFT_TEST_MESSAGE_REQUEST_COMMAND,
      label: vscode.l10n.t('$(inbox) Draft test-message request…'),
      description: vscode.l10n.t('ask for test messages to a Tenor test recipient'),
    },
    separator(vscode.l10n.t('Read')),
    {
      id: 'walkthrough',
      command: OPEN_WALKTHROUGH_COMMAND,
      label: vscode.l10n.t('$(checklist) Onboarding walkthrough'),
      description: vscode.l10n.t('the steps from onboarding to reading the inbox'),
    },
    {
      id: 'onboardingProcess',
      command: 'altinnInbox.openOnboardingProcess',
      label: vscode.l10n.t('$(link-external) Onboarding process'),
      description: ONBOARDING_LINKS.onboardingProcess,
    },
    {
      id: 'serviceIntegration',
      command: 'altinnInbox.openServiceIntegration',
      label: vscode.l10n.t('$(link-external) Services you can integrate with'),
      description: ONBOARDING_LINKS.serviceIntegration,
    },
    {
      id: 'scopeOverview',
      command: 'altinnInbox.openScopeOverview',
      label: vscode.l10n.t('$(link-external) Scope overview'),
      description: ONBOARDING_LINKS.scopeOverview,
    },
    {
      id: 'tenor',
      command: 'altinnInbox.openTenorTestData',
      label: vscode.l10n.t('$(link-external) Tenor test data'),
      description: ONBOARDING_LINKS.tenorTestData,
    },
    {
      id: 'tt02Inbox',
      command: 'altinnInbox.openTt02Inbox',
      label: vscode.l10n.t('$(link-external) Altinn inbox in tt02'),
      description: ONBOARDING_LINKS.tt02Inbox,
    },
  ];
  const picked = await services.prompts().pick(items, {
    title: vscode.l10n.t('Altinn: Help and Contact'),
    placeHolder: vscode.l10n.t('Ask a question, draft an e-mail to servicedesk or open an onboarding page'),
    matchOnDescription: true,
  });
  return picked.command ? vscode.commands.executeCommand(picked.command) : undefined;
}
