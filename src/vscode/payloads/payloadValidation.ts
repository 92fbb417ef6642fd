import * as vscode from 'vscode';
import type { Prompts } from '../prompts';
import { JsonSyntaxError, locatePath, parseJsonWithOffsets, type JsonValueNode } from './jsonLocator';
import { findShape, guessShape, PAYLOAD_SHAPES, validateShape, type PayloadShape } from './payloadShapes';

export interface ValidationResult {
  readonly shape: string;
  readonly problems: number;
  readonly syntaxError?: string;
}

/**
 * "Validate payload": checks a JSON document against one API shape (our zod schemas) and shows the problems as
 * diagnostics at their JSON paths. A validated document is checked again as it is edited, until it is closed.
 */
export class PayloadValidator implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('altinnInbox.payload');
  private readonly shapes = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [this.diagnostics];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleRevalidation(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
  }

  /** Asks for the shape (suggesting the likely one first) unless `shapeId` is given. */
  async validate(document: vscode.TextDocument, prompts: Prompts, shapeId?: string): Promise<ValidationResult> {
    const text = document.getText();
    let suggested: string | undefined;
    try {
      suggested = guessShape(JSON.parse(text.replace(/^\uFEFF/, '')));
    } catch {
      suggested = undefined;
    }
    const shape = shapeId
      ? findShape(shapeId)
      : await this.pickShape(prompts, suggested ?? this.shapes.get(document.uri.toString()));
    if (!shape)
      throw new Error(
        vscode.l10n.t(
          'Unknown payload shape "{0}". Known shapes: {1}',
          shapeId ?? '',
          PAYLOAD_SHAPES.map((s) => s.id).join(', '),
        ),
      );
    this.shapes.set(document.uri.toString(), shape.id);
    return this.check(document, shape);
  }

  diagnosticsFor(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  private async pickShape(prompts: Prompts, suggested: string | undefined): Promise<PayloadShape> {
    const ordered = suggested
      ? [...PAYLOAD_SHAPES].sort((a, b) => Number(b.id === suggested) - Number(a.id === suggested))
      : PAYLOAD_SHAPES;
    const items = ordered.map((shape) => ({
      label: shape.name,
      description: shape.id === suggested ? vscode.l10n.t('suggested from the document') : shape.id,
      detail: shape.source,
      id: shape.id,
      shape,
    }));
    return (
      await prompts.pick(items, {
        title: vscode.l10n.t('Validate payload against…'),
        placeHolder: vscode.l10n.t('Which API response is this JSON?'),
        matchOnDetail: true,
      })
    ).shape;
  }

  private check(document: vscode.TextDocument, shape: PayloadShape): ValidationResult {
    const text = document.getText();
    let root: JsonValueNode;
    try {
      root = parseJsonWithOffsets(text);
    } catch (error) {
      const offset = error instanceof JsonSyntaxError ? error.offset : 0;
      const position = document.positionAt(offset);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(position, position.translate(0, 1)),
        vscode.l10n.t('Not valid JSON: {0}', (error as Error).message),
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'Altinn payload';
      this.diagnostics.set(document.uri, [diagnostic]);
      return { shape: shape.id, problems: 1, syntaxError: (error as Error).message };
    }
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    const problems = validateShape(shape, value);
    const diagnostics = problems.map((problem) => {
      const located = locatePath(root, problem.path);
      const range = new vscode.Range(
        document.positionAt(located.offset),
        document.positionAt(located.offset + Math.max(1, located.length)),
      );
      const where = located.exact ? problem.pathText : vscode.l10n.t('{0} (missing)', problem.pathText);
      const diagnostic = new vscode.Diagnostic(
        range,
        `${shape.name}: ${where}: ${problem.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'Altinn payload';
      diagnostic.code = problem.pathText;
      return diagnostic;
    });
    this.diagnostics.set(document.uri, diagnostics);
    return { shape: shape.id, problems: diagnostics.length };
  }

  private scheduleRevalidation(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const shapeId = this.shapes.get(key);
    if (!shapeId) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const shape = findShape(shapeId);
        if (shape && !document.isClosed) this.check(document, shape);
      }, 300),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.shapes.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
