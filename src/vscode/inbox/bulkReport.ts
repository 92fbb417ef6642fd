import * as vscode from 'vscode';
import type { BulkFailureReason, BulkLabelResult } from '../../platform/dialogporten/bulk';
import type { BulkTarget } from './bulkActions';

/** What a failure reason means for the user, and what to do about it. */
function reasonText(reason: BulkFailureReason): string {
  switch (reason) {
    case 'invalid-id':
      return vscode.l10n.t('not a dialog id');
    case 'not-found':
      return vscode.l10n.t('not found, or not visible to this connection');
    case 'gone':
      return vscode.l10n.t('deleted');
    case 'revision-conflict':
      return vscode.l10n.t('changed elsewhere since it was listed: refresh and try again');
    case 'forbidden':
      return vscode.l10n.t('this connection may not change it');
    case 'refused':
      return vscode.l10n.t('refused by Dialogporten');
  }
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').slice(0, 200);
}

/** A markdown report of a bulk label action: counts, then one row per dialog that failed or was not tried. */
export function bulkReport(
  verb: string,
  result: BulkLabelResult,
  targets: readonly BulkTarget[],
  environment: string,
): string {
  const byId = new Map(targets.map((t) => [t.dialogId.toLowerCase(), t]));
  const lines = [
    `# ${vscode.l10n.t('{0}: {1} dialogs', verb, result.outcomes.length)}`,
    '',
    `${vscode.l10n.t('Environment')}: ${environment} · ${new Date().toISOString()}`,
    '',
    `- ${vscode.l10n.t('Changed: {0}', result.succeeded)}`,
    `- ${vscode.l10n.t('Failed: {0}', result.failed)}`,
    `- ${vscode.l10n.t('Not tried (cancelled): {0}', result.skipped)}`,
    `- ${vscode.l10n.t('Requests to Dialogporten: {0}', result.requests)}`,
    '',
  ];
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  if (failed.length) {
    lines.push(
      `## ${vscode.l10n.t('Failed')}`,
      '',
      `| ${[vscode.l10n.t('Dialog id'), vscode.l10n.t('Title'), vscode.l10n.t('Party'), vscode.l10n.t('Why'), 'HTTP', vscode.l10n.t('Message')].join(' | ')} |`,
      '|---|---|---|---|---|---|',
    );
    for (const outcome of failed) {
      if (outcome.status !== 'failed') continue;
      const target = byId.get(outcome.dialogId);
      lines.push(
        `| ${[outcome.dialogId, target?.title, target?.partyUrn, reasonText(outcome.reason), String(outcome.httpStatus ?? ''), outcome.message].map(cell).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  const skipped = result.outcomes.filter((o) => o.status === 'skipped');
  if (skipped.length) {
    lines.push(`## ${vscode.l10n.t('Not tried')}`, '');
    for (const outcome of skipped) lines.push(`- ${cell(outcome.dialogId)} ${cell(byId.get(outcome.dialogId)?.title)}`);
    lines.push('');
  }
  return lines.join('\n');
}
