// A cache kept as one JSON file in the extension's storage (`{ version: 1, entries: { id: … } }`):
// arXiv's metadata and Hugging Face's paper pages. Entries that do not validate are dropped when
// read (it is only a cache); writes land one after another, and a failed one is logged, not thrown.
import * as vscode from 'vscode';
import * as z from 'zod';

const CacheFile = z.object({ version: z.literal(1), entries: z.record(z.string(), z.unknown()) });

export class JsonCacheFile<T> {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly fileName: string,
    private readonly entry: z.ZodType<T>,
    /** Says why a write failed, e.g. to the log. */
    private readonly onWriteFailed: (error: unknown) => void,
  ) {}

  private get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, this.fileName);
  }

  /** Adds the file's valid entries to `into`, never over an entry `into` already has. */
  async read(into: Map<string, T>): Promise<void> {
    let raw: unknown;
    try {
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
        this.onWriteFailed(error);
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
