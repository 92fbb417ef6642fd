import * as vscode from 'vscode';
import { UserCancelledError } from './commands';

/**
 * Every question a command asks the user goes through here, so host tests can answer them
 * (ScriptedPrompts) while the real UI uses VS Code's pickers and dialogs. Dismissal throws UserCancelledError.
 */
export interface Prompts {
  pick<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions & { canPickMany?: false },
  ): Promise<T>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]>;
  input(options: vscode.InputBoxOptions): Promise<string>;
  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri>;
  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri>;
  /** A modal warning; resolves with the chosen action, throws UserCancelledError when dismissed. */
  confirm(message: string, detail: string, action: string): Promise<void>;
}

export class WindowPrompts implements Prompts {
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: false, ignoreFocusOut: true });
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]> {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  async input(options: vscode.InputBoxOptions): Promise<string> {
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    if (value === undefined) throw new UserCancelledError();
    return value;
  }

  async openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri> {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, ...options });
    if (!picked?.[0]) throw new UserCancelledError();
    return picked[0];
  }

  async saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const picked = await vscode.window.showSaveDialog(options);
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  async confirm(message: string, detail: string, action: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    if (choice !== action) throw new UserCancelledError();
  }
}

/** One scripted answer: a value, a function choosing among offered items, or `undefined` to dismiss. */
export type ScriptedAnswer = unknown;

/**
 * Test double used only through testHooks: answers are consumed in order; each call is recorded
 * (kind + options, with password inputs' values never recorded) so tests can assert what was asked.
 */
export class ScriptedPrompts implements Prompts {
  readonly asked: {
    kind: string;
    title?: string;
    detail?: string;
    placeHolder?: string;
    prompt?: string;
    items?: string[];
  }[] = [];
  private answers: ScriptedAnswer[] = [];

  enqueue(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  get pending(): number {
    return this.answers.length;
  }

  private next(kind: string, record: Omit<ScriptedPrompts['asked'][number], 'kind'>): ScriptedAnswer {
    this.asked.push({ kind, ...record });
    if (this.answers.length === 0)
      throw new Error(
        `ScriptedPrompts: no answer queued for ${kind} "${record.title ?? record.placeHolder ?? record.prompt ?? ''}"`,
      );
    const answer = this.answers.shift();
    if (answer === undefined) throw new UserCancelledError();
    return answer;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
    const answer = this.next('pick', {
      title: options.title,
      placeHolder: options.placeHolder,
      items: items.map((i) => i.label),
    });
    const found =
      typeof answer === 'function'
        ? (answer as (items: readonly T[]) => T | undefined)(items)
        : items.find((i) => i.label === answer || (i as { id?: unknown }).id === answer);
    if (!found)
      throw new Error(`ScriptedPrompts: "${String(answer)}" is not among ${items.map((i) => i.label).join(', ')}`);
    return found;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]> {
    const answer = this.next('pickMany', {
      title: options.title,
      placeHolder: options.placeHolder,
      items: items.map((i) => i.label),
    });
    if (typeof answer === 'function') return (answer as (items: readonly T[]) => T[])(items);
    const wanted = answer as string[];
    return items.filter((i) => wanted.includes(i.label) || wanted.includes((i as { id?: string }).id ?? ''));
  }

  async input(options: vscode.InputBoxOptions): Promise<string> {
    const answer = String(
      this.next('input', { title: options.title, prompt: options.prompt, placeHolder: options.placeHolder }),
    );
    const problem = await options.validateInput?.(answer);
    // Information and warning messages under the input box do not block accepting it; errors (and plain strings) do.
    const blocking =
      typeof problem === 'string' ||
      (problem !== null && problem !== undefined && problem.severity === vscode.InputBoxValidationSeverity.Error);
    const message = typeof problem === 'string' ? problem : problem?.message;
    if (blocking && message)
      throw new Error(
        `ScriptedPrompts: the input box would refuse "${options.password ? '<password>' : answer}": ${message}`,
      );
    return answer;
  }

  async openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri> {
    const answer = this.next('openFile', { title: options.title });
    return answer instanceof vscode.Uri ? answer : vscode.Uri.file(String(answer));
  }

  async saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const answer = this.next('saveFile', { title: options.title });
    return answer instanceof vscode.Uri ? answer : vscode.Uri.file(String(answer));
  }

  async confirm(message: string, detail: string, action: string): Promise<void> {
    const answer = this.next('confirm', { title: message, detail });
    if (answer !== action && answer !== true) throw new UserCancelledError();
  }
}
