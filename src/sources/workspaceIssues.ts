// Issue files in the workspace: found through the `weeklyPapers.issueFiles` glob (honouring
// `files.exclude`, never in node_modules), kept up to date by a file watcher, their problems in
// the Problems panel. Files are read through `workspace.fs` (Node's host reads `file:` files
// itself: fileReads.ts), and a folder without a search provider is walked (issueFileListing.ts), so
// virtual workspaces work. Over 300 lines: the watcher's bursts, the bounded parallel reads and
// the diagnostics are one life cycle.
// Saved files only: what an open editor holds unsaved is not read.
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { ByteBudget } from '../util/byteBudget';
import type { IssueLibrary } from '../core/model/library';
import { Setting } from '../constants';
import type { IssueProblems } from '../diagnostics/problems';
import { neverEntered } from './issueFileFilter';
import { issueFilesGlob, issueFilesSetting } from './issueFilesSetting';
import { IssueFileLister } from './issueFileListing';
import { fileLabel } from './fileLabel';
import { readWholeFile, statFile } from './fileReads';
import type { Refreshable } from './refreshable';
import { readIssueFile, type IssueFile } from './sniff';
import { MAX_ISSUE_FILE_READ_BYTES, type UnreadIssueFiles } from './unreadIssueFiles';

/** A burst of events (a save, a checkout) is handled once, this long after it goes quiet… */
const DEBOUNCE_MS = 150;
/** …or this long after it started, if it never does. */
const MAX_DELAY_MS = 1000;
/**
 * Files checked at once: stat and read are round trips to the workbench, so many run together.
 * Requests sent together travel together (one message for many): a thousand files checked 128 at
 * a time took a fifth longer than all at once, most of it in sending and answering messages ...
 */
const CONCURRENCY = 1024;
/** ... as long as the bytes being read at once stay within this ... */
const BYTES_IN_FLIGHT = 64 * 1024 * 1024;
/** ... and this many files are open at once (a process may open only so many: 256 on macOS). */
const READS_AT_ONCE = 256;
/** More new paths than this in one pass, and the workspace is listed again rather than each looked at. */
const MAX_PATHS_TO_STAT = 16;

/** What was seen of a file the glob matches, so that an unchanged file is never read twice. */
interface SeenFile {
  readonly mtime: number;
  readonly size: number;
  /** It holds issues (or is too large to read, and looks like it does): the library or the unread files, and the Problems panel, have an entry for it. */
  readonly published: boolean;
}

export class WorkspaceIssues implements Refreshable, vscode.Disposable {
  /** Settles (never rejects) when the first scan of the workspace has finished. */
  readonly ready: Promise<void>;
  private scanned: () => void = () => undefined;

  /** Every file the glob matched that was looked at, by URI. */
  private readonly seen = new Map<string, SeenFile>();
  /** Files that had events but that the last listing left out (files.exclude): ignored until the settings change. */
  private readonly excluded = new Set<string>();
  /** Files to look at on the next pass, by URI. */
  private readonly pending = new Map<string, vscode.Uri>();
  /** New paths the glob does not match: a folder among them (moved or copied in) means a new listing. */
  private readonly newPaths = new Map<string, vscode.Uri>();
  /** The next pass lists the workspace again (a new file, new settings, new folders). */
  private relistRequested = true;
  private readonly budget = new ByteBudget(BYTES_IN_FLIGHT);
  /** A budget of files, not bytes: one each. */
  private readonly readSlots = new ByteBudget(READS_AT_ONCE);
  private draining: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private burstStart = 0;
  private watchers: vscode.Disposable[] = [];
  /** Cancelled on dispose: a walk of a large virtual folder stops there. */
  private readonly stopping = new vscode.CancellationTokenSource();
  private readonly lister: IssueFileLister;
  private readonly disposables: vscode.Disposable[] = [this.stopping];
  private disposed = false;
  /** Why the issueFiles glob is not used, as last told; null when it is. */
  private globRejected: string | null = null;

  /**
   * @param folders the folders to read (the workspace's; a test passes a folder of its own,
   *   since a window that runs extension tests cannot become a multi-root workspace)
   */
  constructor(
    private readonly library: IssueLibrary,
    private readonly problems: IssueProblems,
    /** Issue files too large to read, shown to the reader. */
    private readonly unread: UnreadIssueFiles,
    private readonly log: Log,
    private readonly folders: () => readonly vscode.WorkspaceFolder[] = () => vscode.workspace.workspaceFolders ?? [],
    /** Says a sentence to the reader (a warning message; a test records them). */
    tell?: (message: string) => void,
  ) {
    this.lister = new IssueFileLister(this.stopping.token, log, tell);
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Setting.issueFiles)) this.watch();
        if (event.affectsConfiguration(Setting.issueFiles) || event.affectsConfiguration('files.exclude')) {
          this.excluded.clear();
          this.requestRelist();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.lister.reset();
        this.watch();
        this.requestRelist();
      }),
      // A folder renamed, moved or copied in VS Code brings files no glob event names (also on
      // file systems that report no changes of their own).
      vscode.workspace.onDidRenameFiles(() => this.requestRelist()),
      vscode.workspace.onDidCreateFiles(() => this.requestRelist()),
      this.watchFolders(),
    );
    this.ready = new Promise((resolve) => (this.scanned = resolve));
    void this.drain();
  }

  /** Lists the workspace and reads every issue file again, changed or not (the Refresh command). */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    for (const [key, file] of this.seen) {
      this.seen.set(key, { ...file, mtime: Number.NaN });
      this.pending.set(key, vscode.Uri.parse(key));
    }
    this.excluded.clear();
    this.lister.reset();
    this.relistRequested = true;
    return this.drain();
  }

  dispose(): void {
    this.disposed = true;
    this.stopping.cancel();
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of [...this.watchers, ...this.disposables]) disposable.dispose();
    this.watchers = [];
  }

  /** One watcher per workspace folder, for the glob relative to it (as findFiles reads it). */
  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    const { glob, rejected } = issueFilesSetting();
    // Said once for each glob refused, not again when only the folders change.
    if (rejected !== null && rejected !== this.globRejected) void vscode.window.showWarningMessage(rejected);
    this.globRejected = rejected;
    this.watchers = this.folders().map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate((uri) => this.created(uri)),
        watcher.onDidChange((uri) => this.changed(uri)),
        watcher.onDidDelete((uri) => this.deleted(uri)),
      );
    });
  }

  /**
   * A folder deleted, moved or copied in is one event, for the folder, which the glob's watcher
   * never reports. A plain glob watcher only filters the workspace's own events: no new watching.
   */
  private watchFolders(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => {
        if (neverRead(uri)) return;
        this.newPaths.set(uri.toString(), uri);
        this.schedule();
      }),
      watcher.onDidDelete((uri) => this.folderDeleted(uri)),
    );
  }

  private created(uri: vscode.Uri): void {
    if (neverRead(uri)) return;
    // Only a listing tells whether files.exclude hides a new file.
    this.excluded.delete(uri.toString());
    this.pending.set(uri.toString(), uri);
    this.requestRelist();
  }

  private changed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (neverRead(uri) || this.excluded.has(key)) return;
    this.pending.set(key, uri);
    if (this.seen.has(key)) this.schedule();
    else this.requestRelist();
  }

  private deleted(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.seen.has(key)) return;
    this.pending.set(key, uri);
    this.schedule();
  }

  private folderDeleted(folder: vscode.Uri): void {
    if (this.seen.has(folder.toString())) return; // a file: its own watcher reported it
    const prefix = `${folder.toString()}/`;
    let any = false;
    for (const key of this.seen.keys()) {
      if (key.startsWith(prefix)) {
        this.pending.set(key, vscode.Uri.parse(key));
        any = true;
      }
    }
    if (any) this.schedule();
  }

  private requestRelist(): void {
    this.relistRequested = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    const now = Date.now();
    if (this.timer === undefined) this.burstStart = now;
    else if (now - this.burstStart >= MAX_DELAY_MS) return; // let the waiting pass run
    else clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, DEBOUNCE_MS);
  }

  /** Runs passes until nothing is left to do; one drain at a time, so a file is never read twice at once. */
  private drain(): Promise<void> {
    this.draining ??= this.passes().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async passes(): Promise<void> {
    try {
      while (!this.disposed && (this.relistRequested || this.pending.size > 0 || this.newPaths.size > 0)) {
        await this.pass();
        this.scanned();
      }
    } catch (error) {
      this.log.error(`Reading the issue files in the workspace failed: ${String(error)}`);
    } finally {
      this.scanned();
    }
  }

  private async pass(): Promise<void> {
    const newPaths = [...this.newPaths].filter(([key]) => !this.pending.has(key) && !this.seen.has(key)).map(([, uri]) => uri);
    this.newPaths.clear();
    const folderAppeared = !this.relistRequested && (await anyFolder(newPaths));
    const relist = this.relistRequested || folderAppeared;
    this.relistRequested = false;
    const toCheck = new Map(this.pending);
    this.pending.clear();
    if (relist) {
      const listing = await this.lister.list(this.folders(), issueFilesGlob());
      if (this.disposed) return; // a cancelled listing lists nothing: no reason to forget anything
      for (const key of [...toCheck.keys(), ...this.seen.keys()]) {
        if (listing.files.has(key) || !listing.covers(key)) continue;
        // Gone, no longer matched, or hidden by files.exclude.
        if (toCheck.has(key)) this.excluded.add(key);
        toCheck.delete(key);
        this.forget(key);
      }
      for (const [key, uri] of listing.files) {
        this.excluded.delete(key);
        if (!this.seen.has(key)) toCheck.set(key, uri);
      }
    }
    await forEachLimited([...toCheck.values()], CONCURRENCY, (uri) => this.check(uri));
  }

  /** Reads a file again if it changed since it was last seen; publishes its issues or forgets it. */
  private async check(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    let stat: vscode.FileStat;
    try {
      stat = await statFile(uri);
    } catch {
      this.forget(key);
      return;
    }
    const before = this.seen.get(key);
    if ((stat.type & vscode.FileType.File) === 0) return this.forget(key);
    if (before && before.mtime === stat.mtime && before.size === stat.size) return;
    // Never read what the parser would refuse (a character is at least a byte).
    if (stat.size > MAX_ISSUE_FILE_READ_BYTES) return this.tooLarge(key, stat, uri);

    const release = await this.budget.acquire(stat.size);
    try {
      let bytes: Uint8Array;
      const releaseSlot = await this.readSlots.acquire(1);
      try {
        bytes = await readWholeFile(uri);
      } catch {
        this.forget(key);
        return;
      } finally {
        releaseSlot();
      }
      if (this.disposed) return;
      this.remember(key, stat, uri, readIssueFile(bytes));
    } finally {
      release();
    }
  }

  /** A file too large to read: the reader is told when its start looks like an issue (see UnreadIssueFiles). */
  private async tooLarge(key: string, stat: vscode.FileStat, uri: vscode.Uri): Promise<void> {
    if (this.seen.get(key)?.published) this.unpublish(key);
    const shown = await this.unread.tooLarge(uri, this.label(uri), stat.size);
    if (this.disposed) return;
    this.seen.set(key, { mtime: stat.mtime, size: stat.size, published: shown });
  }

  /** Records what the file is now; a file that holds no issue is ignored quietly (no entry, no problems). */
  private remember(key: string, stat: vscode.FileStat, uri: vscode.Uri, read: IssueFile | null): void {
    if (this.disposed) return;
    const before = this.seen.get(key);
    if (read === null) {
      this.seen.set(key, { mtime: stat.mtime, size: stat.size, published: false });
      if (before?.published) this.unpublish(key);
      return;
    }
    this.seen.set(key, { mtime: stat.mtime, size: stat.size, published: true });
    this.unread.delete(uri);
    this.library.set({ source: { id: key, label: this.label(uri), bundled: false }, issues: read.result.issues, diagnostics: read.result.diagnostics });
    this.problems.set(uri, read.result.diagnostics, read.problemLines);
  }

  private forget(key: string): void {
    const before = this.seen.get(key);
    this.seen.delete(key);
    if (before?.published) this.unpublish(key);
  }

  private unpublish(key: string): void {
    const uri = vscode.Uri.parse(key);
    this.library.delete(key);
    this.unread.delete(uri);
    this.problems.delete(uri);
  }

  private label(uri: vscode.Uri): string {
    return fileLabel(uri);
  }
}

/** In node_modules or .git: never read, whatever the settings say. */
function neverRead(uri: vscode.Uri): boolean {
  return neverEntered(vscode.workspace.asRelativePath(uri, false));
}

/** Whether any of the paths is a folder; true for too many to look at one by one. */
async function anyFolder(uris: readonly vscode.Uri[]): Promise<boolean> {
  if (uris.length > MAX_PATHS_TO_STAT) return true;
  const types = await Promise.all(uris.map((uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((stat) => stat.type, () => vscode.FileType.Unknown)));
  return types.some((type) => (type & vscode.FileType.Directory) !== 0);
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
