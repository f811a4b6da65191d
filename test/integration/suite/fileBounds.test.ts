// Files the reader hands to Weekly Papers, too large to be what they claim: refused with a
// sentence, before they are read where a stat can tell, and nothing saved or changed.
// Sparse files (truncate) make the large ones without writing their bytes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../../src/constants';
import type { ImportSummary } from '../../../src/commands/notesFile';
import { MAX_INPUT_CHARS } from '../../../src/core/parse/parse';
import { MAX_NOTE_LENGTH } from '../../../src/core/model/paperState';
import type { ImportOutcome } from '../../../src/import/issueImporter';
import { findPaperTarget } from '../../../src/papers/paperTarget';
import { JsonCacheFile, MAX_CACHE_FILE_BYTES } from '../../../src/util/jsonCacheFile';
import * as z from 'zod';
import { activate, workspaceFolder } from '../helpers';

const CLARA = '2511.18659';
const MB = 1024 * 1024;

function sparseFile(name: string, head: string, size: number): vscode.Uri {
  const file = path.join(os.tmpdir(), `weekly-papers-${process.pid}-${name}`);
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
  return vscode.Uri.file(file);
}

async function issueNames(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceFolder(), 'issues'))).map(([name]) => name).sort();
}

describe('files too large for what they claim to be', () => {
  it('Import Issue from a file refuses a file over 64 MB without reading it', async () => {
    await activate();
    const before = await issueNames();
    const file = sparseFile('huge-issue.txt', 'Vol.167 for Dec 8 - Dec 14, 2025\n', 2 * MAX_INPUT_CHARS + 1);
    try {
      const outcome = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromFile, file, { confirm: false });
      assert.equal(outcome.status, 'failed');
      assert.equal((outcome as { message: string }).message, `weekly-papers-${process.pid}-huge-issue.txt is over 64 MB, the most an issue file may be. Nothing was saved.`);
      assert.deepEqual(await issueNames(), before);
    } finally {
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  it('Import Issue says a text longer than any issue is too large, not that it is no issue', async () => {
    await activate();
    const before = await issueNames();
    // 33 million characters in a 33 MB file: under the file limit, over the parser's.
    const file = path.join(os.tmpdir(), `weekly-papers-${process.pid}-long-issue.txt`);
    fs.writeFileSync(file, `Vol.168 for Dec 15 - Dec 21, 2025\n${'x'.repeat(33 * MB)}\n`);
    try {
      const outcome = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromFile, vscode.Uri.file(file), { confirm: false });
      assert.equal(outcome.status, 'failed');
      assert.equal((outcome as { message: string }).message, `weekly-papers-${process.pid}-long-issue.txt holds 34 million characters; an issue is at most 32 million. Nothing was saved.`);
      assert.deepEqual(await issueNames(), before);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('Import Notes refuses a file over 64 MB without reading it, and changes no note', async () => {
    const api = await activate();
    const noteBefore = api.store.note(CLARA);
    const file = sparseFile('huge-notes.md', `# Weekly Papers notes\n\n## ${CLARA}\n\nfrom the huge file\n`, 64 * MB + 1);
    try {
      const summary = await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.equal(summary?.tooLarge, true);
      assert.equal(summary?.changed, 0);
      assert.equal(api.store.note(CLARA), noteBefore);
    } finally {
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  it('a note saved from the Edit Note editor over 1,000,000 characters is refused with a sentence, and the stored note kept', async () => {
    const api = await activate();
    await vscode.commands.executeCommand(Command.editNote, CLARA, 'kept\nas it was');
    const target = findPaperTarget(api.library, api.store, CLARA);
    assert.ok(target);
    const long = 'y'.repeat(MAX_NOTE_LENGTH + 1);
    const draft = await api.commandServices.notes.open(target, long);
    // The file system provider's own answer, then the editor's save through it.
    await assert.rejects(
      Promise.resolve(api.commandServices.notes.writeFile(draft.document.uri, new TextEncoder().encode(long))),
      /A note is at most 1000000 characters, and this one has 1000001; it was not saved/,
    );
    assert.equal(await draft.document.save(), false, 'the editor says the save failed');
    assert.equal(draft.document.isDirty, true, 'and keeps what was typed');
    assert.equal(draft.document.getText(), long);
    assert.equal(api.store.note(CLARA), 'kept\nas it was');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand(Command.editNote, CLARA, '');
  });

  it('a cache file over 16 MB is not read: the cache starts empty, one line is logged, and the next write replaces it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-cache-'));
    try {
      // Valid JSON with valid entries: read, they would all be kept.
      const entry = 'x'.repeat(MB);
      const entries = Object.fromEntries(Array.from({ length: MAX_CACHE_FILE_BYTES / MB + 1 }, (_, i) => [`id${i}`, entry]));
      fs.writeFileSync(path.join(dir, 'cache.json'), JSON.stringify({ version: 1, entries }));
      const logged: string[] = [];
      const file = new JsonCacheFile(vscode.Uri.file(dir), 'cache.json', z.string(), (line) => logged.push(line));
      const into = new Map<string, string>();
      await file.read(into);
      assert.equal(into.size, 0, 'the entries of a file over the limit were read');
      assert.deepEqual(logged, ['the cache file cache.json is 17.0 MB, more than the 16 MB read: it was not read, and the cache starts empty.']);

      await file.write(new Map([['2511.18659', 'fresh']]));
      const again = new Map<string, string>();
      await file.read(again);
      assert.deepEqual([...again], [['2511.18659', 'fresh']]);
      assert.equal(logged.length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
