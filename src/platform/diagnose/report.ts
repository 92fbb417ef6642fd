import { redactSecrets } from '../http';
import type { Localizer } from '../presentation';
import type { DiagnoseCause, DiagnoseFacts, Diagnosis, Verdict } from './types';

const VERDICT_MARK: Record<Verdict, string> = {
  ok: '✅',
  problem: '❌',
  warning: '⚠️',
  unknown: '❔',
  skipped: '➖',
};

/** The cause in a few words, for the report's first line and the notification. */
export function causeTitle(cause: DiagnoseCause | undefined, l10n: Localizer): string {
  switch (cause) {
    case undefined:
      return l10n.t('No problem found in the chain');
    case 'token-failed':
      return l10n.t('No token: the token request failed');
    case 'missing-scope':
      return l10n.t('A scope is missing from the token');
    case 'no-system-user-in-token':
      return l10n.t('No system user in the token');
    case 'plain-maskinporten-token':
      return l10n.t('A plain Maskinporten token on the end-user API');
    case 'client-id-not-on-system':
      return l10n.t('MP-303: the system does not list the client id');
    case 'wrong-systemuser-org':
      return l10n.t('MP-303: wrong systemuser_org');
    case 'external-ref-mismatch':
      return l10n.t('MP-303: the externalRef does not match');
    case 'request-pending':
      return l10n.t('The system-user request is still pending');
    case 'request-rejected':
      return l10n.t('The customer rejected the system-user request');
    case 'request-timed-out':
      return l10n.t('The system-user request timed out');
    case 'no-system-user':
      return l10n.t('No system user for the organisation');
    case 'rights-do-not-cover':
      return l10n.t('The system user’s rights do not cover the service');
    case 'correspondence-needs':
      return l10n.t('Correspondence lacks what it needs');
  }
}

/**
 * The report as Markdown: the verdict first, then each step with its evidence and fix. Everything passes through the
 * secret redaction, although the facts never hold a token (only selected claims).
 */
export function formatDiagnosisReport(
  facts: DiagnoseFacts,
  diagnosis: Diagnosis,
  l10n: Localizer,
  options: { readonly subject: string; readonly generatedAt: Date },
): string {
  const lines = [
    `# ${l10n.t('Why is this empty or refused?')}`,
    '',
    `**${l10n.t('Verdict')}: ${causeTitle(diagnosis.cause, l10n)}**`,
    '',
    `- ${l10n.t('About')}: ${options.subject}`,
    `- ${l10n.t('Profile')}: ${facts.profile.label} (${facts.profile.kind}, ${facts.profile.environment})`,
    `- ${l10n.t('Feature')}: ${facts.feature}`,
  ];
  if (facts.partyOrganisation) lines.push(`- ${l10n.t('Organisation')}: ${facts.partyOrganisation}`);
  if (diagnosis.cause) lines.push(`- ${l10n.t('Cause id')}: \`${diagnosis.cause}\``);
  lines.push(`- ${l10n.t('Generated')}: ${options.generatedAt.toISOString()}`, '');
  diagnosis.steps.forEach((step, index) => {
    lines.push(`## ${index + 1}. ${VERDICT_MARK[step.verdict]} ${step.title}`, '', step.summary, '');
    for (const item of step.evidence) lines.push(`- ${item}`);
    if (step.evidence.length) lines.push('');
    if (step.fix) lines.push(`${l10n.t('Fix')}: ${step.fix.label} (\`${step.fix.command}\`)`, '');
  });
  lines.push(`_${l10n.t('Tokens are never included in this report; claims are shown by name and value.')}_`, '');
  return redactSecrets(lines.join('\n'));
}
