#!/usr/bin/env node
// Takes the README's screenshots: the packaged extension in a real code-server, on the bundled
// sample, driven in Chromium as a reader would use it. Writes docs/images/*.png.
//   npm run screenshots   (packages the .vsix first)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSidebar, openWorkbench, runCommand, summaryFrame, treeRow } from '../test/e2e/workbench.mjs';
import { ROOT } from './vscode/lib.mjs';
import arxivServer from '../out/test/support/arxivServer.js';
import searchServer from '../out/test/support/arxivSearchServer.js';
import matchCorpus from '../out/test/support/matchCorpus.js';
import huggingFaceServer from '../out/test/support/huggingFaceServer.js';

const OUT = path.join(ROOT, 'docs', 'images');
const ISSUE = 'Vol.132 · Nov 24 – Nov 30, 2025';
const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
/** Small enough that the pictures stay light in the .vsix, large enough to read. */
const VIEWPORT = { width: 1200, height: 760 };
const NOTE = 'Compare with xRAG before Thursday’s reading group: does SCP need the QA pairs?';

/** Drags the sidebar's edge so that paper titles show whole. */
async function widenSidebar(page) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) return;
  const edge = sidebar.x + sidebar.width;
  await page.mouse.move(edge + 1, sidebar.y + 300);
  await page.mouse.down();
  await page.mouse.move(edge + 140, sidebar.y + 300, { steps: 8 });
  await page.mouse.up();
}

async function shoot(page, name) {
  // No hover tooltip in the picture; let animations (focus rings, the panel's fade-in) settle.
  await page.mouse.move(VIEWPORT.width - 60, VIEWPORT.height / 2);
  await page.waitForTimeout(800);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, type: 'png' });
  console.log(`[screenshots] ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

/** The sidebar with Vol.132 open and CLaRa's summary, marked Reading, with a note. */
async function reading() {
  // arXiv's details come from the recorded answers the tests use, served on 127.0.0.1.
  const arxiv = await arxivServer.ArxivTestServer.start();
  const workbench = await openWorkbench({ viewport: VIEWPORT, settings: { 'workbench.colorTheme': 'Default Light Modern', 'weeklyPapers.arxivApiUrl': arxiv.url } });
  try {
    const { page } = workbench;
    await openSidebar(page);
    await widenSidebar(page);
    await treeRow(page, ISSUE).click();
    await treeRow(page, CLARA).click();
    const panel = summaryFrame(page);
    await panel.locator('h1').waitFor({ timeout: 30_000 });
    await panel.locator('label', { hasText: /^\s*Reading\s*$/ }).click();
    await panel.getByText('Authors', { exact: false }).first().waitFor({ timeout: 20_000 });
    await panel.locator('textarea').fill(NOTE);
    await panel.getByText('Saved', { exact: false }).last().waitFor({ timeout: 10_000 });
    await treeRow(page, CLARA).click();
    await panel.locator('h1').scrollIntoViewIfNeeded();
    await shoot(page, 'reading');
  } finally {
    await workbench.stop();
    await arxiv.close();
  }
}

/** Open Paper... over the issue, titles that match first, in a dark theme. */
async function openPaper() {
  const arxiv = await arxivServer.ArxivTestServer.start();
  const workbench = await openWorkbench({ viewport: VIEWPORT, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'weeklyPapers.arxivApiUrl': arxiv.url } });
  try {
    const { page } = workbench;
    await openSidebar(page);
    await widenSidebar(page);
    await treeRow(page, ISSUE).click();
    await treeRow(page, 'R²R').click();
    await summaryFrame(page).locator('h1').waitFor({ timeout: 30_000 });
    await runCommand(page, 'Weekly Papers: Open Paper');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await page.locator('.quick-input-widget input').fill('retrieval');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'open-paper');
  } finally {
    await workbench.stop();
    await arxiv.close();
  }
}

/**
 * A paywalled issue, as Import Issue from URL saves it: all ten papers listed from the contents,
 * matched to arXiv (a local stand-in for its search), one of them open in the panel.
 */
async function paywalled() {
  const arxiv = await searchServer.ArxivSearchServer.start(matchCorpus.readCorpus());
  const huggingFace = await huggingFaceServer.HuggingFaceTestServer.start();
  const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'paywall', 'vol-132-contents-anchors.txt'), 'utf8');
  const workbench = await openWorkbench({
    viewport: VIEWPORT,
    files: { 'issues/vol-132.txt': text },
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'weeklyPapers.arxivApiUrl': arxiv.url, 'weeklyPapers.arxivPagesUrl': arxiv.pagesUrl, 'weeklyPapers.huggingFaceApiUrl': huggingFace.url, 'weeklyPapers.showSampleIssue': false },
  });
  try {
    const { page } = workbench;
    await openSidebar(page);
    await widenSidebar(page);
    await treeRow(page, ISSUE).click();
    // Ten searches, 3 s apart.
    for (let waited = 0; arxiv.requests.filter((request) => request.query !== null).length < 10 && waited < 90; waited++) await page.waitForTimeout(1000);
    const title = 'A Lightweight End-to-End Model for Structured Document Understanding';
    const panel = summaryFrame(page);
    for (let tries = 0; tries < 4; tries++) {
      await treeRow(page, title).click();
      if (await panel.locator('h1', { hasText: title }).waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
    }
    await panel.locator('.arxiv-match code').waitFor({ timeout: 30_000 });
    await panel.getByText('Authors', { exact: false }).first().waitFor({ timeout: 20_000 });
    await shoot(page, 'paywalled');
  } finally {
    await workbench.stop();
    await arxiv.close();
    await huggingFace.close();
  }
}

/** Makes the pictures lighter where pngquant is installed (the README ships in the .vsix). */
function compress() {
  const which = spawnSync('pngquant', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.log('[screenshots] pngquant is not installed (apt-get install pngquant): the pictures are kept as taken.');
    return;
  }
  for (const name of fs.readdirSync(OUT).filter((file) => file.endsWith('.png'))) {
    const file = path.join(OUT, name);
    // Quality 80-95 keeps text crisp; --skip-if-larger leaves a picture that would not shrink.
    spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=80-95', '--strip', '--output', file, file]);
    console.log(`[screenshots] ${path.relative(ROOT, file)} compressed (${Math.round(fs.statSync(file).size / 1024)} KB)`);
  }
}

fs.mkdirSync(OUT, { recursive: true });
await reading();
await openPaper();
await paywalled();
compress();
