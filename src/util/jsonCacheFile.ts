// A cache kept as one JSON file in the extension's storage (`{ version: 1, entries: { id: … } }`):
// arXiv's metadata and Hugging Face's paper pages. Entries that do not validate are dropped when
// read (it is only a cache); writes land one after another, and a failed one is logged, not thrown.
// Its size is looked at before it is read: a file over MAX_CACHE_FILE_BYTES (grown by a bug, or
// written by something else) is not read, the cache starts empty, and the next write replaces it.
import * as vscode from 'vscode';
import * as z from 'zod';

/**
 * The largest cache file read. An arXiv entry with its abstract is about 3 KB, a Hugging Face one
 * less: 16 MB holds some 5,000 papers, ten years of a weekly newsletter.
 */
export const MAX_CACHE_FILE_BYTES = 16 * 1024 * 1024;

const CacheFile = z.object({ version: z.literal(1), entries: z.record(z.string(), z.unknown()) });

export class JsonCacheFile<T> {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly fileName: string,
    private readonly entry: z.ZodType<T>,
    /** Takes one line for the log: a write that failed, a file too large to read. */
    private readonly log: (line: string) => void,
  ) {}

  private get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, this.fileName);
  }

  /** Adds the file's valid entries to `into`, never over an entry `into` already has. */
  async read(into: Map<string, T>): Promise<void> {
    let raw: unknown;
    try {
      const { size } = await vscode.workspace.fs.stat(this.uri);
      if (size > MAX_CACHE_FILE_BYTES) {
        this.log(`the cache file ${this.fileName} is ${(size / (1024 * 1024)).toFixed(1)} MB, more than the ${MAX_CACHE_FILE_BYTES / (1024 * 1024)} MB read: it was not read, and the cache starts empty.`);
        return;
      }
      raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri)));
    } catch {
      return; // No cache yet, or an unreadable one: it is rebuilt as entries are fetched.
    }
    const file = CacheFile.safeParse(raw);
    if (!file.success) return;
    for (const [id, value] of Object.entries(file.data.entries)) {
      const parsed = this.entry.safeParse(value);
      if (parsed.success && !into.has(id)) into.set(id, parsed.data);
    }
  }

  /** Writes `entries` as they are when this write's turn comes. */
  write(entries: ReadonlyMap<string, T>): Promise<void> {
    const write = async () => {
      try {
        await vscode.workspace.fs.createDirectory(this.storageUri);
        await vscode.workspace.fs.writeFile(this.uri, new TextEncoder().encode(JSON.stringify({ version: 1, entries: Object.fromEntries(entries) })));
      } catch (error) {
        this.log(`could not write the cache file ${this.fileName}: ${String(error)}`);
      }
    };
    this.writing = this.writing.then(write);
    return this.writing;
  }

  /** Settles when every write so far has landed (or failed). */
  flushed(): Promise<void> {
    return this.writing;
  }
}
