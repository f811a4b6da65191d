// The Reading List view in the real extension host: built from the store, so a paper whose issue
// is gone stays listed from the snapshot the store kept.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { Command, EXTENSION_ID } from '../../../src/constants';
import { createCommands } from '../../../src/commands';
import type { Issue } from '../../../src/core/model/model';
import type { ReadingListNode } from '../../../src/views/readingList';
import { activate, summaryTabs } from '../helpers';

const NETFLIX = '2511.18261';
const GONE_SOURCE = 'test:reading-list/gone-issue.txt';
const GONE_KEY = 'test-gone:2511.19349';

async function rows(api: WeeklyPapersTestApi, node?: ReadingListNode): Promise<ReadingListNode[]> {
  return (await api.readingList.getChildren(node)) ?? [];
}

async function group(api: WeeklyPapersTestApi, status: 'toRead' | 'reading' | 'read'): Promise<ReadingListNode | undefined> {
  return (await rows(api)).find((node) => node.kind === 'statusGroup' && node.status === status);
}

async function keysUnder(api: WeeklyPapersTestApi, status: 'toRead' | 'reading' | 'read'): Promise<string[]> {
  const node = await group(api, status);
  return node ? (await rows(api, node)).map((row) => (row.kind === 'savedPaper' ? row.key : '')) : [];
}

/** A copy of the sample issue under another volume and keys, from a source the test can take away. */
function issueToTakeAway(api: WeeklyPapersTestApi): Issue {
  const sample = api.library.issues().find((entry) => entry.issue.volume === 132)?.issue;
  assert.ok(sample);
  return {
    ...sample,
    volume: 9132,
    papers: sample.papers.map((paper) => ({ ...paper, key: `test-gone:${paper.key}` })),
    extras: [],
  };
}

describe('Reading List', () => {
  let api: WeeklyPapersTestApi;
  before(async () => {
    api = await activate();
  });
  after(async () => {
    api.library.delete(GONE_SOURCE);
    for (const key of [NETFLIX, GONE_KEY]) await api.store.setStatus(key, null, { title: 'x', issueLabel: null, arxivId: null });
    await vscode.window.tabGroups.close(summaryTabs());
  });

  it('is contributed as the "Reading List" view of the Weekly Papers container', () => {
    const views = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { views: Record<string, Array<{ id: string; name: string }>> } }).contributes.views;
    assert.ok(views.weeklyPapers?.some((view) => view.id === 'weeklyPapers.readingList' && view.name === 'Reading List'));
  });

  it('puts a paper marked To Read under To Read, and moves it as its status changes', async () => {
    await vscode.commands.executeCommand(Command.setStatus, NETFLIX, 'toRead');
    assert.ok((await keysUnder(api, 'toRead')).includes(NETFLIX));
    const toRead = await group(api, 'toRead');
    assert.ok(toRead);
    const groupItem = await api.readingList.getTreeItem(toRead);
    assert.equal(groupItem.label, 'To Read');
    assert.equal(groupItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    const node = (await rows(api, toRead)).find((row) => row.kind === 'savedPaper' && row.key === NETFLIX);
    assert.ok(node);
    // The row's context menu passes the row itself to Show Summary.
    await vscode.commands.executeCommand(Command.showSummary, node);
    assert.equal(api.summaryPanel.currentKey(), NETFLIX, 'Show Summary from a Reading List row');
    const item = await api.readingList.getTreeItem(node);
    assert.equal(item.label, 'LLM Reasoning for Cold-Start Item Recommendation');
    assert.equal(item.description, 'Netflix · Vol.132');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'bookmark');
    assert.deepEqual(item.command?.arguments, [NETFLIX]);
    assert.match(item.contextValue ?? '', /^paper:hasArxiv\b.*:toRead:inIssue$/);

    await vscode.commands.executeCommand(Command.setStatus, NETFLIX, 'read');
    assert.ok(!(await keysUnder(api, 'toRead')).includes(NETFLIX));
    assert.ok((await keysUnder(api, 'read')).includes(NETFLIX));
    const read = await group(api, 'read');
    assert.ok(read);
    assert.equal((await api.readingList.getTreeItem(read)).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'Read is collapsed');

    await vscode.commands.executeCommand(Command.setStatus, NETFLIX, 'none');
    assert.ok(!(await keysUnder(api, 'read')).includes(NETFLIX));
  });

  it('keeps a paper whose issue is gone, from the store’s snapshot, and still opens its arXiv page', async () => {
    api.library.set({ source: { id: GONE_SOURCE, label: 'gone-issue.txt', bundled: false }, issues: [issueToTakeAway(api)], diagnostics: [] });
    await vscode.commands.executeCommand(Command.setStatus, GONE_KEY, 'reading');
    assert.match(api.store.get(GONE_KEY)?.issueLabel ?? '', /^Vol\.9132 · /, 'the snapshot names the issue');

    api.library.delete(GONE_SOURCE);
    assert.equal(api.library.findPaper(GONE_KEY).length, 0);
    assert.ok((await keysUnder(api, 'reading')).includes(GONE_KEY));
    const reading = await group(api, 'reading');
    assert.ok(reading);
    const node = (await rows(api, reading)).find((row) => row.kind === 'savedPaper' && row.key === GONE_KEY);
    assert.ok(node);
    const item = await api.readingList.getTreeItem(node);
    assert.equal(item.label, 'Revisiting Feedback Models for HyDE');
    assert.equal(item.description, 'issue no longer available');
    assert.match(typeof item.tooltip === 'string' ? item.tooltip : '', /Vol\.9132/);
    assert.deepEqual(item.command?.arguments, [GONE_KEY], 'a click still shows its summary');
    assert.match(item.contextValue ?? '', /:hasArxiv\b/);
    assert.doesNotMatch(item.contextValue ?? '', /:inIssue\b|:hasCode\b/, 'no Reveal in Issue File, no code link known');

    const opened: string[] = [];
    const openArxiv = createCommands({ ...api.commandServices, open: (url) => (opened.push(url), Promise.resolve(true)) }).find((command) => command.id === Command.openArxiv);
    await openArxiv?.execute(node);
    assert.deepEqual(opened, ['https://arxiv.org/abs/2511.19349']);
  });
});
