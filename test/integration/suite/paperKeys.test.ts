// Inside the real extension host: a paywalled issue lists every paper of its contents, and a
// note written on a paper known only by its contents line (keyed `vol160:#2`) follows it to its
// arXiv key, whether the id comes from the reader's choice or from the full issue arriving; it
// is never lost and never kept twice, and a new store over the same state (a reload) agrees.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PaperStateStore } from '../../../src/storage/paperStateStore';
import { ArxivMatcher } from '../../../src/papers/arxivMatcher';
import { RequestThrottle } from '../../../src/core/net/requestThrottle';
import { ArxivSearchServer } from '../../support/arxivSearchServer';
import { readCorpus } from '../../support/matchCorpus';
import { activate, waitFor, workspaceFolder } from '../helpers';

const file = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...parts);
/** test/fixtures, from out/test/integration/suite. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** The bundled sample as Vol.160, so it never meets the sample's own Vol.132. */
async function sampleAs160(): Promise<string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, 'the extension under test');
  const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'media', 'sample', 'vol-132.txt')));
  return text.replace('Vol.132 for Nov 24 - Nov 30, 2025', 'Vol.160 for Nov 24 - Nov 30, 2025');
}

/** The sample cut by the paywall inside its first section, as a non-subscriber has it. */
function paywalled(full: string): string {
  const lines = full.split('\n');
  const first = lines.findIndex((line) => line.startsWith('[1] '));
  return [...lines.slice(0, first + 1), 'This paper from Apple presents CLaRa.', 'Keep reading with a 7-day free trial', 'Subscribe to Top Information Retrieval Papers of the Week to keep reading this post.'].join('\n');
}

const vol160 = (api: WeeklyPapersTestApi) => api.library.issues().find((entry) => entry.issue.volume === 160);

describe('papers of a paywalled issue, and their notes when their arXiv id arrives', function () {
  this.timeout(30_000);
  let api: WeeklyPapersTestApi;
  let full: string;
  const cutFile = () => file('issues', 'vol-160-cut.txt');
  const fullFile = () => file('issues', 'vol-160-full.txt');

  before(async () => {
    api = await activate();
    full = await sampleAs160();
    await vscode.workspace.fs.writeFile(cutFile(), encode(paywalled(full)));
    await waitFor(() => vol160(api)?.issue.papers.length === 10, 'the paywalled Vol.160 with its ten papers');
  });

  after(async () => {
    for (const uri of [cutFile(), fullFile()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await api.store.setChoice('vol160:#2', undefined);
    // The suites after this one see the library without Vol.160.
    await waitFor(() => vol160(api) === undefined, 'Vol.160 gone from the library');
  });

  it('lists the ten papers of the contents, the nine without a section keyed by volume and number', () => {
    const papers = vol160(api)!.issue.papers;
    assert.deepEqual(papers.map((paper) => paper.complete), papers.map(() => false));
    assert.deepEqual(papers.slice(1).map((paper) => paper.key), [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `vol160:#${n}`));
    assert.equal(papers[5]!.title, 'A Lightweight End-to-End Model for Structured Document Understanding');
  });

  it('shows them in the tree, the issue row with its reading progress', async () => {
    await api.store.setStatus('vol160:#4', 'read', { title: 'paper 4', issueLabel: null, arxivId: null });
    const roots = (await api.issuesTree.getChildren()) ?? [];
    const issueNode = roots.find((node) => node.kind === 'issue' && node.entry.issue.volume === 160);
    assert.ok(issueNode, 'no Vol.160 row');
    const row = await api.issuesTree.getTreeItem(issueNode);
    assert.match(String(row.description), /^1\/10 read · cut off/);
    const rows = (await api.issuesTree.getChildren(issueNode)) ?? [];
    assert.equal(rows.length, 10);
    const sixth = await api.issuesTree.getTreeItem(rows[5]!);
    assert.match(String(sixth.description), /NVIDIA · paywalled/);
    assert.match(String(sixth.contextValue), /:matchable\b/);
    await api.store.setStatus('vol160:#4', null, { title: 'paper 4', issueLabel: null, arxivId: null });
  });

  it('moves the note on paper 2 to the arXiv id the reader chooses, and back when the match is removed', async () => {
    // An id no issue has: the note is this paper's alone.
    const chosen = '2512.09999';
    const stored = (key: string) => api.store.all().get(key)?.note;
    /** The id of paper 2's row in the Issues tree. */
    const rowId = async () => {
      const issue = ((await api.issuesTree.getChildren()) ?? []).find((node) => node.kind === 'issue' && node.entry.issue.volume === 160);
      assert.ok(issue, 'no Vol.160 row');
      const row = ((await api.issuesTree.getChildren(issue)) ?? [])[1];
      assert.ok(row, 'no second paper row');
      return (await api.issuesTree.getTreeItem(row)).id;
    };
    const before = await rowId();
    await api.store.setNote('vol160:#2', 'Written before anything was matched.', { title: 'paper 2', issueLabel: null, arxivId: null });
    await vscode.commands.executeCommand(Command.chooseArxivMatch, 'vol160:#2', `https://arxiv.org/abs/${chosen}v1`);
    await waitFor(() => api.library.currentKey('vol160:#2') === chosen, 'paper 2 keyed by its chosen id');
    assert.equal(await rowId(), before, 'the row stays the same row (selected, focused) when the paper gets its id');
    await waitFor(() => stored(chosen) !== undefined, 'the note on the new key');
    assert.equal(stored(chosen), 'Written before anything was matched.');
    assert.equal(api.store.all().has('vol160:#2'), false, 'the note is kept once');
    assert.equal(api.store.choice('vol160:#2')?.arxivId, chosen);
    const row = api.library.findPaper(chosen)[0]?.paper;
    assert.equal(row && 'arxivMatch' in row ? row.arxivMatch?.origin : null, 'reader');

    await vscode.commands.executeCommand(Command.removeArxivMatch, chosen);
    await waitFor(() => api.library.currentKey('vol160:#2') === 'vol160:#2', 'paper 2 keyed by its slot again');
    await waitFor(() => stored('vol160:#2') !== undefined, 'the note back on the slot');
    assert.equal(stored('vol160:#2'), 'Written before anything was matched.');
    assert.equal(api.store.all().has(chosen), false, 'the note is kept once');
    assert.equal(api.store.choice('vol160:#2')?.arxivId, null, 'the reader said: not on arXiv');
  });

  it('moves notes to the arXiv ids of the full issue when it is saved over the cut one, and a reload agrees', async () => {
    await api.store.setChoice('vol160:#2', undefined);
    await api.store.setNote('vol160:#3', 'A note on paper 3.', { title: 'paper 3', issueLabel: null, arxivId: null });
    await vscode.workspace.fs.writeFile(cutFile(), encode(full));
    await waitFor(() => vol160(api)?.issue.papers.every((paper) => paper.complete) === true, 'the full Vol.160 shown');
    const stored = (key: string) => api.store.all().get(key)?.note;
    await waitFor(() => stored('2511.16681') === 'A note on paper 3.' && stored('2511.18261') !== undefined, 'the notes on the arXiv keys');
    assert.equal(stored('2511.18261'), 'Written before anything was matched.');
    for (const gone of ['vol160:#2', 'vol160:#3']) assert.equal(api.store.all().has(gone), false, `${gone} kept twice`);
    await api.store.flushed();
    const reloaded = new PaperStateStore(api.store.memento);
    assert.equal(reloaded.note('2511.16681'), 'A note on paper 3.');
    assert.equal(reloaded.all().has('vol160:#3'), false);
    reloaded.dispose();
    for (const key of ['2511.16681', '2511.18261']) await api.store.setNote(key, '', { title: key, issueLabel: null, arxivId: key });
  });
});

describe('a note on a paper listed from its contents line, when a search of arXiv matches it', function () {
  this.timeout(60_000);
  let api: WeeklyPapersTestApi;
  let server: ArxivSearchServer;
  let matcher: ArxivMatcher;
  const file = () => vscode.Uri.joinPath(workspaceFolder(), 'issues', 'vol-161-cut.txt');
  const vol161 = () => api.library.issues().find((entry) => entry.issue.volume === 161);

  before(async () => {
    api = await activate();
    server = await ArxivSearchServer.start(readCorpus());
    // The paywalled sample as Import Issue from URL saves it (its contents lines keep their anchors), as Vol.161.
    const text = fs.readFileSync(path.join(FIXTURES, 'paywall', 'vol-132-contents-anchors.txt'), 'utf8').replace('Vol.132 for', 'Vol.161 for');
    await vscode.workspace.fs.writeFile(file(), encode(text));
    await waitFor(() => vol161()?.issue.papers.length === 10, 'the paywalled Vol.161');
  });

  after(async () => {
    matcher?.dispose();
    api.library.setResolver(api.matcher.resolver);
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    await waitFor(() => vol161() === undefined, 'Vol.161 gone from the library');
    await server.close();
    await api.store.setNote('2511.20478', '', { title: 'x', issueLabel: null, arxivId: null });
  });

  it('follows the paper to the arXiv id the search found, and a reload agrees', async () => {
    await api.store.setNote('vol161:#6', 'Read before the reading group.', { title: 'paper 6', issueLabel: null, arxivId: null });
    // The extension's own matcher asks a closed port here; this one asks the local stand-in, with
    // no spacing, and answers the library in its place.
    const memory = new Map<string, unknown>();
    const memento: vscode.Memento = { keys: () => [...memory.keys()], get: <T>(key: string) => memory.get(key) as T, update: (key, value) => (memory.set(key, value), Promise.resolve()) };
    matcher = new ArxivMatcher({ library: api.library, store: api.store, memento, throttle: new RequestThrottle(0), settings: () => ({ enabled: true, apiUrl: server.url, pagesUrl: server.pagesUrl }) });
    api.library.setResolver(matcher.resolver);
    await waitFor(() => api.library.currentKey('vol161:#6') === '2511.20478', 'paper 6 matched to 2511.20478', 30_000);
    const paper = api.library.findPaper('2511.20478')[0]?.paper;
    assert.equal(paper && 'arxivMatch' in paper ? paper.arxivMatch?.origin : null, 'search');
    await waitFor(() => api.store.all().get('2511.20478')?.note === 'Read before the reading group.', 'the note on the arXiv key');
    assert.equal(api.store.all().has('vol161:#6'), false, 'the note is kept once');
    assert.ok(server.requests.filter((request) => request.query !== null).every((request) => request.status === 200), 'every query is one arXiv documents');
    await api.store.flushed();
    const reloaded = new PaperStateStore(api.store.memento);
    assert.equal(reloaded.note('2511.20478'), 'Read before the reading group.');
    reloaded.dispose();
  });
});

describe('a contents line that fits two papers of its week, settled by its authors’ affiliations', function () {
  this.timeout(90_000);
  let api: WeeklyPapersTestApi;
  let server: ArxivSearchServer;
  let matcher: ArxivMatcher | undefined;
  const file = () => vscode.Uri.joinPath(workspaceFolder(), 'issues', 'vol-162-cut.txt');
  const vol162 = () => api.library.issues().find((entry) => entry.issue.volume === 162);

  before(async () => {
    api = await activate();
    server = await ArxivSearchServer.start(readCorpus());
    // The paywalled sample as an e-mail has it: contents lines without their anchors, so no title hints.
    await vscode.workspace.fs.writeFile(file(), encode(paywalled(await sampleAs160()).replace('Vol.160 for', 'Vol.162 for')));
    await waitFor(() => vol162()?.issue.papers.length === 10, 'the paywalled Vol.162');
  });

  after(async () => {
    matcher?.dispose();
    api.library.setResolver(api.matcher.resolver);
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    await waitFor(() => vol162() === undefined, 'Vol.162 gone from the library');
    await server.close();
  });

  it('reads the candidates’ pages on arXiv and takes the paper whose authors are at the organisation', async () => {
    const memory = new Map<string, unknown>();
    const memento: vscode.Memento = { keys: () => [...memory.keys()], get: <T>(key: string) => memory.get(key) as T, update: (key, value) => (memory.set(key, value), Promise.resolve()) };
    matcher = new ArxivMatcher({ library: api.library, store: api.store, memento, throttle: new RequestThrottle(0), settings: () => ({ enabled: true, apiUrl: server.url, pagesUrl: server.pagesUrl }) });
    api.library.setResolver(matcher.resolver);
    // "Rediscovering Feedback Models in the Era of LLM-Based Query Expansion, from the University of Waterloo".
    await waitFor(() => api.library.currentKey('vol162:#5') === '2511.19349', 'paper 5 matched to 2511.19349', 60_000);
    const matched = api.library.findPaper('2511.19349').find((entry) => entry.entry.issue.volume === 162)?.paper;
    assert.equal(matched && 'arxivMatch' in matched ? matched.arxivMatch?.byAffiliation : null, true, 'the panel and the row can say the affiliations decided it');
    const pages = server.requests.filter((request) => request.url.includes('/html/'));
    assert.ok(pages.some((request) => request.url.includes('/html/2511.19349')), pages.map((request) => request.url).join(', '));
    assert.ok(server.requests.filter((request) => request.query !== null).every((request) => request.status === 200), 'every query is one arXiv documents');
  });

  it('searches a doubtful line again when another line takes one of the papers it offered, and offers it no more', async () => {
    assert.ok(matcher, 'the matcher of the test before');
    await matcher.idle();
    // "A Lightweight End-to-End Model for Structured Document Understanding, from NVIDIA" stays
    // doubtful between two papers. The reader gives the first of them to line 3.
    const offered = () => matcher?.candidates('vol162:#6').map((candidate) => candidate.id) ?? [];
    const [taken, ...rest] = offered();
    assert.ok(taken !== undefined && rest.length > 0, `line 6 offers several papers: ${offered().join(', ')}`);
    const asked = server.requests.length;
    await api.store.setChoice('vol162:#3', { arxivId: taken, title: null });
    try {
      await waitFor(() => server.requests.length > asked && !offered().includes(taken), `line 6 searched again without ${taken}`, 30_000);
      await matcher.idle();
      assert.ok(rest.every((id) => offered().includes(id) || api.library.currentKey('vol162:#6') === id), `line 6 keeps the others (${rest.join(', ')}): ${offered().join(', ')}`);
      assert.notEqual(api.library.currentKey('vol162:#6'), taken);
    } finally {
      await api.store.setChoice('vol162:#3', undefined);
    }
  });
});
