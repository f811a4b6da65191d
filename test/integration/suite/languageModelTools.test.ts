// The language-model tools in the real extension host: listed by vscode.lm.tools with their
// schemas, invoked through vscode.lm.invokeTool as a chat would (without a chat session, so with
// no confirmation), their confirmations asked of the tool objects directly; a status set by a tool
// shows in the Issues tree, and an append while the panel edits the same note loses neither text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Tool } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { IssuesNode } from '../../../src/views/issuesTree';
import { activate, waitFor } from '../helpers';

const CLARA = '2511.18659';
const CLARA_TITLE = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
const SNAPSHOT = { title: CLARA_TITLE, issueLabel: null, arxivId: CLARA };

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

async function prepare(api: WeeklyPapersTestApi, name: keyof WeeklyPapersTestApi['tools'], input: object): Promise<vscode.PreparedToolInvocation> {
  const prepared = await api.tools[name].prepareInvocation?.({ input }, new vscode.CancellationTokenSource().token);
  assert.ok(prepared, `${name} prepares no invocation`);
  return prepared;
}

function message(prepared: vscode.PreparedToolInvocation): string {
  const shown = prepared.confirmationMessages?.message;
  return typeof shown === 'string' ? shown : (shown?.value ?? '');
}

describe('Language-model tools', () => {
  let api: WeeklyPapersTestApi;
  before(async () => {
    api = await activate();
  });
  afterEach(async () => {
    await api.store.setNote(CLARA, '', SNAPSHOT);
    await api.store.setStatus(CLARA, null, SNAPSHOT);
  });

  it('are listed by vscode.lm.tools with their schemas and reference names', () => {
    for (const name of Object.values(Tool)) {
      const tool = vscode.lm.tools.find((info) => info.name === name);
      assert.ok(tool, `${name} is not in vscode.lm.tools`);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', name);
      assert.ok(tool.description.length > 50, `${name} has no model description`);
    }
    const search = vscode.lm.tools.find((info) => info.name === Tool.searchPapers);
    assert.deepEqual((search?.inputSchema as { required?: string[] }).required, ['query']);
  });

  it('searchPapers finds papers, best first, with their facts quoted', async () => {
    const text = await invoke(Tool.searchPapers, { query: 'continuous latent' });
    assert.match(text, /^Weekly Papers data\. Every quoted string/);
    assert.match(text, new RegExp(`1\\. key: "${CLARA}"; title: "${CLARA_TITLE}"; organisation: "Apple"; issue: "Vol\\.132 · Nov 24 – Nov 30, 2025"; arXiv: ${CLARA}; status: none; note: no`));
    const few = await invoke(Tool.searchPapers, { query: 'retrieval', maxResults: 2 });
    assert.match(few, /the first 2 are listed, \d+ more were left out/);
    assert.match(await invoke(Tool.searchPapers, { query: 'zzqxnotaword' }), /No paper matches "zzqxnotaword"/);
  });

  it('getPaper gives the summary, links, status and note, by arXiv id or title words', async () => {
    await api.store.setNote(CLARA, 'Compare with xRAG.', SNAPSHOT);
    const text = await invoke(Tool.getPaper, { paper: 'arXiv:2511.18659v1' });
    assert.match(text, /Newsletter summary:\n```text\n/);
    assert.match(text, /- code: "https:\/\/github\.com\/apple\/ml-clara"/);
    assert.match(text, /The reader's note:\n```text\nCompare with xRAG\.\n```/);
    assert.match(await invoke(Tool.getPaper, { paper: 'CLaRa bridging' }), new RegExp(`key: "${CLARA}"`));
  });

  it('listIssue lists the newest issue or a volume, with statuses', async () => {
    await api.store.setStatus(CLARA, 'read', SNAPSHOT);
    const latest = await invoke(Tool.listIssue, { issue: 'latest' });
    assert.match(latest, /Issue "Vol\.\d+/);
    const vol = await invoke(Tool.listIssue, { issue: 132 });
    assert.match(vol, /Issue "Vol\.132 · Nov 24 – Nov 30, 2025"/);
    assert.match(vol, /^1\. key: "2511\.18659";.*status: read; note: no$/m);
    assert.match(await invoke(Tool.listIssue, { issue: 7 }), /There is no issue Vol\.7\./);
  });

  it('answers an input over its limits with a sentence, changing nothing', async () => {
    const tool = api.tools[Tool.appendNote];
    const result = await tool.invoke({ input: { paper: CLARA, text: 'x'.repeat(4001) }, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
    const text = result?.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('') ?? '';
    assert.match(text, /text is longer than 4000 characters; shorten it\./);
    assert.equal(api.store.note(CLARA), '');
  });

  it('setReadingStatus asks first, showing the paper and old → new status; the Issues tree then shows it', async () => {
    await api.store.setStatus(CLARA, 'toRead', SNAPSHOT);
    const prepared = await prepare(api, Tool.setReadingStatus, { paper: CLARA, status: 'read' });
    assert.equal(prepared.confirmationMessages?.title, 'Set Reading Status');
    assert.match(message(prepared), /\*\*CLaRa\\: Bridging Retrieval and Generation with Continuous Latent Reasoning\*\*/);
    assert.match(message(prepared), /To Read → \*\*Read\*\*/);
    const text = await invoke(Tool.setReadingStatus, { paper: CLARA, status: 'read' });
    assert.match(text, /is now read \(it was to read\)/);
    assert.equal(api.store.status(CLARA), 'read');
    const issue = ((await api.issuesTree.getChildren()) ?? []).find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
    assert.ok(issue);
    const first = ((await api.issuesTree.getChildren(issue)) ?? [])[0] as IssuesNode;
    const item = await api.issuesTree.getTreeItem(first);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
  });

  it('appendNote asks first with the exact text, and keeps the note there was', async () => {
    await api.store.setNote(CLARA, 'First thoughts.', SNAPSHOT);
    const prepared = await prepare(api, Tool.appendNote, { paper: CLARA, text: 'From chat: compare with `PISCO`.' });
    assert.match(message(prepared), /```text\nFrom chat: compare with `PISCO`\.\n```/);
    assert.match(message(prepared), /at the end of your note/);
    await invoke(Tool.appendNote, { paper: CLARA, text: 'From chat: compare with `PISCO`.' });
    assert.equal(api.store.note(CLARA), 'First thoughts.\n\nFrom chat: compare with `PISCO`.');
  });

  it('an append while the panel has unsaved typing in the same note loses neither text', async () => {
    await vscode.commands.executeCommand('weeklyPapers.showSummary', CLARA);
    await waitFor(() => api.summaryPanel.currentKey() === CLARA, 'the panel on CLaRa');
    // The reader types; the page's draft waits for the debounced save.
    await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Typed in the panel.', seq: 100, flush: false });
    await invoke(Tool.appendNote, { paper: CLARA, text: 'Appended from chat.' });
    // A keystroke the page sent before it heard of the append: its draft lacks the appended text.
    await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Typed in the panel. More.', seq: 101, flush: true });
    assert.equal(api.store.note(CLARA), 'Typed in the panel. More.\n\nAppended from chat.');
    // The page applied the append (it says so): a later edit of the whole note is the reader's.
    await api.summaryPanel.receive({ type: 'setNote', key: CLARA, note: 'Rewritten.', seq: 102, flush: true, appended: Number.MAX_SAFE_INTEGER });
    assert.equal(api.store.note(CLARA), 'Rewritten.');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
