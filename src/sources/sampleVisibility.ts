import * as vscode from 'vscode';
import { onDidChangeSettings, readSetting } from '../settings/settings';
import type { IssueLibrary } from '../core/model/library';
import { Setting } from '../constants';

/**
 * Shows or hides the bundled sample as `weeklyPapers.showSampleIssue` says, now and whenever it
 * changes. (Shown, it still gives way to a workspace file of the same volume: see IssueLibrary.)
 */
export function followShowSampleSetting(library: IssueLibrary): vscode.Disposable {
  const apply = (): void => library.setBundledVisible(readSetting(Setting.showSampleIssue));
  apply();
  return onDidChangeSettings([Setting.showSampleIssue], apply);
}
