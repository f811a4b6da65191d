// An issue file's stat and bytes: from the disk itself where the host can read it (Node's
// extension host, a `file:` URI: see platform/localFiles.ts), else through workspace.fs.
import * as vscode from 'vscode';
import { localFilesFor, type LocalFileStat } from '../platform/localFiles';

const TYPE: Record<LocalFileStat['kind'], vscode.FileType> = {
  file: vscode.FileType.File,
  directory: vscode.FileType.Directory,
  other: vscode.FileType.Unknown,
};

export async function statFile(uri: vscode.Uri): Promise<vscode.FileStat> {
  const local = localFilesFor(uri);
  if (!local) return await vscode.workspace.fs.stat(uri);
  const { kind, ctime, mtime, size } = await local.stat(uri.fsPath);
  return { type: TYPE[kind], ctime, mtime, size };
}

export async function readWholeFile(uri: vscode.Uri): Promise<Uint8Array> {
  const local = localFilesFor(uri);
  return local ? await local.read(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
}
