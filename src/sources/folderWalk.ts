// Lists a workspace folder's issue files by walking it with `workspace.fs.readDirectory`: for a
// folder whose file system has no search provider (a virtual workspace), where findFiles never
// answers. Which entries count is issueFileFilter.ts's business; this file only walks, bounded:
// a folder too deep, or past the entry cap, is left unlisted, and the result says which and why.
import * as vscode from 'vscode';
import type { IssueFileFilter } from './issueFileFilter';

export interface WalkBounds {
  /** How many folders deep the walk goes below the workspace folder. */
  readonly maxDepth: number;
  /** Entries (files and folders) taken from directory listings in one walk. */
  readonly maxEntries: number;
  /** Directory listings asked for at once: each is a round trip to the provider, maybe over the network. */
  readonly concurrency: number;
}

/**
 * Generous for a folder of notes and issues, small enough that a whole repository mounted by
 * mistake costs seconds, not minutes, on each listing.
 */
export const WALK_BOUNDS: WalkBounds = { maxDepth: 16, maxEntries: 20_000, concurrency: 8 };

export interface WalkResult {
  readonly files: vscode.Uri[];
  /**
   * Folders whose contents were not all listed (a bound, a failed listing, a cancelled walk):
   * files under them may exist and are not in `files`.
   */
  readonly unlisted: vscode.Uri[];
  /** Why folders were left unlisted, each reason once (none for a complete or cancelled walk). */
  readonly reasons: string[];
  /** The folders each bound left unlisted (a subset of `unlisted`): what the reader is told. */
  readonly bounded: { readonly entries: vscode.Uri[]; readonly depth: vscode.Uri[] };
}

interface Folder {
  readonly uri: vscode.Uri;
  /** Relative to the walk's root, `/`-separated; '' for the root. */
  readonly path: string;
  readonly depth: number;
}

export async function walkFolder(
  root: vscode.Uri,
  filter: IssueFileFilter,
  token: vscode.CancellationToken,
  bounds: WalkBounds = WALK_BOUNDS,
): Promise<WalkResult> {
  const files: vscode.Uri[] = [];
  const unlisted: vscode.Uri[] = [];
  const why = new Set<string>();
  const bounded = { entries: [] as vscode.Uri[], depth: [] as vscode.Uri[] };
  const queue: Folder[] = [{ uri: root, path: '', depth: 0 }];
  let entries = 0;

  const visit = async (folder: Folder): Promise<void> => {
    let listing: Array<[string, vscode.FileType]>;
    try {
      listing = await vscode.workspace.fs.readDirectory(folder.uri);
    } catch (error) {
      // Gone since its parent was listed: nothing there. Anything else: its files are not known.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
        unlisted.push(folder.uri);
        why.add(`reading ${folder.uri.toString()} failed (${String(error)})`);
      }
      return;
    }
    const room = bounds.maxEntries - entries;
    entries += Math.min(listing.length, room);
    if (listing.length > room) {
      unlisted.push(folder.uri);
      bounded.entries.push(folder.uri);
      why.add(`${bounds.maxEntries} entries were looked at`);
      listing = listing.slice(0, room);
    }
    // A `files.exclude` entry with `when` hides a file only beside a sibling of some name.
    const siblings = new Set(listing.map(([name]) => name));
    for (const [name, type] of listing) {
      const path = folder.path === '' ? name : `${folder.path}/${name}`;
      const uri = vscode.Uri.joinPath(folder.uri, name);
      if ((type & vscode.FileType.Directory) !== 0) {
        // A link to a folder is not followed: it may point to an ancestor and loop.
        if ((type & vscode.FileType.SymbolicLink) !== 0 || !filter.entersFolder(path, siblings)) continue;
        if (folder.depth + 1 > bounds.maxDepth) {
          unlisted.push(uri);
          bounded.depth.push(uri);
          why.add(`folders ${bounds.maxDepth} deep were not entered`);
        } else {
          queue.push({ uri, path, depth: folder.depth + 1 });
        }
      } else if ((type & vscode.FileType.File) !== 0 && filter.listsFile(path, siblings)) {
        files.push(uri);
      }
    }
  };

  // Breadth first, at most `concurrency` listings in flight: a worker that finds the queue empty
  // ends, and is started again when a listing in flight adds folders.
  await new Promise<void>((resolve) => {
    let active = 0;
    const pump = (): void => {
      while (active < bounds.concurrency && queue.length > 0) {
        const folder = queue.shift() as Folder;
        if (token.isCancellationRequested || entries >= bounds.maxEntries) {
          unlisted.push(folder.uri);
          if (!token.isCancellationRequested) {
            why.add(`${bounds.maxEntries} entries were looked at`);
            bounded.entries.push(folder.uri);
          }
          continue;
        }
        active++;
        void visit(folder)
          .catch((error: unknown) => {
            unlisted.push(folder.uri);
            why.add(`listing ${folder.uri.toString()} failed (${String(error)})`);
          })
          .finally(() => {
            active--;
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });

  const cancelled = token.isCancellationRequested;
  return { files, unlisted, reasons: cancelled ? [] : [...why], bounded: cancelled ? { entries: [], depth: [] } : bounded };
}
