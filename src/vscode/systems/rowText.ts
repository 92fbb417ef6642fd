// Words and icons shared by the Systems view's rows (no `vscode` import).
import type { Localizer } from '../../platform/presentation';
import type { RowIcon } from '../shared/treeRow';

/** "3 min", "2 h", "4 d": how long ago an ISO time was. */
export function ageText(iso: string | null | undefined, nowMs: number, t: Localizer['t']): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(at) || at <= 0) return t('age unknown');
  const minutes = Math.max(0, Math.floor((nowMs - at) / 60_000));
  if (minutes < 1) return t('just now');
  if (minutes < 60) return t('{0} min ago', minutes);
  if (minutes < 48 * 60) return t('{0} h ago', Math.floor(minutes / 60));
  return t('{0} d ago', Math.floor(minutes / (24 * 60)));
}

const STATUS_ICON: Record<string, RowIcon> = {
  New: { id: 'clock', color: 'charts.yellow' },
  Accepted: { id: 'pass', color: 'testing.iconPassed' },
  Rejected: { id: 'close', color: 'errorForeground' },
  Denied: { id: 'close', color: 'errorForeground' },
  Timedout: { id: 'watch', color: 'list.warningForeground' },
  NoChangeNeeded: { id: 'check' },
};

export function statusIcon(status: string): RowIcon {
  return STATUS_ICON[status] ?? { id: 'question' };
}
