import * as vscode from 'vscode';

/**
 * Runs `work` under a cancellable progress notification; the notification's Cancel aborts the signal `work` gets
 * (as does `alsoAbortOn`, e.g. a panel being closed).
 */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
  alsoAbortOn?: AbortSignal,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, cancellation) => {
      const controller = new AbortController();
      const subscription = cancellation.onCancellationRequested(() => controller.abort());
      const signal = alsoAbortOn ? AbortSignal.any([controller.signal, alsoAbortOn]) : controller.signal;
      try {
        return await work(signal, progress);
      } finally {
        subscription.dispose();
      }
    },
  );
}
