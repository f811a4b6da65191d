// Issue files too large to read: a file over the parser's limit is never read whole, but when its
// start (read alone, where the host can) looks like an issue, the reader is told, in the Problems
// panel on its first line and by a row in the Issues tree. A large file that does not look like
// an issue stays quiet, like any other file that is not one.
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { linesAt } from '../core/parse/lineSource';
import { MAX_INPUT_CHARS } from '../core/parse/parse';
import type { IssueProblems } from '../diagnostics/problems';
import { readFileStart } from '../platform/fileStart';
import { SNIFF_BYTES, looksLikeIssueFile } from './sniff';

/** The most bytes of an issue file that are read: the parser's limit, since a character takes at least a byte. */
export const MAX_ISSUE_FILE_READ_BYTES = MAX_INPUT_CHARS;

const MB = 1024 * 1024;

export interface UnreadIssueFile {
  readonly uri: vscode.Uri;
  /** As the tree names it (a path relative to the workspace, or "Imported: name"). */
  readonly label: string;
  /** Why it was not read, for the reader. */
  readonly message: string;
}

export class UnreadIssueFiles implements vscode.Disposable {
  private readonly files = new Map<string, UnreadIssueFile>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly problems: IssueProblems,
    private readonly log: Log,
  ) {}

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /** The files shown, by label. */
  list(): readonly UnreadIssueFile[] {
    return [...this.files.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  /**
   * A file of `size` bytes, over MAX_ISSUE_FILE_READ_BYTES: shown when its start looks like an
   * issue (read alone: never the whole file). Returns whether it is shown.
   */
  async tooLarge(uri: vscode.Uri, label: string, size: number): Promise<boolean> {
    const start = await readFileStart(uri, SNIFF_BYTES);
    if (start === null) {
      this.log.warn(`${uri.toString()} is ${megabytes(size)} MB, over the ${MAX_ISSUE_FILE_READ_BYTES / MB} MB read of an issue file; it was not read.`);
    }
    if (start === null || !looksLikeIssueFile(start)) {
      this.delete(uri);
      return false;
    }
    const message = vscode.l10n.t('This file is {0} MB; Weekly Papers reads issue files up to {1} MB, so it was not read.', megabytes(size), MAX_ISSUE_FILE_READ_BYTES / MB);
    this.log.warn(`${uri.toString()}: ${message}`);
    this.problems.set(uri, [{ severity: 'warning', line: 1, code: 'too-large', message }], linesAt(start, new Set([1])));
    const before = this.files.get(uri.toString());
    this.files.set(uri.toString(), { uri, label, message });
    if (before?.message !== message || before.label !== label) this.changeEmitter.fire();
    return true;
  }

  /** The file is read now, gone, or no longer too large: its row and problem go. */
  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.toString())) return;
    this.problems.delete(uri);
    this.changeEmitter.fire();
  }
}

/** 40 for 40 MB; a decimal below 100 MB, so that 32.4 MB is not said to be 32. */
function megabytes(size: number): string {
  const mb = size / MB;
  return mb >= 100 ? String(Math.round(mb)) : String(Math.floor(mb * 10) / 10);
}
