// End-to-end harness: the packaged .vsix installed into a real code-server, driven in Debian's
// Chromium by playwright-core as a person would use it. One workbench per test file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, CHROMIUM_ARGS, CODE_SERVER_ENTRY, ROOT, freePort, requireCodeServer, startCodeServer, writeUserData,
} from '../../scripts/vscode/lib.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const VSIX = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const RESULTS = path.join(ROOT, 'test-results');

/**
 * Starts code-server with the packaged extension installed on a workspace folder holding
 * `files` ({ relativePath: text }), with extra user `settings`, and opens it in Chromium at
 * `viewport` size. With `webWorker`, the installed copy's manifest loses its `main` entry: its
 * only code is then the `browser` bundle, which code-server can run only in the browser's web
 * worker extension host (as vscode.dev runs every extension), never in Node's.
 * Returns the page and a stop().
 */
export async function openWorkbench({ files = {}, settings = {}, viewport = { width: 1400, height: 900 }, webWorker = false } = {}) {
  requireCodeServer();
  if (!fs.existsSync(VSIX)) throw new Error(`${path.relative(ROOT, VSIX)} is missing: run \`npm run package\` first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), text);
  }
  fs.mkdirSync(workspace, { recursive: true });
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  // No network in tests: every address setting points at a closed port on this machine (user
  // settings: they are `application`-scoped, so a workspace's would be ignored).
  writeUserData(userDataDir, { 'workbench.colorTheme': 'Default Light Modern', 'weeklyPapers.arxivApiUrl': 'http://127.0.0.1:9/api/query', 'weeklyPapers.arxivPagesUrl': 'http://127.0.0.1:9', 'weeklyPapers.huggingFaceApiUrl': 'http://127.0.0.1:9', 'weeklyPapers.feedUrl': 'http://127.0.0.1:9/feed', ...settings });
  const install = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', VSIX], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  if (webWorker) onlyBrowserEntry(extensionsDir);

  const port = await freePort();
  const server = await startCodeServer({ port, userDataDir, extensionsDir, configFile: path.join(tmp, 'code-server.yaml'), folder: workspace });
  let browser;
  let page;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURI(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  return {
    page,
    workspace,
    /** Keeps a screenshot in test-results/ (git-ignored), for a failing step. */
    async screenshot(name) {
      fs.mkdirSync(RESULTS, { recursive: true });
      const file = path.join(RESULTS, `${name}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      return file;
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await server.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Removes `main` from the installed extension's manifest, so only its `browser` entry can run. */
function onlyBrowserEntry(extensionsDir) {
  const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith(`${pkg.publisher}.${pkg.name}-`));
  assert.equal(installed.length, 1, `expected one installed copy of the extension in ${extensionsDir}, found ${installed.join(', ') || 'none'}`);
  const manifestPath = path.join(extensionsDir, installed[0], 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  assert.ok(manifest.browser, 'the packaged manifest has no browser entry');
  delete manifest.main;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

/** Opens the Weekly Papers view container from the activity bar. */
export async function openSidebar(page) {
  // The activity-bar item toggles: click it only when the view is not already showing (after a
  // reload the workbench may restore it open).
  const showing = await page.locator('.pane-header', { hasText: /Issues/i }).first().isVisible();
  if (!showing) await page.locator('.activitybar a.action-label[aria-label^="Weekly Papers"]').click();
  await treeRow(page, 'Vol.132').waitFor({ timeout: 30_000 });
}

/** A tree row by the text it shows. */
export function treeRow(page, text) {
  return page.getByRole('treeitem').filter({ hasText: text }).first();
}

/** The summary panel's document: a webview is an iframe inside an iframe. */
export function summaryFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Clicks the paper's row until the panel shows it: a click on a row the tree is redrawing (a
 * paper just matched gets a new key) can be lost, as a person would click again.
 */
export async function showPaper(page, title) {
  const heading = summaryFrame(page).locator('h1');
  for (let tries = 0; tries < 4; tries++) {
    await treeRow(page, title).click();
    try {
      await heading.filter({ hasText: title }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // Not shown yet: click again.
    }
  }
  assert.fail(`the panel never showed "${title}"`);
}

/**
 * Reloads the window and returns the panel's note box for `title` (a paper of Vol.132): the panel
 * comes back by itself (serializer); if the workbench did not restore it, it is opened again.
 */
export async function reloadToNote(page, title) {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const cameBack = await summaryFrame(page).locator('textarea').waitFor({ timeout: 20_000 }).then(() => true, () => false);
  if (!cameBack) {
    await openSidebar(page);
    await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
    await showPaper(page, title);
  }
  const note = summaryFrame(page).locator('textarea');
  await note.waitFor({ timeout: 30_000 });
  return note;
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/**
 * Registers the hooks every e2e file needs: a workbench opened before the tests (with
 * `options`, or what an async `options()` returns), stopped after them, and a screenshot of each
 * failing test in test-results/. Returns a function that gives the workbench.
 */
export function useWorkbench(name, options = {}) {
  let workbench;
  before(async () => {
    workbench = await openWorkbench(typeof options === 'function' ? await options() : options);
  });
  after(async () => {
    await workbench?.stop();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`${name}-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  return () => workbench;
}
