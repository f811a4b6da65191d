// What the import says to the reader, each sentence whole, in the display language: where the
// text came from and where the issue is saved are part of the sentence, never pasted into it.
import * as vscode from 'vscode';
import { MAX_INPUT_CHARS } from '../core/parse/parse';
import { issueLabel } from '../core/model/format';
import type { UnreadableHtmlError } from '../core/formats/boundedHtml';
import type { Issue } from '../core/model/model';
import type { ImportOrigin } from './issueImporter';

/** Where an issue is saved: a file in the workspace, or the extension's storage (no folder open). */
export interface SaveTarget {
  readonly uri: vscode.Uri;
  readonly inWorkspace: boolean;
}

/** The text is longer than any issue (the parser's MAX_INPUT_CHARS) and was not read. */
export function tooLargeToBeAnIssue(origin: ImportOrigin, chars: number): string {
  const size = Math.ceil(chars / (1024 * 1024));
  const limit = MAX_INPUT_CHARS / (1024 * 1024);
  switch (origin.kind) {
    case 'clipboard':
      return vscode.l10n.t('The clipboard holds {0} million characters; an issue is at most {1} million. Nothing was saved.', size, limit);
    case 'file':
      return vscode.l10n.t('{0} holds {1} million characters; an issue is at most {2} million. Nothing was saved.', origin.name, size, limit);
    case 'page':
      return vscode.l10n.t('The page at {0} holds {1} million characters of text; an issue is at most {2} million. Nothing was saved.', origin.url, size, limit);
  }
}

export function notAnIssue(origin: ImportOrigin): string {
  switch (origin.kind) {
    case 'clipboard':
      return vscode.l10n.t('The clipboard is not a newsletter issue: Weekly Papers found no "Vol.N for <week>" line, highlights or numbered papers in it. Nothing was saved.');
    case 'file':
      return vscode.l10n.t('{0} is not a newsletter issue: Weekly Papers found no "Vol.N for <week>" line, highlights or numbered papers in it. Nothing was saved.', origin.name);
    case 'page':
      return vscode.l10n.t('The page at {0} is not a newsletter issue: Weekly Papers found no "Vol.N for <week>" line, highlights or numbered papers in it. Nothing was saved.', origin.url);
  }
}

export function severalIssues(origin: ImportOrigin, count: number): string {
  switch (origin.kind) {
    case 'clipboard':
      return vscode.l10n.t('The clipboard holds {0} issues: import them one at a time, or save the text as a file in the workspace. Nothing was saved.', count);
    case 'file':
      return vscode.l10n.t('{0} holds {1} issues: import them one at a time, or save the text as a file in the workspace. Nothing was saved.', origin.name, count);
    case 'page':
      return vscode.l10n.t('The page at {0} holds {1} issues: import them one at a time, or save the text as a file in the workspace. Nothing was saved.', origin.url, count);
  }
}

/** Why HTML was not read (too large, nested too deeply, too many elements), for where it came from. */
export function unreadableHtml(origin: ImportOrigin, error: UnreadableHtmlError): string {
  const limit = new Intl.NumberFormat(vscode.env.language).format(error.reason === 'tooLarge' ? Math.round(error.limit / 1024 / 1024) : error.limit);
  const { reason } = error;
  switch (origin.kind) {
    case 'clipboard':
      if (reason === 'tooLarge') return vscode.l10n.t('The HTML on the clipboard is too large to be read (over {0} MB of text); nothing was saved.', limit);
      if (reason === 'tooDeep') return vscode.l10n.t('The HTML on the clipboard is nested too deeply (over {0} levels) to be read; nothing was saved.', limit);
      return vscode.l10n.t('The HTML on the clipboard has too many elements (over {0}) to be read; nothing was saved.', limit);
    case 'file':
      if (reason === 'tooLarge') return vscode.l10n.t('{0} is too large to be read (over {1} MB of text); nothing was saved.', origin.name, limit);
      if (reason === 'tooDeep') return vscode.l10n.t('{0} is nested too deeply (over {1} levels) to be read; nothing was saved.', origin.name, limit);
      return vscode.l10n.t('{0} has too many elements (over {1}) to be read; nothing was saved.', origin.name, limit);
    case 'page':
      if (reason === 'tooLarge') return vscode.l10n.t('The page at {0} is too large to be read (over {1} MB of text); nothing was saved.', origin.url, limit);
      if (reason === 'tooDeep') return vscode.l10n.t('The page at {0} is nested too deeply (over {1} levels) to be read; nothing was saved.', origin.url, limit);
      return vscode.l10n.t('The page at {0} has too many elements (over {1}) to be read; nothing was saved.', origin.url, limit);
  }
}

export function couldNotSave(issue: Issue, target: SaveTarget, why: string): string {
  return target.inWorkspace
    ? vscode.l10n.t('Weekly Papers could not save {0} to {1}: {2}. Nothing you had was changed.', issueLabel(issue), path(target), why)
    : vscode.l10n.t('Weekly Papers could not save {0} to the extension’s storage (no folder is open): {1}. Nothing you had was changed.', issueLabel(issue), why);
}

/** The preview's line on what was recognised: volume, week, and how many papers and extras. */
export function recognised(issue: Issue): string {
  const counts = papersAndExtras(issue.papers.length, issue.extras.length);
  const { start, end } = issue.week;
  if (issue.volume !== null) {
    return start && end ? vscode.l10n.t('Volume {0}, week {1} to {2}: {3}.', issue.volume, start, end, counts) : vscode.l10n.t('Volume {0}, week unknown: {1}.', issue.volume, counts);
  }
  return start && end ? vscode.l10n.t('No volume number, week {0} to {1}: {2}.', start, end, counts) : vscode.l10n.t('No volume number, week unknown: {0}.', counts);
}

function papersAndExtras(papers: number, extras: number): string {
  if (papers === 1) return extras === 1 ? vscode.l10n.t('1 paper and 1 extra') : vscode.l10n.t('1 paper and {0} extras', extras);
  return extras === 1 ? vscode.l10n.t('{0} papers and 1 extra', papers) : vscode.l10n.t('{0} papers and {1} extras', papers, extras);
}

export function replaces(target: SaveTarget): string {
  return target.inWorkspace
    ? vscode.l10n.t('Replaces {0} (notes and reading status are kept).', path(target))
    : vscode.l10n.t('Replaces the extension’s storage (no folder is open) (notes and reading status are kept).');
}

export function savedAs(target: SaveTarget): string {
  return target.inWorkspace ? vscode.l10n.t('Saved as {0}.', path(target)) : vscode.l10n.t('Saved as the extension’s storage (no folder is open).');
}

export function savedTo(target: SaveTarget): string {
  return target.inWorkspace ? vscode.l10n.t('Saved to {0}.', path(target)) : vscode.l10n.t('Saved to the extension’s storage (no folder is open).');
}

/** The first sentence after a save: which issue, updated or imported, and how much of it. */
export function whatWasSaved(issue: Issue, replaced: boolean): string {
  const label = issueLabel(issue);
  if (issue.cutOff) {
    return replaced
      ? vscode.l10n.t('Updated {0}, but only part of it: {1}', label, issue.cutOff.reason)
      : vscode.l10n.t('Imported {0}, but only part of it: {1}', label, issue.cutOff.reason);
  }
  const papers = issue.papers.length;
  if (replaced) return papers === 1 ? vscode.l10n.t('Updated {0}: 1 paper.', label) : vscode.l10n.t('Updated {0}: {1} papers.', label, papers);
  return papers === 1 ? vscode.l10n.t('Imported {0}: 1 paper.', label) : vscode.l10n.t('Imported {0}: {1} papers.', label, papers);
}

function path(target: SaveTarget): string {
  return vscode.workspace.asRelativePath(target.uri);
}
