// Import Notes with a file that puts papers under keys plain objects give a meaning to
// (test/fixtures/hostile/notes/reserved-keys.md): refused, each with a message naming the key;
// the file's other paper is imported.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID } from '../../../src/constants';
import type { ImportSummary } from '../../../src/commands/notesFile';
import { activate, workspaceFolder } from '../helpers';

const CLARA = '2511.18659'; // the file's one paper with an ordinary key

describe('Import Notes: reserved keys', () => {
  it('refuses papers under __proto__, constructor and prototype, and says so', async () => {
    const api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const fixture = vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'hostile', 'notes', 'reserved-keys.md');
    const file = vscode.Uri.joinPath(workspaceFolder(), `notes-reserved-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(fixture));
    const claraBefore = api.store.get(CLARA);
    try {
      const summary = await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.equal(summary?.problems.length, 3, JSON.stringify(summary?.problems));
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        assert.ok(summary?.problems.some((problem) => problem.includes(`"${key}" is a reserved name`)), key);
        assert.equal(api.store.get(key), undefined, key);
      }
    } finally {
      await vscode.workspace.fs.delete(file);
      const snapshot = { title: 'x', issueLabel: null, arxivId: null };
      if (claraBefore) await api.store.merge(new Map([[CLARA, claraBefore]]));
      else {
        await api.store.setNote(CLARA, '', snapshot);
        await api.store.setStatus(CLARA, null, snapshot);
      }
    }
  });
});
