import * as vscode from 'vscode';
import { Command } from '../constants';
import type { WeeklyPapersCommand } from './commandManager';
import { resolvePaper } from './paperPicker';
import type { CommandServices } from './services';

/**
 * "Reveal in Issue File": the issue's file, scrolled to the paper, its heading selected. The
 * bundled sample is the extension's own file: it opens read-only.
 */
export class RevealInIssueFileCommand implements WeeklyPapersCommand {
  readonly id = Command.revealInIssueFile;

  constructor(private readonly services: CommandServices) {}

  async execute(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    const target = await resolvePaper(this.services, arg, { title: vscode.l10n.t('Reveal in Issue File'), accept: (candidate) => candidate.found !== null });
    if (!target) return undefined;
    if (!target.found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is in no issue file any more; its note and status are kept.', target.title));
      return undefined;
    }
    const { paper, entry } = target.found;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.source.id, true));
    const headingLine = Math.min(paper.range.startLine, document.lineCount) - 1;
    const lastLine = Math.min(paper.range.endLine, document.lineCount) - 1;
    const heading = document.lineAt(headingLine);
    const selection = new vscode.Selection(headingLine, heading.firstNonWhitespaceCharacterIndex, headingLine, heading.range.end.character);
    const editor = await vscode.window.showTextDocument(document, { selection, preview: true });
    editor.revealRange(new vscode.Range(headingLine, 0, lastLine, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (entry.source.bundled) {
      // The active editor is the one just shown: nothing ran in between.
      await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    }
    return editor;
  }
}
