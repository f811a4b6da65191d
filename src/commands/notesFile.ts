import * as vscode from 'vscode';
import { Command } from '../constants';
import { NOTES_FILE_NAME, formatNotesMarkdown, parseNotesMarkdown } from '../core/notesMarkdown';
import { isEmptyState, type PaperState } from '../core/paperState';
import type { WeeklyPapersCommand } from './commandManager';
import type { CommandServices } from './services';

const MARKDOWN_FILTERS = { Markdown: ['md', 'markdown'] };

/** "Export Notes…": every note and reading status into one Markdown file. `(uri)` writes there without asking. */
export class ExportNotesCommand implements WeeklyPapersCommand {
  readonly id = Command.exportNotes;

  constructor(private readonly services: CommandServices) {}

  async execute(target?: unknown): Promise<vscode.Uri | undefined> {
    const states = this.services.store.all();
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            title: 'Export Notes',
            saveLabel: 'Export',
            defaultUri: defaultNotesUri(),
            filters: MARKDOWN_FILTERS,
          });
    if (!uri) return undefined;
    const text = formatNotesMarkdown(states, new Date().toISOString().slice(0, 10));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!(target instanceof vscode.Uri)) {
      const count = states.size === 1 ? '1 paper' : `${states.size} papers`;
      void vscode.window.showInformationMessage(`Exported the notes and statuses of ${count} to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((choice) => {
        if (choice === 'Open') void vscode.window.showTextDocument(uri);
      });
    }
    return uri;
  }
}

export interface ImportSummary {
  /** Papers whose note or status the file changed. */
  readonly changed: number;
  /** Papers left as they are because what is here was changed after the file was written. */
  readonly keptNewer: number;
  readonly problems: readonly string[];
}

/**
 * "Import Notes…": reads an exported file back. A paper changed here after the file was written
 * keeps what it has here (nothing newer is ever overwritten); everything else takes the file's.
 * `(uri)` reads that file without asking.
 */
export class ImportNotesCommand implements WeeklyPapersCommand {
  readonly id = Command.importNotes;

  constructor(private readonly services: CommandServices) {}

  async execute(source?: unknown): Promise<ImportSummary | undefined> {
    const uri =
      source instanceof vscode.Uri
        ? source
        : (await vscode.window.showOpenDialog({ title: 'Import Notes', openLabel: 'Import', defaultUri: defaultNotesUri(), filters: MARKDOWN_FILTERS }))?.[0];
    if (!uri) return undefined;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const imported = parseNotesMarkdown(text);
    const { store } = this.services;
    const incoming = new Map<string, PaperState>();
    let keptNewer = 0;
    for (const [key, state] of imported.states) {
      if (isEmptyState(state)) continue;
      const current = store.get(key);
      if (current && current.updatedAt > state.updatedAt && (current.note !== state.note || current.status !== state.status)) {
        keptNewer++;
        continue;
      }
      // A file entry with a status and no note never clears a note written here.
      incoming.set(key, current && state.note.trim() === '' && current.note.trim() !== '' ? { ...state, note: current.note } : state);
    }
    const changed = await store.merge(incoming);
    const problems = imported.problems.map((problem) => `line ${problem.line}: ${problem.message}`);
    const summary: ImportSummary = { changed, keptNewer, problems };
    if (!(source instanceof vscode.Uri)) tell(summary, imported.states.size);
    return summary;
  }
}

function tell({ changed, keptNewer, problems }: ImportSummary, total: number): void {
  if (total === 0) {
    void vscode.window.showWarningMessage('That file holds no Weekly Papers notes: was it written by "Export Notes"?');
    return;
  }
  const parts = [`Imported notes and statuses: ${changed} ${changed === 1 ? 'paper' : 'papers'} changed`];
  if (keptNewer > 0) parts.push(`${keptNewer} kept as ${keptNewer === 1 ? 'it is' : 'they are'} here, changed after the file was written`);
  const message = `${parts.join('; ')}.`;
  if (problems.length > 0) void vscode.window.showWarningMessage(`${message} ${problems.length === 1 ? 'One part' : `${problems.length} parts`} could not be read (${problems[0]}).`);
  else void vscode.window.showInformationMessage(message);
}

function defaultNotesUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, NOTES_FILE_NAME) : undefined;
}
