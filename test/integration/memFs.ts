// An in-memory file system for the extension host, as a virtual-file-system extension gives one:
// a FileSystemProvider and nothing else (no search provider), firing a change event for every
// write. It records every path VS Code asks it about, so a test can tell what was never read.
import * as vscode from 'vscode';

interface Entry {
  readonly type: vscode.FileType;
  data: Uint8Array;
  mtime: number;
  readonly ctime: number;
}

export class MemFs implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** Every path statted, listed or read, in order. */
  readonly asked: string[] = [];
  private lastMtime = 0;

  constructor(readonly scheme: string) {
    this.entries.set('/', this.entry(vscode.FileType.Directory));
  }

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Writes a file, making its folders, with the events a provider fires (the test's setup). */
  put(path: string, text: string): void {
    const parts = path.split('/').filter((part) => part !== '');
    for (let i = 1; i < parts.length; i++) {
      const folder = `/${parts.slice(0, i).join('/')}`;
      if (!this.entries.has(folder)) {
        this.entries.set(folder, this.entry(vscode.FileType.Directory));
        this.fire(vscode.FileChangeType.Created, folder);
      }
    }
    this.writeFile(this.uri(path), new TextEncoder().encode(text), { create: true, overwrite: true });
  }

  // Every change is reported, watched or not: VS Code filters events by what it watches.
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.asked.push(uri.path);
    const entry = this.lookup(uri);
    return { type: entry.type, ctime: entry.ctime, mtime: entry.mtime, size: entry.data.byteLength };
  }

  readDirectory(uri: vscode.Uri): Array<[string, vscode.FileType]> {
    this.asked.push(uri.path);
    if (this.lookup(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const children: Array<[string, vscode.FileType]> = [];
    for (const [path, entry] of this.entries) {
      const rest = path.slice(prefix.length);
      if (path.startsWith(prefix) && rest !== '' && !rest.includes('/')) children.push([rest, entry.type]);
    }
    return children;
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.asked.push(uri.path);
    const entry = this.lookup(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const existing = this.entries.get(uri.path);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!this.entries.has(parentOf(uri.path))) throw vscode.FileSystemError.FileNotFound(uri.with({ path: parentOf(uri.path) }));
    if (existing) {
      existing.data = content;
      existing.mtime = this.nextMtime();
      this.fire(vscode.FileChangeType.Changed, uri.path);
    } else {
      this.entries.set(uri.path, { ...this.entry(vscode.FileType.File), data: content });
      this.fire(vscode.FileChangeType.Created, uri.path);
    }
  }

  createDirectory(uri: vscode.Uri): void {
    if (this.entries.has(uri.path)) throw vscode.FileSystemError.FileExists(uri);
    this.entries.set(uri.path, this.entry(vscode.FileType.Directory));
    this.fire(vscode.FileChangeType.Created, uri.path);
  }

  delete(uri: vscode.Uri): void {
    this.lookup(uri);
    for (const path of [...this.entries.keys()]) {
      if (path === uri.path || path.startsWith(`${uri.path}/`)) this.entries.delete(path);
    }
    this.fire(vscode.FileChangeType.Deleted, uri.path);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('the test file system does not rename');
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private lookup(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  private entry(type: vscode.FileType): Entry {
    const now = this.nextMtime();
    return { type, data: new Uint8Array(), mtime: now, ctime: now };
  }

  /** Strictly increasing, so an edit within the same millisecond still looks changed. */
  private nextMtime(): number {
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    return this.lastMtime;
  }

  private fire(type: vscode.FileChangeType, path: string): void {
    this.emitter.fire([{ type, uri: this.uri(path) }]);
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
