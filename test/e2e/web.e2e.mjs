// VS Code for the Web: the packaged extension runs in the browser's web worker extension host, as
// on vscode.dev. The installed copy's manifest loses its `main` entry (see openWorkbench's
// `webWorker`), so code-server has only the `browser` bundle to run, and only the web worker can
// run it: a tree with papers in it is proof that the browser bundle is what ran. A person reads a
// paper, writes a note, reloads, finds it again, finds a paper with Open Paper; while arXiv's
// stand-in does not allow the browser to read its answers (no CORS header), the panel says so, and
// once it does, the details fill in.
import assert from 'node:assert/strict';
import arxivServerModule from '../../out/test/support/arxivServer.js';
import { openSidebar, runCommand, showPaper, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const { ArxivTestServer } = arxivServerModule;
const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
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

    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const cameBack = await summaryFrame(page).locator('textarea').waitFor({ timeout: 20_000 }).then(() => true, () => false);
    if (!cameBack) {
      await openSidebar(page);
      await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
      await showPaper(page, CLARA);
    }
    await summaryFrame(page).locator('textarea').waitFor({ timeout: 30_000 });
    assert.equal(await summaryFrame(page).locator('textarea').inputValue(), NOTE);
  });

  it('finds a paper with Open Paper from the Command Palette', async () => {
    const { page } = workbench();
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 500 } }).catch(() => undefined);
    await runCommand(page, 'Weekly Papers: Open Paper');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await input.fill('Salient Compressor Pretraining');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: CLARA }).first().waitFor({ timeout: 15_000 });
    assert.ok((await rows.allInnerTexts())[0]?.includes(CLARA));
    await page.keyboard.press('Enter');
    await summaryFrame(page).locator('h1').filter({ hasText: CLARA }).waitFor({ timeout: 15_000 });
  });
});
