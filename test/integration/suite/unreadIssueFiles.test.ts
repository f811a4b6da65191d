// Issue files too large to read (over 32 MB): never read whole, but one whose start looks like an
// issue is shown, in the Problems panel on its first line and as a row of the Issues tree; a large
// file that is not an issue stays quiet. In the workspace (the extension's own reader) and in the
// imported-issues folder used with no folder open (GlobalIssues). The large files are sparse
// (truncate): their start is written, the rest costs no disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { consoleLog } from '../../../src/util/log';
import { IssueLibrary } from '../../../src/core/model/library';
import { IssueProblems, PROBLEMS_SOURCE } from '../../../src/diagnostics/problems';
import { useFileStartReader } from '../../../src/platform/fileStart';
import { nodeFileStart } from '../../../src/platform/nodeFileStart';
import { GlobalIssues } from '../../../src/sources/globalIssues';
import { UnreadIssueFiles } from '../../../src/sources/unreadIssueFiles';
import type { IssuesNode } from '../../../src/views/issuesTree';
import { activate, waitFor, workspaceFolder } from '../helpers';

const MB = 1024 * 1024;
const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'media', 'sample', 'vol-132.txt'), 'utf8');
const TOO_LARGE = 'This file is 40 MB; Weekly Papers reads issue files up to 32 MB, so it was not read.';

/** `head` repeated past the 64 KB looked at, then holes up to `size` bytes. */
function writeSparse(file: string, head: string, size: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, head.repeat(Math.ceil((70 * 1024) / head.length)));
  fs.truncateSync(file, size);
}

function ourProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === PROBLEMS_SOURCE);
}

describe('issue files too large to read', function () {
  this.timeout(60_000);

  it('shows a workspace issue file over 32 MB in the Problems panel and the tree, says nothing of a large file that is no issue, and forgets both when they go', async () => {
    const api = await activate();
    const folder = path.join(workspaceFolder().fsPath, 'large');
    const issue = vscode.Uri.file(path.join(folder, 'vol-150-huge.txt'));
    const notes = vscode.Uri.file(path.join(folder, 'huge-notes.txt'));
    const unreadRows = async () => ((await api.issuesTree.getChildren()) ?? []).filter((node): node is Extract<IssuesNode, { kind: 'unread' }> => node.kind === 'unread');
    let rows: Extract<IssuesNode, { kind: 'unread' }>[] = [];
    try {
      writeSparse(notes.fsPath, 'Meeting notes: nothing about papers here.\n', 40 * MB);
      writeSparse(issue.fsPath, SAMPLE, 40 * MB);
      for (const end = Date.now() + 20_000; ourProblems(issue).length === 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 100));
      const [problem, ...more] = ourProblems(issue);
      assert.ok(problem, 'no problem shown for the large issue file');
      assert.equal(more.length, 0);
      assert.equal(problem.message, TOO_LARGE);
      assert.equal(problem.range.start.line, 0, 'on the first line');
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);

      rows = await unreadRows();
      assert.deepEqual(rows.map((row) => row.file.label), ['large/vol-150-huge.txt'], 'one row, for the issue file only');
      const item = await api.issuesTree.getTreeItem(rows[0]!);
      assert.equal(item.tooltip, TOO_LARGE);
      assert.ok(!api.library.hasSource(issue.toString()), 'it was read into the library');
      // Both were seen by the same listing: the one that is no issue is quiet.
      assert.deepEqual(ourProblems(notes), []);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await waitFor(() => ourProblems(issue).length === 0, 'the problem to go with the file', 20_000);
    for (const end = Date.now() + 10_000; (await unreadRows()).length > 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await unreadRows(), [], 'the row went with the file');
  });

  it('does the same in the imported-issues folder used with no folder open, looking at each file’s size before reading it', async () => {
    // The extension's Node entry gives its bundle Node's reader; this suite's copy of the module needs it too.
    useFileStartReader(nodeFileStart);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-global-'));
    const library = new IssueLibrary();
    const problems = new IssueProblems();
    const unread = new UnreadIssueFiles(problems, consoleLog);
    try {
      fs.writeFileSync(path.join(dir, 'vol-132.txt'), SAMPLE);
      writeSparse(path.join(dir, 'vol-150.txt'), SAMPLE, 40 * MB);
      writeSparse(path.join(dir, 'notes.txt'), 'Meeting notes: nothing about papers here.\n', 40 * MB);
      const global = new GlobalIssues(library, vscode.Uri.file(dir), unread, consoleLog);
      await global.refresh();
      assert.deepEqual(library.issues().map((entry) => entry.issue.volume), [132]);
      assert.deepEqual(unread.list().map((file) => [file.label, file.message]), [['Imported: vol-150.txt', TOO_LARGE]]);
      const big = vscode.Uri.file(path.join(dir, 'vol-150.txt'));
      assert.deepEqual(ourProblems(big).map((problem) => problem.message), [TOO_LARGE]);

      fs.rmSync(big.fsPath);
      await global.refresh();
      assert.deepEqual(unread.list(), []);
      assert.deepEqual(ourProblems(big), []);
    } finally {
      unread.dispose();
      problems.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
