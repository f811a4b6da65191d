// The extension in an UNTRUSTED workspace (restricted mode), which package.json says it supports
// (`capabilities.untrustedWorkspaces.supported: "limited"`: the settings that choose where
// requests go, or turn the network on, are the user's alone there). Run by `run-tests.mjs --untrusted` on a
// temporary copy of test/workspace/, with the extension installed as a reader has it: what a
// reader does first (open the view, see the workspace's issues and their problems, write a note,
// read a summary) must work there as in a trusted one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID, Setting, ViewContainer } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { findPaperTarget } from '../../../src/papers/paperTarget';
import { PaperStateStore } from '../../../src/storage/paperStateStore';
import { activate, nextMessage, summaryTabs, waitFor, workspaceFolder } from '../helpers';

/** A paper of issues/vol-131.txt: from the workspace, not from the bundled sample. */
const PAPER = '2511.14492';
const PAPER_TITLE = 'Cold-Start Generative Recommendation with Content-Derived Semantic IDs';

const file = (...path: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...path);

function problems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Weekly Papers');
}

async function rootLabels(api: WeeklyPapersTestApi): Promise<string[]> {
  const roots = (await api.issuesTree.getChildren()) ?? [];
  const items = await Promise.all(roots.map(async (node) => await api.issuesTree.getTreeItem(node)));
  return items.map((item) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? '')));
}

describe('restricted mode (untrusted workspace)', () => {
  after(async () => {
    if (!vscode.extensions.getExtension(EXTENSION_ID)?.isActive) return; // nothing was written
    const api = await activate();
    await api.store.setNote(PAPER, '', { title: PAPER_TITLE, issueLabel: null, arxivId: PAPER });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // First, so a run that opened the folder trusted fails instead of passing for nothing.
  it('has the test workspace open, untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted: this run says nothing about restricted mode (started without --untrusted?)');
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('activates when its view container is opened', async () => {
    // The harness installs the extension (one under development is never disabled): were
    // `capabilities.untrustedWorkspaces.supported` false, it would be disabled here, and not found.
    const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is missing: not installed, or disabled in restricted mode`);
    await vscode.commands.executeCommand(`workbench.view.extension.${ViewContainer.id}`);
    await waitFor(() => extension.isActive, 'the extension to activate');
  });

  it('ignores what the workspace’s own settings say about the network: the user’s settings apply', async () => {
    // The workspace's .vscode/settings.json sets both (VS Code hides restricted values from
    // inspect() here, so the file itself is read); run-tests.mjs --untrusted sets other user values.
    const settings = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.vscode', 'settings.json')))) as Record<string, unknown>;
    assert.equal(settings[Setting.arxivApiUrl], 'http://127.0.0.1:2/api/query', 'the workspace sets an arXiv address');
    assert.equal(settings[Setting.networkEnabled], true, 'the workspace turns the network on');
    const config = vscode.workspace.getConfiguration();
    assert.equal(config.get(Setting.arxivApiUrl), 'http://127.0.0.1:1/api/query', 'the workspace chose where requests go');
    assert.equal(config.get(Setting.networkEnabled), false, 'the workspace turned the network on');
  });

  it('fills the Issues tree from the workspace’s issue files, honouring the workspace’s files.exclude', async () => {
    const api = await activate();
    const labels = await rootLabels(api);
    for (const label of ['Vol.141 · Jan 26 – Feb 1, 2026', 'Vol.132 · Nov 24 – Nov 30, 2025', 'Vol.131 · Nov 17 – Nov 23, 2025']) {
      assert.ok(labels.includes(label), `no "${label}" among the roots: ${labels.join(' | ')}`);
    }
    const vol131 = api.library.issues().find((entry) => entry.source.id === file('issues', 'vol-131.txt').toString());
    assert.equal(vol131?.source.bundled, false, 'Vol.131 was not read from the workspace');
    const node = (await api.issuesTree.getChildren())?.find((root) => root.kind === 'issue' && root.entry === vol131);
    assert.ok(node, 'Vol.131 has no row');
    assert.equal((await api.issuesTree.getChildren(node))?.length, 4, 'Vol.131’s four papers');
    // hidden-issues/vol-997.txt is a real issue, hidden only by the workspace's .vscode/settings.json.
    const volumes = api.library.issues().map((entry) => entry.issue.volume);
    assert.ok(!volumes.includes(997), 'files.exclude from the workspace settings was not honoured');
  });

  it('shows an issue file’s problems in the Problems panel, on their lines', async () => {
    await activate();
    const cut = problems(file('broken', 'vol-141-cut.txt'));
    assert.deepEqual(cut.map((d) => [d.code, d.range.start.line, d.severity]), [['cut-off', 17, vscode.DiagnosticSeverity.Warning]]);
    assert.deepEqual(problems(file('issues', 'vol-131.txt')).map((d) => [d.code, d.range.start.line]), [['no-links', 15]]);
  });

  it('saves a note written in the note editor, and reads it back through the store', async () => {
    const api = await activate();
    const target = findPaperTarget(api.library, api.store, PAPER);
    assert.ok(target, `no paper ${PAPER}`);
    const text = 'Semantic IDs from content.\nTry on our catalogue.';
    const editor = await api.commandServices.notes.open(target, text);
    assert.equal(editor.document.isDirty, true);
    assert.ok(await editor.document.save(), 'the note editor did not save');
    assert.equal(api.store.note(PAPER), text);
    assert.equal(api.store.get(PAPER)?.title, PAPER_TITLE);
    // In workspace state: a new store on the same state (what the next window reads) has it.
    const reread = new PaperStateStore(api.store.memento);
    try {
      assert.equal(reread.note(PAPER), text);
    } finally {
      reread.dispose();
    }
  });

  it('opens the summary panel for a workspace paper, and its page’s script talks to the extension', async () => {
    const api = await activate();
    const pageReady = nextMessage(api, 'ready');
    await vscode.commands.executeCommand(Command.showSummary, PAPER);
    assert.equal(api.summaryPanel.currentKey(), PAPER);
    await waitFor(() => summaryTabs().length === 1, 'the summary tab');
    assert.equal(summaryTabs()[0]?.label, PAPER_TITLE);
    assert.match(api.summaryPanel.lastHtml() ?? '', new RegExp(`<h1>${PAPER_TITLE}</h1>`));
    // Scripts run in restricted mode's webviews too: the page loaded and said so.
    assert.equal((await pageReady).outcome, 'done');
  });
});
