// A person opens the sidebar and browses the sample issue.
import assert from 'node:assert/strict';
import { openSidebar, treeRow, useWorkbench } from './workbench.mjs';

describe('sidebar (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(120_000);
  const workbench = useWorkbench('sidebar');

  it('shows the bundled sample issue under Weekly Papers, and its papers when expanded', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await treeRow(page, 'Vol.132 · Nov 24 – Nov 30, 2025').click();
    await treeRow(page, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning').waitFor({ timeout: 15_000 });
    const rows = await page.getByRole('treeitem').allInnerTexts();
    assert.ok(rows.some((row) => row.includes('Apple')), `rows: ${rows.join(' | ')}`);
    assert.ok(rows.some((row) => row.startsWith('Extras')), `rows: ${rows.join(' | ')}`);
  });
});
