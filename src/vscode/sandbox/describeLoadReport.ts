import type { LoadReport } from '../../sandbox';

/** The log lines for what the sandbox made of its data folder: one summary, then one line per unusable file. */
export function describeLoadReport(report: LoadReport): { summary: string; problems: string[] } {
  const count = (kind: LoadReport['loaded'][number]['kind']): number =>
    report.loaded.filter((entry) => entry.kind === kind).length;
  const summary = `[sandbox] data folder ${report.dataDir ?? '?'}: ${count('dialog')} dialogs, ${count('parties')} parties payloads and ${count('content')} main-content files loaded; ${report.skipped.length} skipped, ${report.problems.length} not usable`;
  return {
    summary,
    problems: report.problems.map((problem) => `[sandbox] data folder: ${problem.file}: ${problem.reason}`),
  };
}
