// A person reads a paper, writes a note, reloads the window and finds the note again; finds a
// paper from the Command Palette by words of its summary.
import assert from 'node:assert/strict';
import { openSidebar, reloadToNote, runCommand, showPaper, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
const NOTE = `Compare with xRAG before the reading group (${Date.now()}).`;

describe('reading a paper (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(120_000);
  const workbench = useWorkbench('reading');

  it('opens the summary panel from the tree and shows the paper', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
    await showPaper(page, CLARA);
    const panel = summaryFrame(page);
    assert.equal((await panel.locator('h1').innerText()).trim(), CLARA);
    assert.match(await panel.locator('body').innerText(), /This paper from Apple presents CLaRa/);
    assert.ok(await panel.getByRole('button', { name: 'Open the code' }).isVisible(), 'CLaRa has a code link');
  });

  it('saves a note typed in the panel, and finds it again after the window reloads (in the restored panel, or reopened)', async () => {
    const { page } = workbench();
    const panel = summaryFrame(page);
    const note = panel.locator('textarea');
    await note.click();
    await note.fill(NOTE);
    await panel.getByText('Saved', { exact: false }).last().waitFor({ timeout: 10_000 });
    await note.blur();
    // Give the debounced write a moment to reach workspace state before reloading.
    await page.waitForTimeout(1_000);

    assert.equal(await (await reloadToNote(page, CLARA)).inputValue(), NOTE);
  });

  it('finds a paper from the Command Palette by words of its summary', async () => {
    const { page } = workbench();
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 500 } }).catch(() => undefined);
    await runCommand(page, 'Weekly Papers: Open Paper');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await input.fill('Salient Compressor Pretraining');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: CLARA }).first().waitFor({ timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts[0]?.includes(CLARA), `first row: ${texts[0]}`);
    await page.keyboard.press('Escape');
  });
});
