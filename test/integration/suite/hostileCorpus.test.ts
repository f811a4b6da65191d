// The hostile corpus (test/fixtures/hostile/, the generated files of test/support/hostileIssues.ts,
// and the markup attacks of test/fixtures/edge/vol-136-hostile.*) in the real extension host:
// copied into the test workspace at once, each gives the Problems entries the parser gives it (or
// none), its papers render in the tree and the panel without their text becoming markup, and the
// extension keeps answering (the tree, Open Paper) while the large ones are read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { SourcedIssue } from '../../../src/core/model/library';
import { parseIssueText } from '../../../src/core/parse/parse';
import { decodeText } from '../../../src/core/parse/text';
import { paperPickItems } from '../../../src/commands/paperPicker';
import { PROBLEMS_SOURCE } from '../../../src/diagnostics/problems';
import { HOSTILE_ISSUES, hostileText } from '../../support/hostileIssues';
import { activate, summaryTabs, waitFor, workspaceFolder } from '../helpers';

/**
 * The fixtures, from the extension's own folder (the repository in tests). The library lists one
 * copy of a volume, so a second copy of one is renumbered to a volume no other file has.
 */
const STORED: ReadonlyArray<{ readonly name: string; readonly volume?: readonly [from: number, to: number] }> = [
  { name: 'hostile/vol-144-bibtex-injection.txt' },
  { name: 'hostile/vol-145-deceptive-links.txt' },
  { name: 'edge/vol-136-hostile.txt' },
  { name: 'edge/vol-136-hostile.md', volume: [136, 146] },
];
/** The generated files all start with Vol.1: each gets its own number. */
const GENERATED_VOLUMES = [1, 2];
/** Where the corpus goes in the test workspace; deleted after. */
const FOLDER = 'hostile-corpus';
/** Reading 38 MB of generated files takes a few seconds; a hang takes forever. */
const LOAD_MS = 45_000;

const target = (name: string): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), FOLDER, name.slice(name.lastIndexOf('/') + 1));
const renumber = (text: string, from: number, to: number): string => text.replace(`Vol.${from} for`, `Vol.${to} for`);
const fromFile = (api: WeeklyPapersTestApi, uri: vscode.Uri): SourcedIssue[] => api.library.issues().filter((entry) => entry.source.id === uri.toString());

/** A diagnostic as the Problems panel has it: its line (1-based), severity and message. */
const shown = (diagnostic: vscode.Diagnostic): string =>
  `${diagnostic.range.start.line + 1} ${vscode.DiagnosticSeverity[diagnostic.severity]} ${diagnostic.message}`;
const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Information' } as const;

async function treeLabels(api: WeeklyPapersTestApi, node?: Parameters<typeof api.issuesTree.getChildren>[0]): Promise<string[]> {
  const children = (await api.issuesTree.getChildren(node)) ?? [];
  const items = await Promise.all(children.map(async (child) => await api.issuesTree.getTreeItem(child)));
  return items.map((item) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? '')));
}

describe('the hostile corpus in the workspace', function () {
  this.timeout(90_000);
  let api: WeeklyPapersTestApi;
  /** Each corpus file in the workspace, with the text it holds. */
  const corpus: Array<{ readonly uri: vscode.Uri; readonly text: string }> = [];

  before(async () => {
    api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    for (const { name, volume } of STORED) {
      const text = decodeText(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', name)));
      corpus.push({ uri: target(name), text: volume ? renumber(text, ...volume) : text });
    }
    HOSTILE_ISSUES.forEach((issue, index) => corpus.push({ uri: target(issue.name), text: renumber(hostileText(issue), 1, GENERATED_VOLUMES[index] ?? 1) }));
  });

  after(async () => {
    await vscode.window.tabGroups.close(summaryTabs());
    await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), FOLDER), { recursive: true, useTrash: false })).then(undefined, () => undefined);
    await waitFor(() => corpus.every(({ uri }) => fromFile(api, uri).length === 0), 'the corpus to leave the library', LOAD_MS);
  });

  it('keeps answering while the corpus is read: the tree lists the sample, Open Paper opens and finds it', async () => {
    // Written together, the 30 MB and 8 MB files last: the checks below run while they are read.
    await Promise.all(corpus.map(({ uri, text }) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text))));
    const roots = await treeLabels(api);
    assert.ok(roots.some((label) => label.startsWith('Vol.132')), `the tree lists ${roots.join(', ')}`);
    assert.ok(paperPickItems(api.commandServices, 'continuous latent').some((item) => item.key === '2511.18659'), 'Open Paper finds CLaRa');
    const picking = vscode.commands.executeCommand(Command.openPaper);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await picking, undefined, 'Open Paper resolves when its quick pick is closed');

    const started = Date.now();
    await waitFor(() => corpus.every(({ uri }) => fromFile(api, uri).length > 0), 'every corpus file in the library', LOAD_MS);
    console.log(`      (the corpus was in the library ${Date.now() - started} ms after the checks)`);
  });

  it('gives each file the Problems entries the parser gives it, and none to a file without problems', () => {
    let files = 0;
    for (const { uri, text } of corpus) {
      const expected = parseIssueText(text).diagnostics.map((d) => `${d.line} ${SEVERITY[d.severity]} ${d.message}`);
      const actual = vscode.languages.getDiagnostics(uri).filter((d) => d.source === PROBLEMS_SOURCE).map(shown);
      assert.deepEqual(actual, expected, uri.path);
      files++;
    }
    assert.equal(files, STORED.length + HOSTILE_ISSUES.length);
    assert.equal(new Set(corpus.map(({ uri }) => fromFile(api, uri)[0]?.issue.volume)).size, corpus.length, 'each file is listed');
    // What the corpus is for, said plainly: the deceptive links are dropped, each with a warning;
    // the BibTeX attacks are ordinary titles; the generated files are issues with no papers.
    const problems = (name: string) => vscode.languages.getDiagnostics(target(name)).filter((d) => d.source === PROBLEMS_SOURCE);
    assert.equal(problems('vol-145-deceptive-links.txt').filter((d) => /^Link dropped/.test(d.message)).length, 5);
    assert.deepEqual(problems('vol-144-bibtex-injection.txt'), []);
    for (const issue of HOSTILE_ISSUES) assert.deepEqual(problems(issue.name).map((d) => d.range.start.line), [0], issue.name);
  });

  it('lists every hostile paper in the tree and the panel as text, never as markup or a link it should not have', async () => {
    for (const { uri } of corpus) {
      for (const entry of fromFile(api, uri)) {
        const issueNode = ((await api.issuesTree.getChildren()) ?? []).find((node) => node.kind === 'issue' && node.entry.source.id === entry.source.id);
        assert.ok(issueNode, `the tree lists ${uri.path}`);
        const labels = await treeLabels(api, issueNode);
        assert.equal(labels.filter((label) => label !== 'Extras').length, entry.issue.papers.length);
        for (const paper of entry.issue.papers) {
          await vscode.commands.executeCommand(Command.showSummary, paper.key);
          const html = api.summaryPanel.lastHtml() ?? '';
          assert.equal(api.summaryPanel.currentKey(), paper.key);
          assert.match(html, /script-src &#39;nonce-[0-9a-f]+&#39;/, 'the CSP names a nonce');
          for (const script of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(script, /\bnonce="[0-9a-f]+"/, `a script without the nonce: ${script}`);
          assert.doesNotMatch(html, /<(img|a|b|iframe)\b[^>]*\bon\w+=/i, 'no event handler from the newsletter');
          assert.doesNotMatch(html, /href="(javascript|command|file|data):/i);
        }
      }
    }
  });
});
