// An issue file's label: its path relative to its workspace folder, with the folder's name in a
// multi-root workspace, as workspace.asRelativePath gives it. That asks VS Code for the folder of
// each file (a search of the folders by URI) and works out the file's file-system path, which it
// then does not use: about 20 µs a file, 20 ms of loading a thousand issue files. A file whose
// path plainly starts with its folder's is labelled here; anything else is asked.
import * as vscode from 'vscode';

/** workspace.asRelativePath(uri, more than one folder is open), for an issue file. */
export function fileLabel(uri: vscode.Uri): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  // The innermost folder holding the file, as VS Code finds it.
  let found: { folder: vscode.WorkspaceFolder; rest: string } | undefined;
  for (const folder of folders) {
    const base = folder.uri;
    if (base.scheme !== uri.scheme || base.authority !== uri.authority) continue;
    const prefix = base.path.endsWith('/') ? base.path : `${base.path}/`;
    if (!uri.path.startsWith(prefix)) continue;
    if (!found || base.path.length > found.folder.uri.path.length) found = { folder, rest: uri.path.slice(prefix.length) };
  }
  // VS Code normalises the path it answers with (`a//b`, `./`, `../`): such a path is left to it.
  if (!found || !PLAIN_RELATIVE.test(found.rest)) return vscode.workspace.asRelativePath(uri, folders.length > 1);
  return folders.length > 1 && found.folder.name ? `${found.folder.name}/${found.rest}` : found.rest;
}

/** Names joined by single `/`s, none of them `.` or `..`, and no `/` at either end. */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;
