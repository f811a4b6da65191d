// A note as a document: "Edit Note" opens `weekly-papers-note:/<key>/<title>.txt` in an editor,
// and saving it (Ctrl+S) writes the note to the store. An editor gives a multi-line note
// everything an input box lacks (new lines, undo); the store stays the only place notes live, so
// nothing is written to the workspace. Plain text, not `.md`: a Markdown document wakes VS Code's
// Markdown extension, whose part in saving made a save take 3 s and fail about one time in three
// (seen in the restricted-mode suite, on this project's first commit of it too).
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { MAX_NOTE_LENGTH } from '../core/model/paperState';
import { NOTE_SCHEME } from '../constants';
import type { PaperStateStore } from '../storage/paperStateStore';
import { snapshotOf, type PaperTarget } from '../papers/paperTarget';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class NoteFileSystem extends Disposable implements vscode.FileSystemProvider {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  /** Keys of the notes this provider is writing now (see writeFile). */
  private readonly saving = new Set<string>();
  readonly onDidChangeFile = this.changeEmitter.event;

  constructor(
    private readonly store: PaperStateStore,
    private readonly findTarget: (key: string) => PaperTarget | undefined,
  ) {
    super();
    this.register(vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, this, { isCaseSensitive: true }));
    this.register(
      // A note changed elsewhere (the summary panel, an import): open editors reload it.
      store.onDidChange((keys) => {
        // A note this provider is writing (the editor saving it) is not "changed elsewhere": told
        // so in the middle of its own save, the editor may take the file for newer and fail the save.
        const changed = new Set(keys.filter((key) => !this.saving.has(key)));
        const events = vscode.workspace.textDocuments
          .filter((document) => document.uri.scheme === NOTE_SCHEME && changed.has(keyOf(document.uri)))
          .map((document) => ({ type: vscode.FileChangeType.Changed, uri: document.uri }));
        if (events.length > 0) this.changeEmitter.fire(events);
      }),
    );
  }

  static uriFor(target: PaperTarget): vscode.Uri {
    const name = shortName(target.title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim()) || 'Note';
    return vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/${encodeURIComponent(target.key)}/${name}.txt` });
  }

  /** Opens the note in an editor; `draft` (what was typed in the input box) replaces it, unsaved. */
  async open(target: PaperTarget, draft?: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(NoteFileSystem.uriFor(target));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (draft !== undefined && draft !== document.getText()) {
      const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      await editor.edit((edit) => edit.replace(all, draft));
    }
    return editor;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const key = this.known(uri);
    const state = this.store.get(key);
    const mtime = state ? Date.parse(state.updatedAt) || 0 : 0;
    return { type: vscode.FileType.File, ctime: 0, mtime, size: encoder.encode(state?.note ?? '').byteLength };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return encoder.encode(this.store.note(this.known(uri)));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const key = this.known(uri);
    const target = this.findTarget(key);
    if (!target) throw vscode.FileSystemError.FileNotFound(uri);
    const note = decoder.decode(content);
    if (note.length > MAX_NOTE_LENGTH) {
      // The editor keeps the text and says it could not save: nothing the reader typed is lost.
      throw vscode.FileSystemError.NoPermissions(
        vscode.l10n.t('A note is at most {0} characters, and this one has {1}; it was not saved. Shorten it, or keep the long text in a file of its own.', MAX_NOTE_LENGTH, note.length),
      );
    }
    this.saving.add(key);
    try {
      await this.store.setNote(key, note, snapshotOf(target));
    } finally {
      this.saving.delete(key);
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** The paper key of a note's URI; a key Weekly Papers does not know is "file not found". */
  private known(uri: vscode.Uri): string {
    const key = keyOf(uri);
    if (!key || !this.findTarget(key)) throw vscode.FileSystemError.FileNotFound(uri);
    return key;
  }
}

/** At most ~60 characters, cut at a word: the editor tab's name. */
function shortName(title: string): string {
  if (title.length <= 60) return title;
  const cut = title.lastIndexOf(' ', 60);
  return title.slice(0, cut > 30 ? cut : 60);
}

function keyOf(uri: vscode.Uri): string {
  const segment = uri.path.split('/')[1] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
