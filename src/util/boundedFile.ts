// Reading a file the reader chose (Import Issue from a file, Import Notes) with a size limit that
// is checked before anything is read: a 2 GB file picked by mistake costs a stat, not the
// extension host's memory.
import * as vscode from 'vscode';

export type BoundedFile = { readonly kind: 'ok'; readonly bytes: Uint8Array } | { readonly kind: 'tooLarge'; readonly size: number };

/** The file's bytes when it holds at most `maxBytes`; a file that grew past it meanwhile is refused too. */
export async function readBoundedFile(uri: vscode.Uri, maxBytes: number): Promise<BoundedFile> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > maxBytes) return { kind: 'tooLarge', size };
  const bytes = await vscode.workspace.fs.readFile(uri);
  return bytes.byteLength > maxBytes ? { kind: 'tooLarge', size: bytes.byteLength } : { kind: 'ok', bytes };
}

