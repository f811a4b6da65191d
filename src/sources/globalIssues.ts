// Issues imported with no folder open: files in the extension's global storage (`issues/`),
// read into the library like workspace files. Re-read on refresh (after every import there).
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import type { IssueLibrary } from '../core/model/library';
import type { Refreshable } from './refreshable';
import { readIssueFile } from './sniff';
import { MAX_ISSUE_FILE_READ_BYTES, type UnreadIssueFiles } from './unreadIssueFiles';

export class GlobalIssues implements Refreshable {
  /** Source ids (file URIs) this source has put in the library. */
  private readonly published = new Set<string>();
  /** Source ids of files this source has shown as too large to read. */
  private readonly shownUnread = new Set<string>();
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly library: IssueLibrary,
    /** The folder imports are saved to when no workspace folder is open. */
    readonly folder: vscode.Uri,
    /** Issue files too large to read, shown to the reader. */
    private readonly unread: UnreadIssueFiles,
    private readonly log: Log,
  ) {}

  /** Reads the folder again; one read at a time. Never rejects. */
  refresh(): Promise<void> {
    this.reading = this.reading.then(() => this.read()).catch((error: unknown) => this.log.error(`Reading imported issues failed: ${String(error)}`));
    return this.reading;
  }

  private async read(): Promise<void> {
    let entries: [string, vscode.FileType][] = [];
    // Nothing imported yet, most often: look before listing, since VS Code logs a failed listing
    // with its stack trace.
    if (await this.folderExists()) entries = await vscode.workspace.fs.readDirectory(this.folder);
    const found = new Set<string>();
    const unread = new Set<string>();
    for (const [name, type] of entries) {
      if ((type & vscode.FileType.File) === 0 || !/\.(txt|md)$/i.test(name)) continue;
      const uri = vscode.Uri.joinPath(this.folder, name);
      const id = uri.toString();
      const label = vscode.l10n.t('Imported: {0}', name);
      // Its size first: a file too large for the parser is never read whole.
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > MAX_ISSUE_FILE_READ_BYTES) {
        if (await this.unread.tooLarge(uri, label, size)) {
          unread.add(id);
          this.shownUnread.add(id);
        }
        continue;
      }
      const read = readIssueFile(await vscode.workspace.fs.readFile(uri));
      if (read === null) continue;
      found.add(id);
      this.published.add(id);
      this.library.set({ source: { id, label, bundled: false }, issues: read.result.issues, diagnostics: read.result.diagnostics });
    }
    for (const id of [...this.published]) {
      if (found.has(id)) continue;
      this.published.delete(id);
      this.library.delete(id);
    }
    // A file shown as too large that is now read, not an issue, or gone.
    for (const id of [...this.shownUnread]) {
      if (unread.has(id)) continue;
      this.shownUnread.delete(id);
      this.unread.delete(vscode.Uri.parse(id));
    }
  }

  private async folderExists(): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(this.folder)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }
}
