#!/usr/bin/env node
// npm run bench:vscode (second part): the packaged extension on a workspace of N issue files
// (default 1,000), once in Node's extension host and once in the browser's web worker host (VS
// Code for the Web: the installed manifest without `main`, see test/e2e/workbench.mjs), in the
// same run, measured as a reader sees it in Chromium:
//   - first tree: from the click on the activity bar until the newest issue's row shows;
//   - all searchable: from that click until Open Paper finds a paper of the oldest issue (every
//     file read and indexed).
// The Node host is the baseline; the web worker's figures are printed beside it with their ratio.
// It asserts nothing about speed; it fails only when a step never happens.
//   node bench/vscode/hosts.mjs   (after `npm run compile && npm run package`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../../scripts/vscode/lib.mjs';
import { openWorkbench, runCommand, treeRow } from '../../test/e2e/workbench.mjs';

const require = createRequire(import.meta.url);
const { makeWorkspace } = require(path.join(ROOT, 'out/bench/vscode/makeWorkspace.js'));
const count = Number(process.env.WEEKLY_PAPERS_BENCH_ISSUES ?? 1000);
const FIRST = 1000;
const newest = FIRST + count - 1;

/** The workspace's files as openWorkbench takes them. */
function issueFiles() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-hosts-'));
  try {
    makeWorkspace(folder, count, path.join(ROOT, 'media/sample/vol-132.txt'));
    const files = {};
    for (const name of fs.readdirSync(path.join(folder, 'issues'))) files[`issues/${name}`] = fs.readFileSync(path.join(folder, 'issues', name), 'utf8');
    return files;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function measure(files, webWorker) {
  const workbench = await openWorkbench({ files, webWorker, settings: { 'weeklyPapers.network.enabled': false, 'weeklyPapers.showSampleIssue': false } });
  try {
    const { page } = workbench;
    const started = performance.now();
    await page.locator('.activitybar a.action-label[aria-label^="Weekly Papers"]').click();
    await treeRow(page, `Vol.${newest} `).waitFor({ timeout: 300_000 });
    const firstTree = performance.now() - started;
    await runCommand(page, 'Weekly Papers: Open Paper');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await input.fill(`CLaRa vol. ${FIRST}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: `(vol. ${FIRST})` }).first().waitFor({ timeout: 300_000 });
    const searchable = performance.now() - started;
    await page.keyboard.press('Escape');
    return { firstTree, searchable };
  } catch (error) {
    await workbench.screenshot(`bench-hosts-${webWorker ? 'web' : 'node'}`);
    throw error;
  } finally {
    await workbench.stop();
  }
}

const files = issueFiles();
console.log(`[bench] ${count} issue files; each host in a fresh code-server, driven in Chromium`);
const node = await measure(files, false);
const web = await measure(files, true);
const ms = (value) => `${value.toFixed(0)} ms`;
const rows = [
  ['', 'Node host (baseline)', 'web worker host', 'web / Node'],
  ['first tree', ms(node.firstTree), ms(web.firstTree), `${(web.firstTree / node.firstTree).toFixed(2)}x`],
  [`all ${count} searchable`, ms(node.searchable), ms(web.searchable), `${(web.searchable / node.searchable).toFixed(2)}x`],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
console.log('\nWeekly Papers in both extension hosts (from the click on the activity bar)');
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
