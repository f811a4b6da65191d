// Reading the start of a file without reading all of it. workspace.fs has no ranged read, so only
// Node's extension host can, for `file:` URIs, through node:fs (extension.node.ts gives the reader
// before activation). Elsewhere (a browser's web worker, a virtual file system) the answer is null:
// the start is not known, and nothing was read. No vscode import.

/** At most `bytes` bytes from the start of the file at `fsPath`. */
export type FileStartReader = (fsPath: string, bytes: number) => Promise<Uint8Array>;

let reader: FileStartReader | null = null;

/** Called once, before activation, by the entry point of a host that can read part of a file. */
export function useFileStartReader(next: FileStartReader): void {
  reader = next;
}

/** The first `bytes` bytes of the file; null when this host cannot read them alone, or reading failed. */
export async function readFileStart(uri: { readonly scheme: string; readonly fsPath: string }, bytes: number): Promise<Uint8Array | null> {
  if (reader === null || uri.scheme !== 'file') return null;
  try {
    return await reader(uri.fsPath, bytes);
  } catch {
    return null;
  }
}
