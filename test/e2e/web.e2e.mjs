// VS Code for the Web: the packaged extension runs in the browser's web worker extension host, as
// on vscode.dev. The installed copy's manifest loses its `main` entry (see openWorkbench's
// `webWorker`), so code-server has only the `browser` bundle to run, and only the web worker can
// run it: a tree with papers in it is proof that the browser bundle is what ran. A person reads a
// paper, writes a note, reloads, finds it again, finds a paper with Open Paper, marks it To Read
// and sees it in the Reading List, imports an issue from the clipboard and exports the Reading
// List as BibTeX (through VS Code for the Web's own save dialog); while arXiv's
// stand-in does not allow the browser to read its answers (no CORS header), the panel says so, and
// once it does, the details fill in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import arxivServerModule from '../../out/test/support/arxivServer.js';
import { openSidebar, reloadToNote, runCommand, showPaper, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const { ArxivTestServer } = arxivServerModule;
const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
const here = path.dirname(fileURLToPath(import.meta.url));
const NOTE = `Read on the web, compare with xRAG (${Date.now()}).`;

describe('VS Code for the Web (the browser bundle in the web worker extension host, in Chromium)', function () {
  this.timeout(120_000);
  let arxiv;
  const workbench = useWorkbench('web', async () => {
    arxiv = await ArxivTestServer.start({ cors: false });
    return { webWorker: true, settings: { 'weeklyPapers.arxivApiUrl': arxiv.url } };
  });
  after(async () => {
    await arxiv?.close();
  });

  it('shows the sample issue and its papers in the sidebar', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
    await treeRow(page, CLARA).waitFor({ timeout: 30_000 });
  });

  it('shows a paper in the summary panel; arXiv refused by the browser is said, and allowed it fills in', async () => {
    const { page } = workbench();
    await showPaper(page, CLARA);
    const panel = summaryFrame(page);
    assert.match(await panel.locator('body').innerText(), /This paper from Apple presents CLaRa/);
    // The server without CORS answers, but the browser does not let the extension read it.
    await panel.getByText(/arXiv details unavailable: arXiv could not be reached from the browser/).waitFor({ timeout: 30_000 });
    const refused = arxiv.requests.length;
    assert.ok(refused >= 1, 'the request reached the server: it was the browser that refused the answer');

    // The server now allows pages to read its answers: Refresh tries again at once.
    arxiv.cors = true;
    await runCommand(page, 'Weekly Papers: Refresh');
    await panel.getByText('Jordan Ellis').first().waitFor({ timeout: 30_000 });
    assert.ok(arxiv.requests.length > refused, 'the details came from a new request');
  });

  it('keeps a note typed in the panel across a window reload', async () => {
    const { page } = workbench();
    const note = summaryFrame(page).locator('textarea');
    await note.click();
    await note.fill(NOTE);
    await summaryFrame(page).getByText('Saved', { exact: false }).last().waitFor({ timeout: 10_000 });
    await note.blur();
    await page.waitForTimeout(1_000);

    assert.equal(await (await reloadToNote(page, CLARA)).inputValue(), NOTE);
  });

  it('finds a paper with Open Paper from the Command Palette', async () => {
    const { page } = workbench();
    // The picker closes when it loses focus, and a webview restored after the reload can take the
    // focus a moment after the picker opens: open it again then, as a person would.
    const input = page.locator('.quick-input-widget input');
    for (let tries = 0; ; tries++) {
      await runCommand(page, 'Weekly Papers: Open Paper');
      await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
      const typed = await input.fill('Salient Compressor Pretraining', { timeout: 5_000 }).then(() => true, () => false);
      if (typed) break;
      assert.ok(tries < 3, 'the Open Paper picker never stayed open');
    }
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: CLARA }).first().waitFor({ timeout: 15_000 });
    assert.ok((await rows.allInnerTexts())[0]?.includes(CLARA));
    await page.keyboard.press('Enter');
    await summaryFrame(page).locator('h1').filter({ hasText: CLARA }).waitFor({ timeout: 15_000 });
  });

  it('lists a paper marked To Read in the Reading List', async () => {
    const { page } = workbench();
    await summaryFrame(page).getByText('To Read', { exact: true }).click();
    const readingList = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Reading List/i }) });
    await readingList.getByRole('treeitem').filter({ hasText: CLARA }).first().waitFor({ timeout: 15_000 });
  });

  it('imports an issue from the clipboard into the workspace', async () => {
    const { page } = workbench();
    const issue = fs.readFileSync(path.join(here, '..', '..', 'media', 'sample', 'vol-132.txt'), 'utf8').replace('Vol.132 for', 'Vol.171 for');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.evaluate((text) => navigator.clipboard.writeText(text), issue);
    await runCommand(page, 'Weekly Papers: Import Issue from Clipboard');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /171/);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await treeRow(page, 'Vol.171').waitFor({ timeout: 30_000 });
  });

  it('exports the Reading List as BibTeX into the workspace', async () => {
    const { page, workspace } = workbench();
    await runCommand(page, 'Weekly Papers: Export BibTeX...');
    // VS Code for the Web's own save dialog: a path to accept.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts').getByText('Exported 1 BibTeX entry for the Reading List.').waitFor({ timeout: 30_000 });
    const written = fs.readdirSync(workspace).filter((name) => name.endsWith('.bib'));
    assert.equal(written.length, 1, `one .bib file in the workspace: ${written.join(', ')}`);
    assert.match(fs.readFileSync(path.join(workspace, written[0]), 'utf8'), /CLaRa/);
  });
});
