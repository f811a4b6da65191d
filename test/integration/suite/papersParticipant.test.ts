// `@papers`'s request handler in the real extension host, called as the chat view would call it
// (the chat view itself cannot be driven here, and code-server has no language model): a stream
// that records what is said, and a request with no model, so every answer is the deterministic one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { activate } from '../helpers';

const CLARA = '2511.18659';
const SNAPSHOT = { title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning', issueLabel: null, arxivId: CLARA };

interface Recorded {
  readonly markdown: vscode.MarkdownString[];
  readonly calls: string[];
}

/** A ChatResponseStream that records every call. */
function recorder(): { stream: vscode.ChatResponseStream; recorded: Recorded } {
  const recorded: Recorded = { markdown: [], calls: [] };
  const record = (name: string) => () => {
    recorded.calls.push(name);
  };
  const stream = {
    markdown(value: string | vscode.MarkdownString) {
      recorded.calls.push('markdown');
      recorded.markdown.push(typeof value === 'string' ? new vscode.MarkdownString(value) : value);
    },
    anchor: record('anchor'),
    button: record('button'),
    filetree: record('filetree'),
    progress: record('progress'),
    reference: record('reference'),
    push: record('push'),
  } as unknown as vscode.ChatResponseStream;
  return { stream, recorded };
}

async function ask(api: WeeklyPapersTestApi, prompt: string, command?: string): Promise<Recorded> {
  const { stream, recorded } = recorder();
  const request = { prompt, command, references: [], toolReferences: [], toolInvocationToken: undefined, model: undefined } as unknown as vscode.ChatRequest;
  await api.chatHandler(request, { history: [] }, stream, new vscode.CancellationTokenSource().token);
  return recorded;
}

const text = (recorded: Recorded) => recorded.markdown.map((markdown) => markdown.value).join('\n');

describe('@papers chat participant', () => {
  let api: WeeklyPapersTestApi;
  before(async () => {
    api = await activate();
  });
  after(async () => {
    await api.store.setNote(CLARA, '', SNAPSHOT);
    await api.store.setStatus(CLARA, null, SNAPSHOT);
  });

  it('/week lists the newest issue’s papers, each a link that opens its summary panel', async () => {
    await api.store.setStatus(CLARA, 'read', SNAPSHOT);
    const recorded = await ask(api, '', 'week');
    const answer = text(recorded);
    assert.match(answer, /^\*\*Vol\\\.\d+/);
    // The newest issue in the test workspace may not be Vol.132; CLaRa is found through /search below.
    assert.match(answer, /\]\(command:weeklyPapers\.showSummary\?%5B%22/);
    for (const markdown of recorded.markdown) assert.deepEqual(markdown.isTrusted, { enabledCommands: ['weeklyPapers.showSummary'] });
  });

  it('/search lists matching papers with links, status and note', async () => {
    await api.store.setStatus(CLARA, 'read', SNAPSHOT);
    await api.store.setNote(CLARA, 'Compare with xRAG.', SNAPSHOT);
    const answer = text(await ask(api, 'continuous latent', 'search'));
    assert.match(answer, /papers? match “continuous latent”:/);
    assert.match(answer, /1\. \[CLaRa\\: Bridging Retrieval and Generation with Continuous Latent Reasoning\]\(command:weeklyPapers\.showSummary\?%5B%222511\.18659%22%5D\) — Apple · Vol\\\.132 · Nov 24 – Nov 30, 2025 · Read · note/);
    assert.match(text(await ask(api, '', 'search')), /Type words to search for/);
  });

  it('/notes lists the papers with notes and the start of each', async () => {
    await api.store.setNote(CLARA, 'Compare with [xRAG](command:evil).', SNAPSHOT);
    const answer = text(await ask(api, '', 'notes'));
    assert.match(answer, /papers? have notes:/);
    assert.match(answer, /> Compare with \\\[xRAG\\\]\\\(command\\:evil\\\)\\\./);
  });

  it('answers a question with no language model by searching its words', async () => {
    const answer = text(await ask(api, 'which paper uses continuous latent reasoning?'));
    assert.match(answer, /No language model is available/);
    assert.match(answer, /CLaRa/);
  });

  it('says when it read only the first 200 characters of a question, and only then', async () => {
    const long = `continuous latent ${'reasoning '.repeat(40)}`;
    const cutNotice = /^\*Only the first 200 characters of your question were used\.\*/;
    const searched = await ask(api, long, 'search');
    assert.match(text(searched), cutNotice);
    assert.match(text(searched), /CLaRa/, 'the words it read are still searched');
    assert.match(text(await ask(api, long)), cutNotice);
    assert.doesNotMatch(text(await ask(api, 'continuous latent', 'search')), /Only the first/);
    assert.doesNotMatch(text(await ask(api, long, 'week')), /Only the first/, '/week reads no words');
  });

  it('the opened link is the command the panel uses', async () => {
    const answer = text(await ask(api, 'continuous latent', 'search'));
    const target = /\]\((command:weeklyPapers\.showSummary\?[^)]+)\)/.exec(answer)?.[1];
    assert.ok(target);
    const args = JSON.parse(decodeURIComponent(target.split('?')[1] ?? '')) as unknown[];
    assert.deepEqual(args, [CLARA]);
    await vscode.commands.executeCommand('weeklyPapers.showSummary', ...args);
    assert.equal(api.summaryPanel.currentKey(), CLARA);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
