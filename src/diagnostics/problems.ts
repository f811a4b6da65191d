// The parser's diagnostics in the Problems panel: one collection, one entry per issue file.
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/model/model';

/** The collection's name and every diagnostic's source, as the Problems panel shows them. */
export const PROBLEMS_SOURCE = 'Weekly Papers';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class IssueProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(PROBLEMS_SOURCE);

  /** Shows a file's problems, each on its line (`lines` has the text of those lines); none clears the file's entry. */
  set(uri: vscode.Uri, diagnostics: readonly Diagnostic[], lines: ReadonlyMap<number, string>): void {
    if (diagnostics.length === 0) {
      // Most issue files are clean: telling the workbench nothing changed costs a message each.
      if (this.collection.has(uri)) this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, diagnostics.map((diagnostic) => toVscode(diagnostic, lines)));
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** Underlines the line's text (without its indentation), so the squiggle sits on what is wrong. */
function toVscode(diagnostic: Diagnostic, lines: ReadonlyMap<number, string>): vscode.Diagnostic {
  const index = Math.max(diagnostic.line, 1) - 1;
  const text = lines.get(diagnostic.line) ?? '';
  const start = text.length - text.trimStart().length;
  const range = new vscode.Range(index, start, index, Math.max(start, text.trimEnd().length));
  const result = new vscode.Diagnostic(range, diagnostic.message, SEVERITY[diagnostic.severity]);
  result.source = PROBLEMS_SOURCE;
  result.code = diagnostic.code;
  return result;
}
