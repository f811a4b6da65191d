// What every "Import Issue" command shares: parse the text, show what was recognised, save it
// as `vol-N.txt` in the workspace's issues folder (or the global storage with no folder open).
// A save writes a temporary file and renames it over the old one: an import that fails half way
// leaves what the reader had.
import * as vscode from 'vscode';
import { Setting } from '../constants';
import { issueLabel } from '../core/format';
import type { Diagnostic, Issue } from '../core/model';
import { parseIssueText } from '../core/parse';
import { createIssueFileFilter, wouldList } from '../sources/issueFileFilter';
import type { Refreshable } from '../sources/refreshable';
import { issueFilesGlob } from '../sources/workspaceIssues';

export const DEFAULT_IMPORT_FOLDER = 'issues';

/** Options a caller (a test, another extension) may pass: `confirm: false` saves without the preview. */
export interface ImportOptions {
  readonly confirm?: boolean;
  /** How long a URL may take to answer (ms); 15 s by default. */
  readonly timeoutMs?: number;
  /** Imports this entry (0-based) of a feed instead of asking. */
  readonly feedItem?: number;
}

export type ImportOutcome =
  | {
      readonly status: 'saved';
      readonly uri: vscode.Uri;
      readonly issue: Issue;
      readonly diagnostics: readonly Diagnostic[];
      readonly replaced: boolean;
      /** Why the Issues view will not show the saved file (the reader's settings hide it), or null. */
      readonly hiddenBy: string | null;
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

interface Target {
  readonly uri: vscode.Uri;
  readonly folder: vscode.Uri;
  readonly inWorkspace: boolean;
}

export class IssueImporter {
  constructor(
    /** Where imports go with no folder open. */
    private readonly globalFolder: vscode.Uri,
    /** Re-read after an import into the global folder (the workspace source sees its files itself). */
    private readonly globalIssues: Refreshable,
  ) {}

  /** Parses `text` (already the parser's shape), previews it unless `confirm: false`, and saves it. */
  async importText(text: string, origin: string, options: ImportOptions = {}): Promise<ImportOutcome> {
    const result = parseIssueText(text);
    if (result.issues.length === 0) {
      return this.fail(`${origin} is not a newsletter issue: Weekly Papers found no "Vol.N for <week>" line, highlights or numbered papers in it. Nothing was saved.`);
    }
    if (result.issues.length > 1) {
      return this.fail(`${origin} holds ${result.issues.length} issues: import them one at a time, or save the text as a file in the workspace. Nothing was saved.`);
    }
    const issue = result.issues[0] as Issue;
    const target = importTarget(issue, this.globalFolder);
    const replaced = await exists(target.uri);
    const hiddenBy = hiddenBySettings(target);
    if (options.confirm !== false && !(await preview(issue, result.diagnostics, target, replaced, hiddenBy))) return { status: 'cancelled' };
    try {
      await saveReplacing(target, text.endsWith('\n') ? text : `${text}\n`);
    } catch (error) {
      return this.fail(`Weekly Papers could not save ${issueLabel(issue)} to ${where(target)}: ${error instanceof Error ? error.message : String(error)}. Nothing you had was changed.`);
    }
    if (!target.inWorkspace) await this.globalIssues.refresh();
    tellSaved(issue, target, replaced, options.confirm !== false, hiddenBy);
    return { status: 'saved', uri: target.uri, issue, diagnostics: result.diagnostics, replaced, hiddenBy };
  }

  /** Shows `message` as an error and returns the failed outcome. */
  fail(message: string, ...actions: Array<{ title: string; run: () => unknown }>): ImportOutcome {
    void vscode.window.showErrorMessage(message, ...actions.map((action) => action.title)).then((choice) => actions.find((action) => action.title === choice)?.run());
    return { status: 'failed', message };
  }
}

/** `<first folder>/<weeklyPapers.importFolder>/vol-N.txt`, or `<global storage>/issues/vol-N.txt` with no folder open. */
function importTarget(issue: Issue, globalFolder: vscode.Uri): Target {
  const name = issue.volume !== null ? `vol-${issue.volume}.txt` : `issue-${issue.week.start ?? new Date().toISOString().slice(0, 10)}.txt`;
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) return { uri: vscode.Uri.joinPath(globalFolder, name), folder: globalFolder, inWorkspace: false };
  const folder = vscode.Uri.joinPath(workspaceFolder.uri, ...importFolderSetting());
  return { uri: vscode.Uri.joinPath(folder, name), folder, inWorkspace: true };
}

/** The setting's path segments; a path that is absolute or leaves the folder (`..`) gives the default. */
function importFolderSetting(): string[] {
  const value = vscode.workspace.getConfiguration().get<unknown>(Setting.importFolder);
  const segments = (typeof value === 'string' ? value : DEFAULT_IMPORT_FOLDER).split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  const safe = segments.length > 0 && !segments.includes('..') && !/^[a-z]:$/i.test(segments[0] ?? '') && !/^[\\/]/.test(String(value));
  return safe ? segments : [DEFAULT_IMPORT_FOLDER];
}

/** A modal dialog says what was recognised (volume, week, counts, problems) and where it goes: Save, or Cancel. */
async function preview(issue: Issue, diagnostics: readonly Diagnostic[], target: Target, replaced: boolean, hiddenBy: string | null): Promise<boolean> {
  const counts = `${plural(issue.papers.length, 'paper')} and ${plural(issue.extras.length, 'extra')}`;
  const lines = [
    issue.title ?? '(no title)',
    `${issue.volume !== null ? `Volume ${issue.volume}` : 'No volume number'}, ${issue.week.start && issue.week.end ? `week ${issue.week.start} to ${issue.week.end}` : 'week unknown'}: ${counts}.`,
  ];
  const problems = diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) lines.push('', ...problems.slice(0, 5).map((d) => `• line ${d.line}: ${d.message}`), ...(problems.length > 5 ? [`• and ${problems.length - 5} more`] : []));
  lines.push('', `${replaced ? 'Replaces' : 'Saved as'} ${where(target)}${replaced ? ' (notes and reading status are kept)' : ''}.`);
  if (hiddenBy) lines.push('', `The Issues view will not show it: ${hiddenBy}.`);
  const choice = await vscode.window.showInformationMessage(`Import ${issueLabel(issue)}?`, { modal: true, detail: lines.join('\n') }, 'Save');
  return choice === 'Save';
}

/** Writes a temporary file beside the target, then renames it over the target: never deletes first. */
async function saveReplacing(target: Target, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(target.folder);
  const name = target.uri.path.slice(target.uri.path.lastIndexOf('/') + 1);
  // `.tmp`: not an issue file for any glob the workspace source reads.
  const temporary = vscode.Uri.joinPath(target.folder, `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, target.uri, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary, { useTrash: false })).then(undefined, () => undefined);
    throw error;
  }
}

function tellSaved(issue: Issue, target: Target, replaced: boolean, interactive: boolean, hiddenBy: string | null): void {
  const verb = replaced ? 'Updated' : 'Imported';
  const hidden = hiddenBy ? ` The Issues view will not show it: ${hiddenBy}.` : '';
  const message = issue.cutOff
    ? `${verb} ${issueLabel(issue)}, but only part of it: ${issue.cutOff.reason} Saved to ${where(target)}.${hidden}`
    : `${verb} ${issueLabel(issue)}: ${plural(issue.papers.length, 'paper')}. Saved to ${where(target)}.${hidden}`;
  const show = issue.cutOff || hiddenBy ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if (!interactive) {
    void show(message);
    return;
  }
  const actions = hiddenBy ? ['Open File', 'Open Settings'] : ['Open File'];
  void show(message, ...actions).then((choice) => {
    if (choice === 'Open File') void vscode.window.showTextDocument(target.uri);
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', `${Setting.importFolder} ${Setting.issueFiles} files.exclude`);
  });
}

/**
 * Why the workspace source would not list the saved file: the `weeklyPapers.issueFiles` glob
 * does not match it, or `files.exclude` hides it (or a folder on its way). Null when it is shown,
 * or saved outside the workspace.
 */
function hiddenBySettings(target: Target): string | null {
  const folder = target.inWorkspace ? vscode.workspace.getWorkspaceFolder(target.uri) : undefined;
  if (!folder) return null;
  const path = target.uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  const glob = issueFilesGlob();
  try {
    if (!wouldList(createIssueFileFilter(glob, {}), path)) return `its path, ${path}, does not match the ${Setting.issueFiles} setting (${glob})`;
    const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude');
    if (!wouldList(createIssueFileFilter(glob, exclude), path)) return `the files.exclude setting hides ${path}`;
  } catch {
    return null; // a glob that cannot be read: the workspace source says so itself
  }
  return null;
}

function where(target: Target): string {
  return target.inWorkspace ? vscode.workspace.asRelativePath(target.uri) : 'the extension’s storage (no folder is open)';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
