// What every "Import Issue" command shares: parse the text, show what was recognised, save it
// as `vol-N.txt` in the workspace's issues folder (or the global storage with no folder open).
// A save writes a temporary file and renames it over the old one: an import that fails half way
// leaves what the reader had.
import * as vscode from 'vscode';
import { readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import { Setting } from '../constants';
import { UnreadableHtmlError } from '../core/formats/boundedHtml';
import { issueLabel } from '../core/model/format';
import { postToText } from '../core/formats/htmlToText';
import type { Diagnostic, Issue } from '../core/model/model';
import { parseIssueText } from '../core/parse/parse';
import { createIssueFileFilter, wouldList } from '../sources/issueFileFilter';
import type { Refreshable } from '../sources/refreshable';
import { issueFilesGlob } from '../sources/issueFilesSetting';
import { couldNotSave, notAnIssue, tooLargeToBeAnIssue, recognised, replaces, savedAs, savedTo, severalIssues, unreadableHtml, whatWasSaved } from './importMessages';

export const DEFAULT_IMPORT_FOLDER = SETTING_DEFAULTS[Setting.importFolder];

/** Options a caller (a test, another extension) may pass: `confirm: false` saves without the preview. */
export interface ImportOptions {
  readonly confirm?: boolean;
  /** How long a URL may take to answer (ms); 15 s by default. */
  readonly timeoutMs?: number;
  /** Imports this entry (0-based) of a feed instead of asking. */
  readonly feedItem?: number;
}

/** Where the text to import came from, for the messages that name it. */
export type ImportOrigin = { readonly kind: 'clipboard' } | { readonly kind: 'file'; readonly name: string } | { readonly kind: 'page'; readonly url: string };

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
  async importText(text: string, origin: ImportOrigin, options: ImportOptions = {}): Promise<ImportOutcome> {
    const result = parseIssueText(text);
    if (result.diagnostics.some((diagnostic) => diagnostic.code === 'too-large')) return this.fail(tooLargeToBeAnIssue(origin, text.length));
    if (result.issues.length === 0) return this.fail(notAnIssue(origin));
    if (result.issues.length > 1) return this.fail(severalIssues(origin, result.issues.length));
    const issue = result.issues[0] as Issue;
    const target = importTarget(issue, this.globalFolder);
    const replaced = await exists(target.uri);
    const hiddenBy = hiddenBySettings(target);
    if (options.confirm !== false && !(await preview(issue, result.diagnostics, target, replaced, hiddenBy))) return { status: 'cancelled' };
    try {
      await saveReplacing(target, text.endsWith('\n') ? text : `${text}\n`);
    } catch (error) {
      return this.fail(couldNotSave(issue, target, error instanceof Error ? error.message : String(error)));
    }
    if (!target.inWorkspace) await this.globalIssues.refresh();
    tellSaved(issue, target, replaced, options.confirm !== false, hiddenBy);
    return { status: 'saved', uri: target.uri, issue, diagnostics: result.diagnostics, replaced, hiddenBy };
  }

  /** Imports the text of a post's page (postToText); a page too large or too deeply nested to read fails with a sentence that says so. */
  async importHtml(html: string, origin: ImportOrigin, options: ImportOptions = {}): Promise<ImportOutcome> {
    let text: string;
    try {
      text = postToText(html).text;
    } catch (error) {
      if (error instanceof UnreadableHtmlError) return this.fail(unreadableHtml(origin, error));
      throw error;
    }
    return this.importText(text, origin, options);
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
  const value = readSetting(Setting.importFolder);
  const segments = value.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  const safe = segments.length > 0 && !segments.includes('..') && !/^[a-z]:$/i.test(segments[0] ?? '') && !/^[\\/]/.test(value);
  return safe ? segments : [DEFAULT_IMPORT_FOLDER];
}

/** A modal dialog says what was recognised (volume, week, counts, problems) and where it goes: Save, or Cancel. */
async function preview(issue: Issue, diagnostics: readonly Diagnostic[], target: Target, replaced: boolean, hiddenBy: string | null): Promise<boolean> {
  const lines = [issue.title ?? vscode.l10n.t('(no title)'), recognised(issue)];
  const problems = diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) {
    lines.push('', ...problems.slice(0, 5).map((d) => vscode.l10n.t('• line {0}: {1}', d.line, d.message)));
    if (problems.length > 5) lines.push(vscode.l10n.t('• and {0} more', problems.length - 5));
  }
  lines.push('', replaced ? replaces(target) : savedAs(target));
  if (hiddenBy) lines.push('', vscode.l10n.t('The Issues view will not show it: {0}.', hiddenBy));
  const save = vscode.l10n.t('Save');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Import {0}?', issueLabel(issue)), { modal: true, detail: lines.join('\n') }, save);
  return choice === save;
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
  const sentences = [whatWasSaved(issue, replaced), savedTo(target)];
  if (hiddenBy) sentences.push(vscode.l10n.t('The Issues view will not show it: {0}.', hiddenBy));
  const message = sentences.join(' ');
  const show = issue.cutOff || hiddenBy ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if (!interactive) {
    void show(message);
    return;
  }
  const openFile = vscode.l10n.t('Open File');
  const openSettings = vscode.l10n.t('Open Settings');
  const actions = hiddenBy ? [openFile, openSettings] : [openFile];
  void show(message, ...actions).then((choice) => {
    if (choice === openFile) void vscode.window.showTextDocument(target.uri);
    if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', `${Setting.importFolder} ${Setting.issueFiles} files.exclude`);
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
    if (!wouldList(createIssueFileFilter(glob, {}), path)) return vscode.l10n.t('its path, {0}, does not match the {1} setting ({2})', path, Setting.issueFiles, glob);
    const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude');
    if (!wouldList(createIssueFileFilter(glob, exclude), path)) return vscode.l10n.t('the files.exclude setting hides {0}', path);
  } catch {
    return null; // a glob that cannot be read: the workspace source says so itself
  }
  return null;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}
