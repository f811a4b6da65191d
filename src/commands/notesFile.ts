import * as vscode from 'vscode';
import { readBoundedFile } from '../util/boundedFile';
import { Command } from '../constants';
import { NOTES_FILE_NAME, formatNotesMarkdown, parseNotesMarkdown } from '../core/formats/notesMarkdown';
import { isEmptyState, type PaperState } from '../core/model/paperState';
import { decodeText } from '../core/parse/text';
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
            title: vscode.l10n.t('Export Notes'),
            saveLabel: vscode.l10n.t('Export'),
            defaultUri: defaultNotesUri(),
            filters: MARKDOWN_FILTERS,
          });
    if (!uri) return undefined;
    const text = formatNotesMarkdown(states, new Date().toISOString().slice(0, 10));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!(target instanceof vscode.Uri)) {
      const path = vscode.workspace.asRelativePath(uri);
      const message =
        states.size === 1
          ? vscode.l10n.t('Exported the notes and statuses of 1 paper to {0}.', path)
          : vscode.l10n.t('Exported the notes and statuses of {0} papers to {1}.', states.size, path);
      const open = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage(message, open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
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
  /** The file was over MAX_NOTES_FILE_BYTES: nothing was read. */
  readonly tooLarge?: boolean;
}

/** The largest notes file read: an export of thousands of papers with long notes is a few MB. */
export const MAX_NOTES_FILE_BYTES = 64 * 1024 * 1024;

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
        : (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Notes'), openLabel: vscode.l10n.t('Import'), defaultUri: defaultNotesUri(), filters: MARKDOWN_FILTERS }))?.[0];
    if (!uri) return undefined;
    const file = await readBoundedFile(uri, MAX_NOTES_FILE_BYTES);
    if (file.kind === 'tooLarge') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('That file is over {0} MB, the most a notes file may be. Nothing was imported.', MAX_NOTES_FILE_BYTES / (1024 * 1024)),
      );
      return { changed: 0, keptNewer: 0, problems: [], tooLarge: true };
    }
    const text = decodeText(file.bytes);
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
    const problems = imported.problems.map((problem) => vscode.l10n.t('line {0}: {1}', problem.line, problem.message));
    const summary: ImportSummary = { changed, keptNewer, problems };
    if (!(source instanceof vscode.Uri)) tell(summary, imported.states.size);
    return summary;
  }
}

function tell({ changed, keptNewer, problems }: ImportSummary, total: number): void {
  if (total === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('That file holds no Weekly Papers notes: was it written by "Export Notes"?'));
    return;
  }
  const message = importedNotes(changed, keptNewer);
  const [first] = problems;
  if (first === undefined) {
    void vscode.window.showInformationMessage(message);
    return;
  }
  const unread = problems.length === 1 ? vscode.l10n.t('One part could not be read ({0}).', first) : vscode.l10n.t('{0} parts could not be read ({1}).', problems.length, first);
  void vscode.window.showWarningMessage(`${message} ${unread}`);
}

/** How many papers an import of notes changed, and how many it left as they are here (newer). */
function importedNotes(changed: number, keptNewer: number): string {
  if (keptNewer === 0) {
    return changed === 1 ? vscode.l10n.t('Imported notes and statuses: 1 paper changed.') : vscode.l10n.t('Imported notes and statuses: {0} papers changed.', changed);
  }
  if (keptNewer === 1) {
    return changed === 1
      ? vscode.l10n.t('Imported notes and statuses: 1 paper changed; 1 kept as it is here, changed after the file was written.')
      : vscode.l10n.t('Imported notes and statuses: {0} papers changed; 1 kept as it is here, changed after the file was written.', changed);
  }
  return changed === 1
    ? vscode.l10n.t('Imported notes and statuses: 1 paper changed; {0} kept as they are here, changed after the file was written.', keptNewer)
    : vscode.l10n.t('Imported notes and statuses: {0} papers changed; {1} kept as they are here, changed after the file was written.', changed, keptNewer);
}

function defaultNotesUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, NOTES_FILE_NAME) : undefined;
}
