// The `weeklyPapers.issueFiles` setting as the workspace source, the walk and the import read it:
// a glob, or the default when it is unset, blank or too complex to be matched in good time.
import * as vscode from 'vscode';
import { readSetting } from '../settings/settings';
import { Setting } from '../constants';
import { DEFAULT_ISSUE_FILES, globOverLimit, type GlobOverLimit } from './issueFileFilter';

/** The `weeklyPapers.issueFiles` glob, or its default when unset, blank or too complex (see issueFilesSetting). */
export function issueFilesGlob(): string {
  return issueFilesSetting().glob;
}

/**
 * The glob issue files are found with, and, when the setting's own glob is over GLOB_LIMITS
 * (it could take minutes to match one path), why it is not used: the default is, instead.
 */
export function issueFilesSetting(): { readonly glob: string; readonly rejected: string | null } {
  const glob = readSetting(Setting.issueFiles);
  const over = globOverLimit(glob);
  return over ? { glob: DEFAULT_ISSUE_FILES, rejected: globRejected(over) } : { glob, rejected: null };
}

function globRejected(over: GlobOverLimit): string {
  const { found, max } = over;
  const setting = Setting.issueFiles;
  switch (over.limit) {
    case 'length':
      return vscode.l10n.t('The {0} setting is not used: its glob is {1} characters long, and at most {2} are allowed (a longer glob could take minutes to match). Issue files are found with the default, {3}.', setting, found, max, DEFAULT_ISSUE_FILES);
    case 'wildcards':
      return vscode.l10n.t('The {0} setting is not used: its glob has {1} wildcards (*, ? and braces), and at most {2} are allowed (more could take minutes to match). Issue files are found with the default, {3}.', setting, found, max, DEFAULT_ISSUE_FILES);
    case 'stars':
      return vscode.l10n.t('The {0} setting is not used: its glob has {1} * or ** wildcards, and at most {2} are allowed (more could take minutes to match). Issue files are found with the default, {3}.', setting, found, max, DEFAULT_ISSUE_FILES);
    case 'starsInName':
      return vscode.l10n.t('The {0} setting is not used: its glob has {1} * wildcards in one folder or file name, and at most {2} are allowed (more could take minutes to match). Issue files are found with the default, {3}.', setting, found, max, DEFAULT_ISSUE_FILES);
  }
}
