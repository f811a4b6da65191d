// Stat and read of whole `file:` files without a round trip to the workbench. workspace.fs sends
// every stat and every read to the workbench and waits for its answer ($ensureActivation) before
// it touches the disk; for a folder of a thousand issue files that is two thousand messages, and
// most of loading it. Only Node's extension host can read the disk itself (extension.node.ts gives
// the reader before activation); elsewhere, and for every other scheme, the answer is null and
// workspace.fs is used. No vscode import.

/** What a stat says of a file, as workspace.fs says it (mtime in whole milliseconds). */
export interface LocalFileStat {
  readonly kind: 'file' | 'directory' | 'other';
  readonly ctime: number;
  readonly mtime: number;
  readonly size: number;
}

export interface LocalFiles {
  /** Follows a symbolic link, as workspace.fs does. */
  stat(fsPath: string): Promise<LocalFileStat>;
  read(fsPath: string): Promise<Uint8Array>;
}

let local: LocalFiles | null = null;

/** Called once, before activation, by the entry point of a host that can read the disk. */
export function useLocalFiles(next: LocalFiles): void {
  local = next;
}

/** The way to read this URI's file directly; null when workspace.fs must be asked. */
export function localFilesFor(uri: { readonly scheme: string }): LocalFiles | null {
  return uri.scheme === 'file' ? local : null;
}
