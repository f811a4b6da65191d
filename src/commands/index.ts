// Every command, built once with the services it needs and registered in one place.
import type * as vscode from 'vscode';
import { ChooseArxivMatchCommand, RemoveArxivMatchCommand } from './arxivMatch';
import { CommandManager, type WeeklyPapersCommand } from './commandManager';
import { CopyBibtexCommand, CopyLinkCommand } from './copy';
import { EditNoteCommand } from './editNote';
import { ImportIssueFromClipboardCommand, ImportIssueFromFileCommand, ImportIssueFromUrlCommand } from './importIssue';
import { ExportBibtexCommand } from './exportBibtex';
import { ClearFilterCommand, FilterCommand } from './filter';
import { ExportNotesCommand, ImportNotesCommand } from './notesFile';
import { OpenLinkCommand } from './openLink';
import { OpenPaperCommand } from './openPaper';
import { RefreshCommand } from './refresh';
import { RevealInIssueFileCommand } from './revealInIssueFile';
import { SetStatusCommand } from './setStatus';
import type { CommandServices } from './services';

export type { CommandServices, OpenUrl } from './services';

/** The commands, unregistered: tests build them with their own services (a recording `open`). */
export function createCommands(services: CommandServices): WeeklyPapersCommand[] {
  return [
    new OpenPaperCommand(services),
    new OpenLinkCommand('arxiv', services),
    new OpenLinkCommand('pdf', services),
    new OpenLinkCommand('code', services),
    new OpenLinkCommand('huggingface', services),
    new EditNoteCommand(services),
    new SetStatusCommand(services),
    new CopyLinkCommand(services),
    new CopyBibtexCommand(services),
    new RevealInIssueFileCommand(services),
    new RefreshCommand(services),
    new FilterCommand(services),
    new ClearFilterCommand(services),
    new ExportNotesCommand(services),
    new ImportNotesCommand(services),
    new ImportIssueFromClipboardCommand(services),
    new ImportIssueFromFileCommand(services),
    new ImportIssueFromUrlCommand(services),
    new ExportBibtexCommand(services),
    new ChooseArxivMatchCommand(services),
    new RemoveArxivMatchCommand(services),
  ];
}

export function registerCommands(services: CommandServices): vscode.Disposable {
  const manager = new CommandManager();
  for (const command of createCommands(services)) manager.register(command);
  return manager;
}
