// Every issue file in the workspace folders: found by VS Code's search (findFiles) where a
// folder's file system has a search provider, else by walking the folder (folderWalk.ts).
//
// Which one, per folder, and never both for one folder:
// - `file:` folders: findFiles alone; what it says (nothing included) is the answer. A walk only
//   if it fails outright, for that listing.
// - any other scheme (a virtual file system): findFiles, bounded in time, since without a
//   provider for the scheme VS Code waits for one to register and never answers (VS Code 1.100
//   logs "No search provider registered for scheme: …, waiting"; older versions threw). Failing
//   or not answering in time, the folder is walked, and walked from then on, until refresh() or
//   a change of workspace folders. Answering with nothing, it is walked for that listing too: a
//   provider that indexes nothing, or not yet, must not hide the files a walk would find.
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { WALK_BOUNDS, walkFolder, type WalkResult } from './folderWalk';
import { NEVER_ENTERED_GLOB, createIssueFileFilter, neverEntered } from './issueFileFilter';

/** How long findFiles may take on a folder that is not `file:` before it is taken to have no search provider. */
export const SEARCH_TIMEOUT_MS = 3000;

export interface Listing {
  readonly files: Map<string, vscode.Uri>;
  /** Whether the listing speaks for a file: false under a folder whose listing failed or was cut short. */
  covers(key: string): boolean;
}

export class IssueFileLister {
  /** Folders (by URI) whose search failed or never answered: walked, without asking again. */
  private readonly searchless = new Set<string>();
  /** The last warning about each folder's walk. */
  private readonly warned = new Map<string, string>();
  /** Which bounds the reader was told a folder's walk hit (`<folder> entries,depth`): told once. */
  private readonly told = new Set<string>();

  /**
   * @param token cancelled when the listing is no longer wanted (the extension stops)
   * @param tell says a sentence to the reader (a warning message)
   */
  constructor(
    private readonly token: vscode.CancellationToken,
    private readonly log: Log,
    private readonly tell: (message: string) => void = (message) => void vscode.window.showWarningMessage(message),
  ) {}

  /** Asks the search again next time, for every folder (a provider may have registered since). */
  reset(): void {
    this.searchless.clear();
  }

  /**
   * Every file the glob matches in the folders. Since VS Code 1.92 an explicit exclude adds to
   * `files.exclude` instead of replacing it, so both apply to findFiles; the walk applies both too.
   */
  async list(folders: readonly vscode.WorkspaceFolder[], glob: string): Promise<Listing> {
    const files = new Map<string, vscode.Uri>();
    const uncovered: string[] = [];
    await Promise.all(
      folders.map(async (folder) => {
        const listed = await this.listFolder(folder, glob);
        for (const uri of listed.files) {
          if (!neverEntered(uri.path.slice(folder.uri.path.length))) files.set(uri.toString(), uri);
        }
        uncovered.push(...listed.unlisted.map(prefixOf));
      }),
    );
    return { files, covers: (key) => !uncovered.some((prefix) => key.startsWith(prefix)) };
  }

  private async listFolder(folder: vscode.WorkspaceFolder, glob: string): Promise<{ files: vscode.Uri[]; unlisted: vscode.Uri[] }> {
    const key = folder.uri.toString();
    const isFile = folder.uri.scheme === 'file';
    if (!this.searchless.has(key)) {
      const found = await this.search(folder, glob, isFile);
      if (found !== undefined && (found.length > 0 || isFile)) return { files: found, unlisted: [] };
      if (found === undefined && !isFile) this.searchless.add(key);
    }
    try {
      const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude');
      const walked = await walkFolder(folder.uri, createIssueFileFilter(glob, exclude), this.token);
      const warning = walked.reasons.length > 0
        ? `Weekly Papers walked ${key} for issue files and left ${walked.unlisted.length} folder(s) unlisted: ${walked.reasons.join('; ')}. Issue files there are read only when they change.`
        : undefined;
      // Said once, not on every listing (any new file lists the workspace again).
      if (warning !== undefined && this.warned.get(key) !== warning) this.log.warn(warning);
      if (warning === undefined) this.warned.delete(key);
      else this.warned.set(key, warning);
      this.tellBounds(folder, walked.bounded);
      return walked;
    } catch (error) {
      // A glob picomatch cannot read, say: keep what the watcher reports for this folder.
      this.log.warn(`Could not list the issue files in ${key}: ${String(error)}`);
      return { files: [], unlisted: [folder.uri] };
    }
  }

  /** Tells the reader, once for each folder and bound, that the walk stopped there and what it left unread. */
  private tellBounds(folder: vscode.WorkspaceFolder, bounded: WalkResult['bounded']): void {
    const hit = (['entries', 'depth'] as const).filter((bound) => bounded[bound].length > 0);
    const key = `${folder.uri.toString()} ${hit.join(',')}`;
    if (hit.length === 0 || this.told.has(key)) return;
    this.told.add(key);
    const example = (uris: readonly vscode.Uri[]) => vscode.workspace.asRelativePath(uris[0] as vscode.Uri, false);
    if (bounded.entries.length > 0) {
      this.tell(
        vscode.l10n.t(
          'Weekly Papers stopped looking for issue files in {0} after {1} files and folders: {2} folder(s) were not listed (such as {3}), so their issue files are read only when they change.',
          folder.name, WALK_BOUNDS.maxEntries, bounded.entries.length, example(bounded.entries),
        ),
      );
    }
    if (bounded.depth.length > 0) {
      this.tell(
        vscode.l10n.t(
          'Weekly Papers looks for issue files at most {0} folders deep: in {1}, {2} deeper folder(s) were not listed (such as {3}), so their issue files are read only when they change.',
          WALK_BOUNDS.maxDepth, folder.name, bounded.depth.length, example(bounded.depth),
        ),
      );
    }
  }

  /** findFiles on one folder; undefined when it failed or, off `file:`, did not answer in time. */
  private async search(folder: vscode.WorkspaceFolder, glob: string, isFile: boolean): Promise<vscode.Uri[] | undefined> {
    const source = new vscode.CancellationTokenSource();
    const stop = this.token.onCancellationRequested(() => source.cancel());
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const found = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), NEVER_ENTERED_GLOB, undefined, source.token));
      if (isFile) return await found;
      // Raced, not only cancelled: whether a cancelled search settles is up to VS Code.
      const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SEARCH_TIMEOUT_MS)));
      const answer = await Promise.race([found, late]);
      if (answer === undefined) source.cancel(); // the workbench may stop waiting for a provider
      return answer;
    } catch (error) {
      if (!this.token.isCancellationRequested) this.log.warn(`Could not search ${folder.uri.toString()} for issue files; walking it instead: ${String(error)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
      stop.dispose();
      source.dispose();
    }
  }
}

/** The start every key under a folder has (a root folder's URI already ends with `/`). */
function prefixOf(folder: vscode.Uri): string {
  const text = folder.toString();
  return text.endsWith('/') ? text : `${text}/`;
}
