// The benchmark of the extension in a real VS Code (run by scripts/vscode/run-tests.mjs as the
// "tests" of a workspace of 1,000 issue files, see bench/vscode/run.mjs). Each figure is printed
// with a baseline measured in the same run, in the same extension host. It asserts nothing about
// speed: it fails only when the extension did not load what it should have (a sanity check).
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { WeeklyPapersTestApi } from '../../src/extension';
import { paperPickItems, type PickItemCache } from '../../src/commands/paperPicker';
import { parseIssueText } from '../../src/core/parse/parse';

const EXTENSION_ID = 'weekly-papers.weekly-papers';
const EXPECTED_ISSUES = Number(process.env.WEEKLY_PAPERS_BENCH_ISSUES ?? 1000);

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  // Typed arrays live outside the JavaScript heap: count them too.
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rows: string[][] = [];
function report(what: string, figure: string, baseline: string, ratio: string, target: string, pass: boolean | null): void {
  rows.push([what, figure, baseline, ratio, target, pass === null ? '' : pass ? 'PASS' : 'MISS']);
}

function emptyTree(): vscode.TreeDataProvider<string> {
  return { getChildren: () => [], getTreeItem: (label: string) => new vscode.TreeItem(label) };
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  if (extension.isActive) throw new Error('the extension is already active: the benchmark must activate it itself');

  // Baseline for activate(): what any sidebar extension pays, one tree view and one command.
  const baseStart = performance.now();
  const view = vscode.window.createTreeView('weeklyPapers.readingList', { treeDataProvider: emptyTree() });
  const command = vscode.commands.registerCommand('weeklyPapers.bench.noop', () => undefined);
  const baseActivate = performance.now() - baseStart;
  view.dispose();
  command.dispose();

  // Warm the file search once, so neither the extension nor the baseline pays its cold start.
  await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**');
  // Baselines for loading, measured first so that whatever caches they warm, the extension gets:
  // finding and reading the same files, and doing nothing with them.
  const heapNoTexts = heapAfterGc();
  const ioStart = performance.now();
  const found = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**');
  let texts: string[] = [];
  const decoder = new TextDecoder();
  for (const uri of found) texts.push(decoder.decode(await vscode.workspace.fs.readFile(uri)));
  const io = performance.now() - ioStart;
  const textHeld = heapAfterGc() - heapNoTexts;
  const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  /** The same text as JavaScript holds it (UTF-16 code units, two bytes each). */
  const textUtf16 = texts.reduce((sum, text) => sum + text.length * 2, 0);
  const parseStart = performance.now();
  for (const text of texts) parseIssueText(text);
  const parseAll = performance.now() - parseStart;
  texts = [];
  // The same reads 32 at a time, as the extension does: the floor for loading.
  const parallelStart = performance.now();
  const again = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**');
  for (let i = 0; i < again.length; i += 32) await Promise.all(again.slice(i, i + 32).map((uri) => vscode.workspace.fs.readFile(uri)));
  const parallelIo = performance.now() - parallelStart;
  // The same reads straight from the disk (node:fs), as Node's host lets the extension read file: URIs.
  const diskStart = performance.now();
  const onDisk = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**');
  for (let i = 0; i < onDisk.length; i += 32) await Promise.all(onDisk.slice(i, i + 32).map((uri) => fs.promises.readFile(uri.fsPath)));
  const diskIo = performance.now() - diskStart;
  // And with a stat before each read, as a reader that skips unchanged files must do.
  const statStart = performance.now();
  for (let i = 0; i < again.length; i += 32) {
    await Promise.all(again.slice(i, i + 32).map(async (uri) => {
      await vscode.workspace.fs.stat(uri);
      await vscode.workspace.fs.readFile(uri);
    }));
  }
  const statIo = performance.now() - statStart;
  const heapBefore = heapAfterGc();
  const started = performance.now();
  const api = await extension.activate();
  const readyMs = await api.timings.readyMs;
  // A build may have finished during loading (of the sample, before the workspace's files came).
  const buildsWhenReady = api.commandServices.search.builds;
  const populated = performance.now() - started;
  const roots = (await api.issuesTree.getChildren()) ?? [];
  // Right after loading, before the idle-time search index: the issues and papers alone.
  const heapModel = heapAfterGc();
  // The search index is rebuilt in idle time after the library settles; a reader opening the
  // palette a second later finds it built. Wait for that, so the heap is measured as it stays.
  const search = api.commandServices.search;
  for (let waited = 0; (search.builds === buildsWhenReady || search.building) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  if (search.builds === buildsWhenReady) throw new Error('the search index was not built within 10 s of loading');
  const heapAfter = heapAfterGc();


  const papers = api.library.paperIndex().size;
  report('activate() itself', ms(api.timings.activateMs), `${ms(baseActivate)} (one tree view + one command)`, `${(api.timings.activateMs / baseActivate).toFixed(1)}x`, '<= 20 ms', api.timings.activateMs <= 20);
  report(`activation -> tree of ${roots.length} issues`, ms(populated), `${ms(parallelIo)} (find + read the ${found.length} files, 32 at a time)`, `${(populated / parallelIo).toFixed(1)}x`, '<= 1000 ms', populated <= 1000);
  report('', '', `${ms(statIo)} (stat, then read, 32 at a time)`, `${(populated / statIo).toFixed(1)}x`, '', null);
  report('', '', `${ms(diskIo)} (find, then read with node:fs, 32 at a time)`, `${(populated / diskIo).toFixed(1)}x`, '', null);
  report('', '', `${ms(io)} (read one at a time)`, '', '', null);
  report('  (ready, inside the extension)', ms(readyMs), `${ms(parseAll)} (parsing the texts alone)`, '', '', null);
  const heapGrowth = heapAfter - heapBefore;
  report(`extension heap, ${roots.length} issues`, mb(heapModel - heapBefore), `text ${mb(textBytes)}`, `${((heapModel - heapBefore) / textBytes).toFixed(2)}x text`, '<= 3x text', heapModel - heapBefore <= 3 * textBytes);
  report(`extension heap, ${roots.length} issues + search index`, mb(heapGrowth), `${mb(textHeld)} (holding the texts as strings); text ${mb(textBytes)}`, `${(heapGrowth / textBytes).toFixed(2)}x text`, '<= 3x text', heapGrowth <= 3 * textBytes);

  report('  (the same, against the text as UTF-16)', '', `text ${mb(textUtf16)}`, `${((heapModel - heapBefore) / textUtf16).toFixed(2)}x / ${(heapGrowth / textUtf16).toFixed(2)}x`, '', null);
  report('  search index, built in idle time', ms(search.lastBuildMs), `longest slice ${ms(search.lastBuildLongestSliceMs)}`, '', '', null);

  // Open Paper: the items for every paper, then the quick pick shown with them, as the command does.
  const pickStart = performance.now();
  // One cache for the quick pick's life, as the command keeps it: keystrokes reuse the items.
  const itemCache: PickItemCache = new Map();
  const items = paperPickItems(api.commandServices, '', undefined, itemCache);
  const pick = vscode.window.createQuickPick();
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  pick.show();
  const pickMs = performance.now() - pickStart;
  pick.dispose();
  const plainStart = performance.now();
  const plain = vscode.window.createQuickPick();
  plain.items = items.map((item) => ({ label: item.label }));
  plain.show();
  const plainMs = performance.now() - plainStart;
  plain.dispose();
  report(`Open Paper over ${items.length} papers, until shown`, ms(pickMs), `${ms(plainMs)} (a quick pick of ${items.length} bare labels)`, `${(pickMs / plainMs).toFixed(1)}x`, '<= 200 ms', pickMs <= 200);
  const typeStart = performance.now();
  const typed = paperPickItems(api.commandServices, 'reion kenking', undefined, itemCache);
  report('  one keystroke ("reion kenking", words of the generated summaries)', ms(performance.now() - typeStart), '', '', '', null);

  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  console.log('\nWeekly Papers in VS Code: benchmark');
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log(`\nsanity: ${roots.length} issues in the tree (expected ${EXPECTED_ISSUES + 1} with the sample), ${papers} distinct papers, ${typed.length} match the query`);
  if (roots.length < EXPECTED_ISSUES || papers < EXPECTED_ISSUES * 10) throw new Error('sanity check failed: the workspace was not fully loaded');
}
