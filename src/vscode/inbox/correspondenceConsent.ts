import * as vscode from 'vscode';
import type { Prompts } from '../prompts';

/**
 * Reading a correspondence's overview records the status Fetched, which the sender sees; listing the ids does not.
 * On Production the tree lists the ids but reads no overview until the user agrees, once per resource (or linked
 * message) and party for the rest of the session. Kept in memory only: a new session asks again.
 */
export interface ConsentScope {
  readonly profileId: string;
  readonly partyUrn: string;
  /** What the consent covers: `resource:<id>` or `correspondence:<id>`. */
  readonly subject: string;
}

/** A tree node that reads overviews only with consent on Production. */
export interface ConsentGated {
  readonly consentScope: ConsentScope;
  /** For the question: the resource, or the linked message's id. */
  readonly consentWhat: { readonly kind: 'resource' | 'message'; readonly name: string; readonly count: number };
}

export class CorrespondenceConsent {
  private readonly given = new Set<string>();

  has(scope: ConsentScope): boolean {
    return this.given.has(keyOf(scope));
  }

  give(scope: ConsentScope): void {
    this.given.add(keyOf(scope));
  }

  /** Asks (on Production, when not asked before this session) whether to read the overviews; throws when declined. */
  async ask(prompts: Prompts, target: ConsentGated): Promise<void> {
    if (this.has(target.consentScope)) return;
    const { kind, name, count } = target.consentWhat;
    await prompts.confirm(
      kind === 'resource'
        ? vscode.l10n.t('Show the messages of {0} in Production?', name)
        : vscode.l10n.t('Show correspondence {0} in Production?', name),
      kind === 'resource'
        ? vscode.l10n.t(
            'Altinn Correspondence records the status Fetched for each message whose overview is read ({0} listed, read a page at a time): the sender can see it. Listing them did not. Read and Confirmed stay separate actions. You are asked once per resource for this session.',
            count,
          )
        : vscode.l10n.t(
            "Altinn Correspondence records the status Fetched when the message's overview is read: the sender can see it. Read and Confirmed stay separate actions.",
          ),
      kind === 'resource' ? vscode.l10n.t('Show Messages') : vscode.l10n.t('Show Message'),
    );
    this.give(target.consentScope);
  }
}

function keyOf(scope: ConsentScope): string {
  return JSON.stringify([scope.profileId, scope.partyUrn, scope.subject]);
}

/** The row shown instead of the messages until the user agrees. */
export function consentRowOptions(target: ConsentGated & { readonly id: string }): {
  label: string;
  description: string;
  icon: string;
  command: vscode.Command;
  tooltip: string;
  contextValue: string;
} {
  const resource = target.consentWhat.kind === 'resource';
  return {
    label: resource
      ? vscode.l10n.t('Show the messages (Altinn records each as Fetched, which the sender sees)…')
      : vscode.l10n.t('Show the message (Altinn records it as Fetched, which the sender sees)…'),
    description: vscode.l10n.t('Production: asks first'),
    icon: 'shield',
    command: {
      command: 'altinnInbox.showCorrespondenceMessages',
      title: vscode.l10n.t('Show Messages'),
      arguments: [target],
    },
    tooltip: vscode.l10n.t(
      "On Production nothing is read until you agree: reading a message's overview (GET …/correspondence/{id}) makes Altinn record the status Fetched, which the sender can see. Listing the ids records nothing.",
    ),
    contextValue: 'hint correspondenceConsent',
  };
}
