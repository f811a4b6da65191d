// The summary panel in a real extension host: a real webview panel, real workspace state, and
// the page's own script posting to the extension through the real message channel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID, SUMMARY_VIEW_TYPE } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { MAX_PAPER_KEY_LENGTH } from '../../../src/core/model/keys';
import { MAX_NOTE_LENGTH } from '../../../src/webview/messages';
import { NOT_FOUND_NOTICE } from '../../../src/webview/summaryHtml';
import { nextMessage, waitFor, summaryTabs } from '../helpers';

const CLARA = '2511.18659';
const CLARA_TITLE = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
/** Netflix's paper in the sample: on arXiv, no code link. */
const COLD_START = '2511.18261';
const COLD_START_TITLE = 'LLM Reasoning for Cold-Start Item Recommendation';

function nonceOf(html: string | undefined): string {
  const match = /script-src &#39;nonce-([0-9a-f]+)&#39;/.exec(html ?? '');
  assert.ok(match?.[1], 'the CSP names a script nonce');
  return match[1];
}

describe('summary panel', function () {
  this.timeout(30_000);
  let api: WeeklyPapersTestApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.ready;
  });

  after(async () => {
    for (const key of [CLARA, COLD_START, 'vol999:gone']) {
      await api.store.setNote(key, '', { title: key, issueLabel: null, arxivId: null });
      await api.store.setStatus(key, null, { title: key, issueLabel: null, arxivId: null });
    }
    await vscode.window.tabGroups.close(summaryTabs());
  });

  it('is a contributed command, hidden from the Command Palette, that paper rows run', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(Command.showSummary));
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: Array<{ command: string; title: string; category: string }>; menus: { commandPalette: Array<{ command: string; when: string }> } };
    };
    const contributed = manifest.contributes.commands.find((command) => command.command === Command.showSummary);
    assert.deepEqual(contributed, { command: Command.showSummary, title: 'Show Summary', category: 'Weekly Papers' });
    assert.ok(manifest.contributes.menus.commandPalette.some((entry) => entry.command === Command.showSummary && entry.when === 'false'));

    const sample = (await api.issuesTree.getChildren())?.find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
    assert.ok(sample);
    const [first] = (await api.issuesTree.getChildren(sample)) ?? [];
    assert.ok(first);
    const item = await api.issuesTree.getTreeItem(first);
    assert.equal(item.command?.command, Command.showSummary);
    assert.deepEqual(item.command?.arguments, [CLARA]);
  });

  it('opens beside the editor, titled with the paper, and its page runs under the CSP', async () => {
    const pageReady = nextMessage(api, 'ready');
    await vscode.commands.executeCommand(Command.showSummary, CLARA);
    assert.equal(api.summaryPanel.currentKey(), CLARA);
    await waitFor(() => summaryTabs().length === 1, 'the summary tab');
    assert.equal(summaryTabs()[0]?.label, CLARA_TITLE);
    // The page's script (allowed only by its nonce) loaded and talked to the extension.
    assert.equal((await pageReady).outcome, 'done');

    const html = api.summaryPanel.lastHtml() ?? '';
    assert.match(html, new RegExp(`<h1>${CLARA_TITLE}</h1>`));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    const nonce = nonceOf(html);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/media/panel\\.js"></script>`));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.match(html, /data-link="code"/);
  });

  it('ignores, and logs, messages that do not have a shape the page sends', async () => {
    const hostile: unknown[] = [
      null,
      'setNote',
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openLink', key: CLARA, kind: 'javascript' },
      { type: 'openLink', key: CLARA, kind: 'pdf', url: 'https://evil.example/' },
      { type: 'setNote', key: CLARA, note: 42, seq: 1, flush: true },
      { type: 'setNote', key: CLARA, note: 'no seq', flush: true },
      { type: 'setStatus', key: CLARA, status: 'done' },
      { type: 'setStatus', key: '', status: 'read' },
    ];
    for (const message of hostile) {
      assert.equal(await api.summaryPanel.receive(message), 'rejected', JSON.stringify(message));
    }
    assert.equal(api.store.note(CLARA), '');
    assert.equal(api.store.status(CLARA), null);
  });

  it('refuses a key or a note over its bound, and tells the reader the note is too long instead of cutting it', async () => {
    await vscode.commands.executeCommand(Command.showSummary, CLARA);
    const longKey = { type: 'setStatus', key: `${CLARA}${'x'.repeat(MAX_PAPER_KEY_LENGTH)}`, status: 'read' };
    assert.equal(await api.summaryPanel.receive(longKey), 'rejected');
    const tooLong = { type: 'setNote', key: CLARA, note: 'n'.repeat(MAX_NOTE_LENGTH + 1), seq: 1, flush: true };
    assert.equal(await api.summaryPanel.receive(tooLong), 'noteTooLong');
    assert.equal(api.store.note(CLARA), '', 'nothing of it was saved, not even the first 1,000,000 characters');
    assert.equal(api.store.status(CLARA), null);
  });

  it('saves the note to workspace state when the page says so, at once on blur', async () => {
    const outcome = await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Compare with xRAG.', seq: 1, flush: true });
    assert.equal(outcome, 'done');
    assert.equal(api.store.note(CLARA), 'Compare with xRAG.');
    assert.equal(api.store.get(CLARA)?.title, CLARA_TITLE);
    assert.equal(api.store.get(CLARA)?.issueLabel, 'Vol.132 · Nov 24 – Nov 30, 2025');
  });

  it('saves the note while the reader types, once they pause', async () => {
    await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Compare with xRAG and', seq: 2, flush: false });
    await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Compare with xRAG and PISCO.', seq: 3, flush: false });
    assert.equal(api.store.note(CLARA), 'Compare with xRAG.', 'not written on every keystroke');
    await waitFor(() => api.store.note(CLARA) === 'Compare with xRAG and PISCO.', 'the debounced note', 3_000);
  });

  it('saves the reading status', async () => {
    assert.equal(await api.summaryPanel.receive({ type: 'setStatus', key: CLARA, status: 'reading' }), 'done');
    assert.equal(api.store.status(CLARA), 'reading');
    assert.equal(await api.summaryPanel.receive({ type: 'setStatus', key: CLARA, status: null }), 'done');
    assert.equal(api.store.status(CLARA), null);
    assert.equal(api.store.note(CLARA), 'Compare with xRAG and PISCO.', 'the note stays');
  });

  it('keeps a change made elsewhere out of the page’s HTML while it shows (no clobbering)', async () => {
    assert.equal(api.summaryPanel.currentKey(), CLARA, 'the panel shows CLaRa');
    assert.equal(summaryTabs().length, 1, 'the panel is open');
    const before = api.summaryPanel.lastHtml();
    await api.store.setStatus(CLARA, 'toRead', { title: CLARA_TITLE, issueLabel: null, arxivId: CLARA });
    // The visible page is told by message; it is not rebuilt under the reader's cursor.
    assert.equal(api.summaryPanel.lastHtml(), before);
  });

  it('shows a second paper in the same panel, with a fresh nonce', async () => {
    const firstNonce = nonceOf(api.summaryPanel.lastHtml());
    await vscode.commands.executeCommand(Command.showSummary, COLD_START);
    assert.equal(api.summaryPanel.currentKey(), COLD_START);
    await waitFor(() => summaryTabs()[0]?.label === COLD_START_TITLE, 'the tab to follow the paper');
    assert.equal(summaryTabs().length, 1, 'still one summary panel');
    const html = api.summaryPanel.lastHtml() ?? '';
    assert.match(html, new RegExp(`<h1>${COLD_START_TITLE}</h1>`));
    assert.doesNotMatch(html, /data-link="code"/, 'no code button for a paper without code');
    assert.notEqual(nonceOf(html), firstNonce);

    // A tree node works as well as a key.
    const [entry] = api.library.findPaper(CLARA);
    assert.ok(entry);
    await vscode.commands.executeCommand(Command.showSummary, { kind: 'paper', entry: entry.entry, paper: entry.paper });
    assert.equal(api.summaryPanel.currentKey(), CLARA);
    await vscode.commands.executeCommand(Command.showSummary, COLD_START);
    assert.equal(summaryTabs().length, 1);
  });

  it('opens only links the paper has, by kind; a late note from a page it no longer shows is saved to that paper, never to this one', async () => {
    assert.equal(await api.summaryPanel.receive({ type: 'openLink', key: COLD_START, kind: 'code' }), 'ignored');
    assert.equal(await api.summaryPanel.receive({ type: 'openLink', key: COLD_START, kind: 'web' }), 'ignored');
    // CLaRa's page is gone: its last keystrokes arrive late. They are the reader's words: kept,
    // under CLaRa. Anything else from that page is ignored.
    assert.equal(await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Compare with xRAG and PISCO. Late words.', seq: 9, flush: true }), 'done');
    assert.equal(await api.summaryPanel.receive({ type: 'setStatus', key: CLARA, status: 'read' }), 'ignored');
    assert.equal(await api.summaryPanel.receive({ type: 'setNote', key: 'no-such-paper', note: 'x', seq: 10, flush: true }), 'ignored');
    assert.equal(api.store.note(COLD_START), '');
    assert.equal(api.store.note(CLARA), 'Compare with xRAG and PISCO. Late words.');
    assert.equal(api.store.status(CLARA), 'toRead');
    await api.store.setNote(CLARA, 'Compare with xRAG and PISCO.', { title: CLARA_TITLE, issueLabel: null, arxivId: CLARA });
  });

  it('comes back after a reload on the paper it showed; a paper no issue holds keeps its note', async () => {
    const snapshot = { title: 'A paper from an old issue', issueLabel: 'Vol.99 · Jan 1 – Jan 7, 2024', arxivId: null };
    await api.store.setNote('vol999:gone', 'Worth a second look.', snapshot);
    await vscode.window.tabGroups.close(summaryTabs());
    await waitFor(() => api.summaryPanel.currentKey() === undefined, 'the panel to close');

    // What the serializer is handed after a reload: a bare panel and the state the page saved.
    const restored = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'restoring', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    await api.summaryPanel.revive(restored, { key: 'vol999:gone' });
    assert.equal(api.summaryPanel.currentKey(), 'vol999:gone');
    assert.equal(restored.title, 'A paper from an old issue');
    const html = api.summaryPanel.lastHtml() ?? '';
    assert.ok(html.includes(NOT_FOUND_NOTICE));
    assert.match(html, />\nWorth a second look\.<\/textarea>/);
    assert.deepEqual(restored.webview.options.localResourceRoots?.map((uri) => uri.path.split('/').pop()), ['media']);
    assert.equal(restored.webview.options.enableScripts, true);

    // Its note can still be edited there.
    await api.summaryPanel.receive({ type: 'setNote', key: 'vol999:gone', note: 'Still worth it.', seq: 1, flush: true });
    assert.equal(api.store.note('vol999:gone'), 'Still worth it.');
    assert.equal(api.store.get('vol999:gone')?.title, 'A paper from an old issue');

    // A state that names no paper restores nothing.
    restored.dispose();
    const broken = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'broken', vscode.ViewColumn.Beside);
    let disposed = false;
    broken.onDidDispose(() => (disposed = true));
    await api.summaryPanel.revive(broken, { nothing: 'here' });
    assert.ok(disposed);
    assert.equal(api.summaryPanel.currentKey(), undefined);
  });
});
