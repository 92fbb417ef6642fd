import * as vscode from 'vscode';
import { causeTitle, diagnose, formatDiagnosisReport, type Diagnosis } from '../../platform/diagnose';
import { ApiError } from '../../platform/errors';
import { withCancellableProgress } from '../cancellableProgress';
import { registerCommand } from '../commands';
import type { ExtensionServices } from '../services';
import { profileIdOf, resolveProfile } from '../shared/profileArgs';
import { gatherFacts, organisationOfParty, type DiagnosedFeature, type DiagnoseTarget } from './gatherFacts';

/** What the command returns (host tests read it): the verdicts and the report document. */
export interface DiagnoseResult {
  readonly diagnosis: Diagnosis;
  readonly report: string;
  readonly document: vscode.TextDocument;
}

/**
 * "Why is this empty or refused?" on the Inbox (title bar), a party, an error row and a Connections profile: gathers
 * the facts, walks the chain (platform/diagnose) and opens the report as a Markdown document; the first problem's Fix
 * is offered beside it.
 */
export function registerDiagnose(services: ExtensionServices): void {
  registerCommand(services.context, { log: services.log }, 'altinnInbox.diagnose', async (arg?: unknown) => {
    const target = await targetOf(services, arg);
    const facts = await withCancellableProgress(vscode.l10n.t('Diagnosing "{0}"…', target.profile.label), () =>
      gatherFacts(services, target),
    );
    const diagnosis = diagnose(facts, vscode.l10n);
    const report = formatDiagnosisReport(facts, diagnosis, vscode.l10n, {
      subject: target.subject,
      generatedAt: new Date(),
    });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
    await vscode.window.showTextDocument(document, { preview: false });
    services.log.info(`[diagnose] ${target.subject}: ${diagnosis.cause ?? 'no problem found'}`);
    const fix = diagnosis.steps.find((step) => step.verdict === 'problem' && step.fix)?.fix;
    if (fix)
      void vscode.window.showWarningMessage(causeTitle(diagnosis.cause, vscode.l10n), fix.label).then((choice) => {
        if (choice === fix.label) void vscode.commands.executeCommand(fix.command, ...(fix.arguments ?? []));
      });
    return { diagnosis, report, document } satisfies DiagnoseResult;
  });
}

interface NodeLike {
  readonly partyUrn?: unknown;
  readonly error?: unknown;
  readonly target?: NodeLike;
  readonly parent?: NodeLike;
  readonly feature?: unknown;
  readonly organisation?: unknown;
}

/**
 * Reads the row Diagnose was run on: an Inbox party or error row (their party and error), a Connections profile
 * row, `{ profileId, feature, organisation }` from other commands and tests, or nothing (the active profile's Inbox).
 */
async function targetOf(services: ExtensionServices, arg: unknown): Promise<DiagnoseTarget> {
  const node = (arg && typeof arg === 'object' ? arg : {}) as NodeLike;
  const profile = await resolveProfile(services, profileIdOf(arg) ? arg : undefined, {
    title: vscode.l10n.t('Diagnose a connection'),
    preferActive: true,
  });
  let partyUrn: string | undefined;
  for (let at: NodeLike | undefined = node; at && !partyUrn; at = at.target ?? at.parent)
    if (typeof at.partyUrn === 'string') partyUrn = at.partyUrn;
  const organisation = typeof node.organisation === 'string' ? node.organisation : organisationOfParty(partyUrn);
  const error = 'error' in node ? node.error : undefined;
  const feature = featureOf(node.feature, error);
  const subject = error
    ? vscode.l10n.t('an error in the Inbox')
    : organisation
      ? vscode.l10n.t('the Inbox of {0}', organisation)
      : vscode.l10n.t('the Inbox of "{0}"', profile.label);
  return { profile, feature, partyOrganisation: organisation, error, subject };
}

function featureOf(explicit: unknown, error: unknown): DiagnosedFeature {
  if (explicit === 'dialogportenInbox' || explicit === 'correspondence' || explicit === 'authorizedParties')
    return explicit;
  const url = error instanceof ApiError ? error.request.url : '';
  if (/\/correspondence\//.test(url)) return 'correspondence';
  if (/\/accessmanagement\//.test(url)) return 'authorizedParties';
  return 'dialogportenInbox';
}
