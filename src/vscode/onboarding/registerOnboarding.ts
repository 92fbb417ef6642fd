import * as vscode from 'vscode';
import { registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import {
  CONTACT_COMMAND,
  COPY_COMMAND,
  DRAFT_SCOPE_REQUEST_COMMAND,
  DRAFT_TEST_MESSAGE_REQUEST_COMMAND,
  EMAIL_SERVICEDESK_COMMAND,
  LINK_COMMANDS,
  OPEN_IN_MAIL_CLIENT_COMMAND,
  OPEN_WALKTHROUGH_COMMAND,
} from './commandIds';
import { draftScopeRequest } from './draftScopeRequest';
import { draftTestMessageRequest } from './draftTestMessageRequest';
import { EmailDraftDocuments, type DraftPart } from './emailDraftDocuments';
import { contact, emailServicedesk, openLink, openWalkthrough } from './linkCommands';

function uriArgument(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

function partArgument(value: unknown): DraftPart {
  return value === 'subject' || value === 'all' ? value : 'body';
}

/**
 * Onboarding: the servicedesk e-mail drafts (scope request, test-message request) with their
 * document actions, the walkthrough and the help / contact links. Nothing runs until a command does.
 */
export function registerOnboarding(services: ExtensionServices): void {
  const { context, log } = services;
  const documents = new EmailDraftDocuments(services);
  context.subscriptions.push(documents);

  registerCommand(context, { log }, DRAFT_SCOPE_REQUEST_COMMAND, (args?: unknown) =>
    draftScopeRequest(services, documents, args),
  );
  registerCommand(context, { log }, DRAFT_TEST_MESSAGE_REQUEST_COMMAND, () =>
    draftTestMessageRequest(services, documents),
  );
  registerCommand(context, { log }, COPY_COMMAND, (uri?: unknown, part?: unknown) =>
    documents.copy(uriArgument(uri), partArgument(part)),
  );
  registerCommand(context, { log }, OPEN_IN_MAIL_CLIENT_COMMAND, (uri?: unknown) =>
    documents.openInMailClient(uriArgument(uri)),
  );

  for (const { command, link } of LINK_COMMANDS)
    registerCommand(context, { log }, command, () => openLink(services, link));
  registerCommand(context, { log }, EMAIL_SERVICEDESK_COMMAND, () => emailServicedesk());
  registerCommand(context, { log }, CONTACT_COMMAND, () => contact(services));
  registerCommand(context, { log }, OPEN_WALKTHROUGH_COMMAND, () => openWalkthrough(context));
}
