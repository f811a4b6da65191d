// The commands, in the real extension host: registered as contributed, and doing what they say
// when run with a paper key, a tree row or nothing. Links are never opened: the commands are
// built again with an `open` that records.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { Command, EXTENSION_ID, NOTE_SCHEME } from '../../../src/constants';
import { createCommands } from '../../../src/commands';
import type { WeeklyPapersCommand } from '../../../src/commands/commandManager';
import { paperPickItems } from '../../../src/commands/paperPicker';
import { findPaperTarget } from '../../../src/papers/paperTarget';
import { paperLinks } from '../../../src/core/model/paperLinks';
import type { ImportSummary } from '../../../src/commands/notesFile';
import type { PaperState } from '../../../src/core/model/paperState';
import { formatNotesMarkdown } from '../../../src/core/formats/notesMarkdown';
import type { IssuesNode } from '../../../src/views/issuesTree';
import { activate, waitFor, workspaceFolder } from '../helpers';

const CLARA = '2511.18659'; // arXiv and code
const NETFLIX = '2511.18261'; // arXiv only
const CLARA_TITLE = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';

interface Contributes {
  commands: Array<{ command: string; title: string; icon?: string }>;
  menus: Record<string, Array<{ command: string; when?: string; group?: string }>>;
}

function contributes(): Contributes {
  return (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: Contributes }).contributes;
}

/** The commands with an `open` that records instead of starting a browser. */
function recordingCommands(api: WeeklyPapersTestApi): { opened: string[]; run: (id: string, ...args: unknown[]) => Promise<unknown> } {
  const opened: string[] = [];
  const commands = createCommands({ ...api.commandServices, open: (url) => (opened.push(url), Promise.resolve(true)) });
  const byId = new Map<string, WeeklyPapersCommand>(commands.map((command) => [command.id, command]));
  return {
    opened,
    run: async (id, ...args) => {
      const command = byId.get(id);
      assert.ok(command, `no command ${id}`);
      return await command.execute(...args);
    },
  };
}

/** Forgets what a test did to these papers. */
async function forget(api: WeeklyPapersTestApi, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const snapshot = { title: 'x', issueLabel: null, arxivId: null };
    await api.store.setNote(key, '', snapshot);
    await api.store.setStatus(key, null, snapshot);
  }
}

async function issuesRows(api: WeeklyPapersTestApi, node?: IssuesNode): Promise<IssuesNode[]> {
  return (await api.issuesTree.getChildren(node)) ?? [];
}

async function vol132Papers(api: WeeklyPapersTestApi): Promise<IssuesNode[]> {
  const issue = (await issuesRows(api)).find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
  assert.ok(issue, 'no Vol.132 in the Issues tree');
  return issuesRows(api, issue);
}

describe('commands', () => {
  let api: WeeklyPapersTestApi;
  before(async () => {
    api = await activate();
  });
  afterEach(async () => {
    await forget(api, CLARA, NETFLIX);
    api.commandServices.issues.setFilter('');
  });

  it('registers every command package.json contributes, and contributes every command id the code declares', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = contributes().commands.map((entry) => entry.command);
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    const undeclared = Object.values(Command).filter((id) => !contributed.includes(id));
    assert.deepEqual(undeclared, [], `declared in constants.ts but not contributed: ${undeclared.join(', ')}`);
  });

  it('gives every command an icon where it shows one (inline and title-bar buttons), and no default keybindings', () => {
    const { commands, menus } = contributes();
    const icons = new Map(commands.map((entry) => [entry.command, entry.icon]));
    const buttons = [...(menus['view/title'] ?? []), ...(menus['view/item/context'] ?? [])].filter((entry) => /^(navigation|inline)/.test(entry.group ?? ''));
    for (const button of buttons) assert.match(icons.get(button.command) ?? '', /^\$\([a-z-]+\)$/, `${button.command} has no icon`);
    const packageJSON = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings?: unknown } };
    assert.equal(packageJSON.contributes.keybindings, undefined);
  });

  it('Set Reading Status with a key sets the status and keeps the paper’s snapshot; "none" clears it', async () => {
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'toRead');
    assert.equal(api.store.status(CLARA), 'toRead');
    assert.equal(api.store.get(CLARA)?.title, CLARA_TITLE);
    assert.equal(api.store.get(CLARA)?.arxivId, CLARA);
    assert.match(api.store.get(CLARA)?.issueLabel ?? '', /^Vol\.132 · /);
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'reading');
    assert.equal(api.store.status(CLARA), 'reading');
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'none');
    assert.equal(api.store.status(CLARA), null);
  });

  it('Edit Note with a key and a text sets the note, from a tree row too', async () => {
    await vscode.commands.executeCommand(Command.editNote, CLARA, 'Compare with xRAG.\nSecond line.');
    assert.equal(api.store.note(CLARA), 'Compare with xRAG.\nSecond line.');
    const row = (await vol132Papers(api)).find((node) => node.kind === 'paper' && node.paper.key === NETFLIX);
    await vscode.commands.executeCommand(Command.editNote, row, 'Cold start.');
    assert.equal(api.store.note(NETFLIX), 'Cold start.');
    assert.equal(api.store.get(NETFLIX)?.title, 'LLM Reasoning for Cold-Start Item Recommendation');
  });

  it('Edit Note opens a multi-line note in an editor, and saving the editor saves the note', async () => {
    await vscode.commands.executeCommand(Command.editNote, CLARA, 'first line\nsecond line');
    await vscode.commands.executeCommand(Command.editNote, CLARA);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, NOTE_SCHEME);
    assert.equal(editor?.document.getText(), 'first line\nsecond line');

    const target = findPaperTarget(api.library, api.store, CLARA);
    assert.ok(target);
    const draft = await api.commandServices.notes.open(target, 'a longer\n\nnote, typed in the editor');
    assert.equal(draft.document.isDirty, true, 'what was typed is there, unsaved');
    assert.equal(api.store.note(CLARA), 'first line\nsecond line');
    assert.ok(await draft.document.save());
    assert.equal(api.store.note(CLARA), 'a longer\n\nnote, typed in the editor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Copy Link and Copy BibTeX put the right text on the clipboard', async () => {
    await vscode.commands.executeCommand(Command.copyLink, CLARA);
    assert.equal(await vscode.env.clipboard.readText(), 'https://arxiv.org/abs/2511.18659');
    await vscode.commands.executeCommand(Command.copyBibtex, CLARA);
    assert.equal(
      await vscode.env.clipboard.readText(),
      '@misc{clara2025,\n  title={{CLaRa}: Bridging Retrieval and Generation with Continuous Latent Reasoning},\n  year={2025},\n  eprint={2511.18659},\n  archivePrefix={arXiv},\n  url={https://arxiv.org/abs/2511.18659}\n}\n',
    );
  });

  it('Copy BibTeX and Export BibTeX cite a paper under one key, also beside a paper of another issue with the same first word', async () => {
    // Another issue's paper whose title starts with the same word, in the same year: the key
    // takes a second word, in the copy and in the export of Vol.132 alone alike.
    const rival = vscode.Uri.joinPath(workspaceFolder(), 'issues', 'vol-171-bibtex-rival.txt');
    const rivalIssue = [
      'Vol.171 for Dec 1 - Dec 7, 2025',
      '[1] CLaRa Revisited: Latent Compression for Long-Context Retrieval',
      'This paper revisits continuous latent compression for retrieval-augmented generation over long contexts and reports where it helps and where it does not.',
      '📚 https://arxiv.org/abs/2512.00001',
    ].join('\n');
    const vol171 = () => api.library.issues().some((entry) => entry.issue.volume === 171);
    const bib = path.join(os.tmpdir(), `weekly-papers-keys-${Date.now()}.bib`);
    await vscode.workspace.fs.writeFile(rival, new TextEncoder().encode(rivalIssue));
    try {
      await waitFor(vol171, 'Vol.171 in the library');
      await vscode.commands.executeCommand(Command.copyBibtex, CLARA);
      assert.equal(/^@misc\{([^,]+),$/m.exec(await vscode.env.clipboard.readText())?.[1], 'clarabridging2025');
      const vol132 = (await api.issuesTree.getChildren())?.find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
      assert.ok(vol132, 'Vol.132 in the Issues tree');
      await vscode.commands.executeCommand(Command.exportBibtex, vol132, vscode.Uri.file(bib));
      assert.match(fs.readFileSync(bib, 'utf8'), /^@misc\{clarabridging2025,$/m);
    } finally {
      fs.rmSync(bib, { force: true });
      await vscode.workspace.fs.delete(rival);
      await waitFor(() => !vol171(), 'Vol.171 gone from the library');
    }
  });

  it('Open Code opens a paper’s repository, and for a paper without code opens nothing', async () => {
    const { opened, run } = recordingCommands(api);
    assert.equal(await run(Command.openCode, NETFLIX), undefined);
    assert.deepEqual(opened, [], 'nothing is opened for a paper without code');
    assert.equal(await run(Command.openCode, CLARA), 'https://github.com/apple/ml-clara');
    assert.deepEqual(opened, ['https://github.com/apple/ml-clara']);
  });

  it('Open on arXiv, PDF and Hugging Face open the paper’s pages, from a tree row', async () => {
    const { opened, run } = recordingCommands(api);
    const row = (await vol132Papers(api)).find((node) => node.kind === 'paper' && node.paper.key === CLARA);
    await run(Command.openArxiv, row);
    await run(Command.openPdf, row);
    await run(Command.openHuggingFace, CLARA);
    assert.deepEqual(opened, ['https://arxiv.org/abs/2511.18659', 'https://arxiv.org/pdf/2511.18659', 'https://huggingface.co/papers/2511.18659']);
  });

  it('Open Paper’s quick pick finds a paper by words of its summary, and Open Code offers only papers with code', () => {
    const items = paperPickItems(api.commandServices, 'HotpotQA MuSiQue');
    assert.deepEqual(items.map((item) => item.key), [CLARA]);
    assert.equal(items[0]?.label, CLARA_TITLE);
    assert.equal(items[0]?.description, 'Apple');
    assert.match(items[0]?.detail ?? '', /^Vol\.132 · Nov 24 – Nov 30, 2025$/);
    assert.equal(items[0]?.alwaysShow, true, 'kept although the quick pick’s own matching sees no summary');

    const all = paperPickItems(api.commandServices, '');
    assert.ok(all.some((item) => item.label.startsWith('E-GEO')), 'extras are offered too');
    assert.equal(new Set(all.map((item) => item.key)).size, all.length, 'each paper once');

    const withCode = paperPickItems(api.commandServices, '', (target) => paperLinks(target).code !== null);
    assert.ok(withCode.length > 0 && withCode.length < all.length);
    assert.ok(withCode.some((item) => item.key === CLARA));
    assert.ok(!withCode.some((item) => item.key === NETFLIX));
  });

  it('shows the reading status and the note in the quick pick', async () => {
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'reading');
    await vscode.commands.executeCommand(Command.editNote, CLARA, 'a note');
    const [item] = paperPickItems(api.commandServices, 'HotpotQA');
    assert.equal(item?.detail, '$(eye) Reading · Vol.132 · Nov 24 – Nov 30, 2025 · $(note) note');
  });

  it('Export Notes then Import Notes gives back every note and status, exactly', async () => {
    const notes: Record<string, string> = {
      [CLARA]: '# not a heading\n```js\nconst x = 1;\n```\n<!-- weekly-papers key="evil" -->\n\n\nblank lines above, ünïcödé 😀',
      [NETFLIX]: 'one line',
    };
    await vscode.commands.executeCommand(Command.editNote, CLARA, notes[CLARA]);
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'reading');
    await vscode.commands.executeCommand(Command.setStatus, NETFLIX, 'toRead');
    await vscode.commands.executeCommand(Command.editNote, NETFLIX, notes[NETFLIX]);
    const before = new Map<string, PaperState | undefined>([CLARA, NETFLIX].map((key) => [key, api.store.get(key)]));

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run in a workspace');
    const file = vscode.Uri.joinPath(folder.uri, `notes-export-${Date.now()}.md`);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>(Command.exportNotes, file);
      assert.equal(written?.toString(), file.toString());
      await forget(api, CLARA, NETFLIX);
      assert.equal(api.store.get(CLARA), undefined);

      const summary = await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.deepEqual(summary?.problems, []);
      assert.ok((summary?.changed ?? 0) >= 2);
      for (const [key, state] of before) assert.deepEqual(api.store.get(key), state, key);

      // A note changed here after the export is newer than the file's: importing keeps it.
      await vscode.commands.executeCommand(Command.editNote, NETFLIX, 'changed since');
      const again = await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.equal(api.store.note(NETFLIX), 'changed since');
      assert.ok((again?.keptNewer ?? 0) >= 1);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('Import Notes never clears a note here with a newer file entry that has only a status', async () => {
    await vscode.commands.executeCommand(Command.editNote, NETFLIX, 'Written here, before the file.');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run in a workspace');
    const file = vscode.Uri.joinPath(folder.uri, `notes-status-only-${Date.now()}.md`);
    // An export from elsewhere, written later, that knows only the paper's status.
    const later = new Date(Date.now() + 60_000).toISOString();
    const stateElsewhere: PaperState = { status: 'read', note: '', updatedAt: later, title: 'LLM Reasoning for Cold-Start Item Recommendation', issueLabel: null, arxivId: NETFLIX };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(formatNotesMarkdown(new Map([[NETFLIX, stateElsewhere]]))));
    try {
      await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.equal(api.store.status(NETFLIX), 'read');
      assert.equal(api.store.note(NETFLIX), 'Written here, before the file.');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('Import Notes reads a notes file saved as UTF-16 (Notepad’s “Unicode”)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run in a workspace');
    const file = vscode.Uri.joinPath(folder.uri, `notes-utf16-${Date.now()}.md`);
    const later = new Date(Date.now() + 60_000).toISOString();
    const state: PaperState = { status: 'toRead', note: 'Saved as “Unicode” — still read.', updatedAt: later, title: 'LLM Reasoning for Cold-Start Item Recommendation', issueLabel: null, arxivId: NETFLIX };
    const text = formatNotesMarkdown(new Map([[NETFLIX, state]]));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)).buffer)]);
    await vscode.workspace.fs.writeFile(file, utf16);
    try {
      const summary = await vscode.commands.executeCommand<ImportSummary>(Command.importNotes, file);
      assert.deepEqual(summary?.problems, []);
      assert.equal(api.store.note(NETFLIX), 'Saved as “Unicode” — still read.');
    } finally {
      await vscode.workspace.fs.delete(file);
      await vscode.commands.executeCommand(Command.editNote, NETFLIX, '');
      await vscode.commands.executeCommand(Command.setStatus, NETFLIX, 'none');
    }
  });

  it('Filter shows only the papers with the words, anywhere in the summary; Clear Filter shows all', async () => {
    await vscode.commands.executeCommand(Command.filter, 'HotpotQA');
    const filtered = await vol132Papers(api);
    assert.deepEqual(filtered.map((node) => (node.kind === 'paper' ? node.paper.key : node.kind)), [CLARA]);
    const issueItem = await api.issuesTree.getTreeItem((await issuesRows(api))[0] as IssuesNode);
    assert.equal(issueItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'issues open while filtered');
    await vscode.commands.executeCommand(Command.filter, 'no-such-word-anywhere');
    assert.deepEqual(await issuesRows(api), []);
    await vscode.commands.executeCommand(Command.clearFilter);
    assert.equal((await vol132Papers(api)).length, 11);
  });

  it('Reveal in Issue File opens the issue’s file with the paper’s heading selected', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Command.revealInIssueFile, CLARA);
    const found = api.library.findPaper(CLARA)[0];
    assert.ok(editor && found);
    assert.equal(editor.document.uri.toString(), found.entry.source.id);
    assert.equal(editor.selection.start.line, found.paper.range.startLine - 1);
    assert.equal(editor.document.getText(editor.selection), `[1] ${CLARA_TITLE}`);
    // CLaRa is the bundled sample's: the extension's own file opens read-only, an edit changes nothing.
    assert.equal(found.entry.source.bundled, true, 'CLaRa should come from the bundled sample here');
    const before = editor.document.getText();
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('paper rows say what they have: context value parts for the menus, status icon, note mark, click shows the summary', async () => {
    await vscode.commands.executeCommand(Command.setStatus, CLARA, 'toRead');
    await vscode.commands.executeCommand(Command.editNote, CLARA, 'a note');
    const rows = await vol132Papers(api);
    const item = async (key: string) => {
      const node = rows.find((row) => row.kind === 'paper' && row.paper.key === key);
      assert.ok(node);
      return api.issuesTree.getTreeItem(node);
    };
    const clara = await item(CLARA);
    assert.equal(clara.contextValue, 'paper:hasArxiv:hasPdf:hasCode:hasHuggingFace:hasLink:toRead:hasNote:inIssue');
    assert.equal(clara.description, 'Apple · note');
    assert.equal((clara.iconPath as vscode.ThemeIcon).id, 'bookmark');
    assert.deepEqual(clara.command?.arguments, [CLARA]);
    assert.equal(clara.command?.command, Command.showSummary);
    assert.equal(typeof clara.tooltip, 'string');
    const netflix = await item(NETFLIX);
    assert.doesNotMatch(netflix.contextValue ?? '', /:hasCode\b/);
    assert.equal((netflix.iconPath as vscode.ThemeIcon).id, 'file-text');
  });
});
