// Runs inside the real VS Code extension host: issue files in a folder of a virtual file system
// (an in-memory FileSystemProvider under a test-only scheme, with no search provider, as a
// virtual-workspace extension gives one), listed by walking it, read through workspace.fs, and
// followed through the provider's change events.
//
// The folder is not added to the workspace: a window that runs extension tests refuses to turn a
// single-folder window into a multi-root workspace (updateWorkspaceFolders returns true, then the
// workbench logs "Entering a new workspace is not possible in tests" and nothing changes; outside
// tests it would restart the extension host). So the suite gives the folder to a WorkspaceIssues
// of its own, through the one seam it has for this (the folders it reads), over a library, a tree
// and a Problems collection of its own; everything else is the code the extension runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { consoleLog } from '../../../src/util/log';
import { IssueLibrary } from '../../../src/core/model/library';
import { LibrarySearch } from '../../../src/core/search/librarySearch';
import { IssueProblems, PROBLEMS_SOURCE } from '../../../src/diagnostics/problems';
import { walkFolder } from '../../../src/sources/folderWalk';
import { DEFAULT_ISSUE_FILES, createIssueFileFilter } from '../../../src/sources/issueFileFilter';
import { UnreadIssueFiles } from '../../../src/sources/unreadIssueFiles';
import { WorkspaceIssues } from '../../../src/sources/workspaceIssues';
import { IssuesTreeProvider } from '../../../src/views/issuesTree';
import { activate, waitFor, workspaceFolder } from '../helpers';
import { MemFs } from '../memFs';

const SCHEME = 'weekly-papers-test-mem';
/** The first listing waits out the search (SEARCH_TIMEOUT_MS) before it walks: allow for a busy machine. */
const WAIT_MS = 15_000;

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const fixture = async (...path: string[]): Promise<string> => decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder(), ...path)));

describe('issue files in a virtual folder (a file system without a search provider)', function () {
  this.timeout(40_000);
  const disposables: vscode.Disposable[] = [];
  let memFs: MemFs;
  let library: IssueLibrary;
  let issues: WorkspaceIssues;
  let tree: IssuesTreeProvider;
  /** Vol.131 of test/workspace, renumbered: four papers, one `no-links` warning on line 16. */
  let vol131 = '';

  const volumes = (): Array<number | null> => library.issues().map((entry) => entry.issue.volume);
  const fromFile = (path: string): Array<number | null> =>
    library.issues().filter((entry) => entry.source.id === memFs.uri(path).toString()).map((entry) => entry.issue.volume);
  const problems = (path: string): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(memFs.uri(path)).filter((diagnostic) => diagnostic.source === PROBLEMS_SOURCE);
  const asked = (pattern: RegExp): string[] => memFs.asked.filter((path) => pattern.test(path));
  const renumbered = (text: string, from: number, to: number): string => text.replace(`Vol.${from} for`, `Vol.${to} for`);

  before(async () => {
    const api = await activate();
    vol131 = await fixture('issues', 'vol-131.txt');
    const cut = await fixture('broken', 'vol-141-cut.txt');
    memFs = new MemFs(SCHEME);
    disposables.push(memFs, vscode.workspace.registerFileSystemProvider(SCHEME, memFs, { isCaseSensitive: true }));
    memFs.put('/issues/vol-181.txt', renumbered(vol131, 131, 181));
    memFs.put('/archive/2026/vol-182-cut.md', renumbered(cut, 141, 182));
    memFs.put('/notes/not-an-issue.md', await fixture('notes', 'not-an-issue.md'));
    // Real issues that must never be read: the glob does not name it; node_modules and .git are
    // never entered; test/workspace's files.exclude hides `**/hidden-issues`.
    memFs.put('/issues/vol-183.json', renumbered(vol131, 131, 183));
    memFs.put('/node_modules/pkg/vol-988.txt', renumbered(vol131, 131, 988));
    memFs.put('/.git/vol-986.txt', renumbered(vol131, 131, 986));
    memFs.put('/hidden-issues/vol-987.txt', renumbered(vol131, 131, 987));
    const exclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
    assert.equal(exclude?.['**/hidden-issues'], true, 'test/workspace’s files.exclude, which this suite relies on');

    library = new IssueLibrary();
    const problemsPanel = new IssueProblems();
    const search = new LibrarySearch(library);
    tree = new IssuesTreeProvider(library, api.store, search);
    const folder: vscode.WorkspaceFolder = { uri: memFs.uri('/'), name: 'virtual', index: 1 };
    const unread = new UnreadIssueFiles(problemsPanel, consoleLog);
    issues = new WorkspaceIssues(library, problemsPanel, unread, consoleLog, () => [folder]);
    disposables.push(problemsPanel, unread, search, tree, issues);
  });

  after(() => {
    // Newest first: the extension's pieces stop before the file system they read goes.
    for (const disposable of disposables.splice(0).reverse()) disposable.dispose();
  });

  it('has no search provider for the scheme: findFiles does not answer, so only a walk can list it', async () => {
    const source = new vscode.CancellationTokenSource();
    const search = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(memFs.uri('/'), '**/*.txt'), undefined, undefined, source.token));
    const answer = await Promise.race([search, new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), 1500))]).catch(() => 'none' as const);
    source.cancel();
    source.dispose();
    assert.ok(answer === 'none' || answer.length === 0, `findFiles found ${answer === 'none' ? '' : answer.map(String).join(', ')}: the walk is not what this suite tests`);
  });

  it('lists the folder by walking it and reads its issues, with their problems, into the library and the tree', async () => {
    await issues.ready;
    await waitFor(() => volumes().length >= 2, 'the virtual folder’s issues', WAIT_MS);
    assert.deepEqual(fromFile('/issues/vol-181.txt'), [181]);
    assert.deepEqual(fromFile('/archive/2026/vol-182-cut.md'), [182]);
    assert.deepEqual(volumes().sort(), [181, 182], 'nothing else was read as an issue');
    assert.equal(library.issues().find((entry) => entry.issue.volume === 181)?.issue.papers.length, 4);

    const items = tree.getChildren().map((node) => tree.getTreeItem(node));
    const labels = items.map((item) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? '')));
    assert.deepEqual(labels, ['Vol.182 · Jan 26 – Feb 1, 2026', 'Vol.181 · Nov 17 – Nov 23, 2025']);

    assert.deepEqual(problems('/issues/vol-181.txt').map((d) => [d.code, d.range.start.line]), [['no-links', 15]]);
    assert.deepEqual(problems('/archive/2026/vol-182-cut.md').map((d) => [d.code, d.range.start.line]), [['cut-off', 17]]);
  });

  it('ignores a file that is not an issue, and never reads what the glob, node_modules, .git or files.exclude leave out', async () => {
    await issues.ready;
    // Looked at, so the walk found it; then ignored quietly.
    assert.ok(asked(/^\/notes\/not-an-issue\.md$/).length > 0, `the walk never reached notes/not-an-issue.md: ${memFs.asked.join(', ')}`);
    assert.deepEqual(fromFile('/notes/not-an-issue.md'), []);
    assert.deepEqual(problems('/notes/not-an-issue.md'), []);
    // Never so much as listed or statted.
    assert.deepEqual(asked(/node_modules|\/\.git|hidden-issues|\.json$/), []);
  });

  it('shows an edit, a new file in a new folder and a delete, from the provider’s change events', async () => {
    await issues.ready;
    const uri = memFs.uri('/issues/vol-181.txt');
    const edited = renumbered(vol131, 131, 181).replace(/\[4\] FlashRerank[\s\S]*?(?=I hope this weekly roundup)/, '');
    assert.notEqual(edited, renumbered(vol131, 131, 181), 'the edit removes paper [4]');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited));
    // Paper [4]'s section is gone; its contents line still lists it, incomplete.
    await waitFor(() => library.issues().find((entry) => entry.issue.volume === 181)?.issue.papers.filter((paper) => paper.complete).length === 3, 'Vol.181 has three complete papers', WAIT_MS);

    // A new file in node_modules first: it must still be unread once the later file is in.
    memFs.put('/node_modules/pkg/vol-985.txt', renumbered(vol131, 131, 985));
    memFs.put('/later/deeper/vol-184.txt', renumbered(vol131, 131, 184));
    await waitFor(() => fromFile('/later/deeper/vol-184.txt').length === 1, 'Vol.184 is in the library', WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!volumes().includes(985), 'a new issue in node_modules was read');
    assert.deepEqual(asked(/node_modules/), []);

    await vscode.workspace.fs.delete(memFs.uri('/archive/2026/vol-182-cut.md'));
    await waitFor(() => !volumes().includes(182), 'Vol.182 is gone', WAIT_MS);
    assert.deepEqual(problems('/archive/2026/vol-182-cut.md'), []);
    assert.deepEqual(volumes().sort(), [181, 184]);
  });

  it('walks no deeper and no further than its bounds, and says which folders it left unlisted', async () => {
    // Not issues: the WorkspaceIssues above sees these files too, and ignores them.
    for (const path of ['/bounded/top.txt', '/bounded/d1/one.txt', '/bounded/d1/d2/two.txt', '/bounded/d1/d2/d3/three.txt']) memFs.put(path, 'a note\n');
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, {});
    const cancel = new vscode.CancellationTokenSource();
    disposables.push(cancel);
    const paths = (uris: readonly vscode.Uri[]): string[] => uris.map((uri) => uri.path).sort();
    const all = await walkFolder(memFs.uri('/bounded'), filter, cancel.token, { maxDepth: 16, maxEntries: 100, concurrency: 2 });
    assert.deepEqual(paths(all.files), ['/bounded/d1/d2/d3/three.txt', '/bounded/d1/d2/two.txt', '/bounded/d1/one.txt', '/bounded/top.txt']);
    assert.deepEqual([all.unlisted, all.reasons], [[], []]);

    const shallow = await walkFolder(memFs.uri('/bounded'), filter, cancel.token, { maxDepth: 2, maxEntries: 100, concurrency: 2 });
    assert.deepEqual(paths(shallow.files), ['/bounded/d1/d2/two.txt', '/bounded/d1/one.txt', '/bounded/top.txt']);
    assert.deepEqual(paths(shallow.unlisted), ['/bounded/d1/d2/d3']);
    assert.deepEqual(shallow.reasons, ['folders 2 deep were not entered']);

    // The root's two entries use up the cap: d1 is never listed.
    const capped = await walkFolder(memFs.uri('/bounded'), filter, cancel.token, { maxDepth: 16, maxEntries: 2, concurrency: 1 });
    assert.deepEqual(paths(capped.files), ['/bounded/top.txt']);
    assert.deepEqual(paths(capped.unlisted), ['/bounded/d1']);
    assert.deepEqual(capped.reasons, ['2 entries were looked at']);

    // Cancelled (the extension stopping): nothing more is listed, and nothing is said.
    cancel.cancel();
    const cancelled = await walkFolder(memFs.uri('/bounded'), filter, cancel.token);
    assert.deepEqual([cancelled.files, paths(cancelled.unlisted), cancelled.reasons], [[], ['/bounded'], []]);
  });

  it('tells the reader, once, when the walk stops at its depth bound, naming the bound and a folder it did not list', async () => {
    const deep = `/deep/${Array.from({ length: 17 }, (_, i) => `d${i + 1}`).join('/')}`;
    memFs.put(`${deep}/vol-189.txt`, renumbered(vol131, 131, 189));
    const told: string[] = [];
    const folder: vscode.WorkspaceFolder = { uri: memFs.uri('/deep'), name: 'deep', index: 2 };
    const ownProblems = new IssueProblems();
    const ownUnread = new UnreadIssueFiles(ownProblems, consoleLog);
    const own = new WorkspaceIssues(new IssueLibrary(), ownProblems, ownUnread, consoleLog, () => [folder], (message) => told.push(message));
    disposables.push(ownProblems, ownUnread, own);
    await own.ready;
    await own.refresh();
    assert.equal(told.length, 1, `told: ${told.join(' | ')}`);
    assert.match(told[0] ?? '', /^Weekly Papers looks for issue files at most 16 folders deep: in deep, 1 deeper folder\(s\) were not listed \(such as .*d17\), so their issue files are read only when they change\.$/);
  });
});
