// A person opens the sidebar and browses the sample issue.
import assert from 'node:assert/strict';
import { openSidebar, openWorkbench, treeRow } from './workbench.mjs';

describe('sidebar (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(120_000);
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.stop();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`sidebar-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  it('shows the bundled sample issue under Weekly Papers, and its papers when expanded', async () => {
    const { page } = workbench;
    await openSidebar(page);
    await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
    await treeRow(page, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning').waitFor({ timeout: 15_000 });
    const rows = await page.getByRole('treeitem').allInnerTexts();
    assert.ok(rows.some((row) => row.includes('Apple')), `rows: ${rows.join(' | ')}`);
    assert.ok(rows.some((row) => row.startsWith('Extras')), `rows: ${rows.join(' | ')}`);
  });
});
