// A person imports an issue from a post's address and sees its papers' arXiv authors in the panel.
// Both the newsletter and arXiv are servers this test starts on 127.0.0.1, serving fixtures.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import arxivServerModule from '../../out/test/support/arxivServer.js';
import newsletterServerModule from '../../out/test/support/newsletterServer.js';
import { openSidebar, runCommand, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const { ArxivTestServer } = arxivServerModule;
const { startNewsletterServer } = newsletterServerModule;
const here = path.dirname(fileURLToPath(import.meta.url));
const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';

describe('importing an issue (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(120_000);
  let newsletter;
  let arxiv;
  const workbench = useWorkbench('import', async () => {
    newsletter = await startNewsletterServer(path.join(here, '..', 'fixtures', 'html'), {
      '/p/vol-170': { file: 'vol-132-post.html', rewrite: (body) => body.replaceAll('Vol.132 for', 'Vol.170 for') },
    });
    arxiv = await ArxivTestServer.start();
    return { settings: { 'weeklyPapers.arxivApiUrl': arxiv.url } };
  });
  after(async () => {
    await newsletter?.close();
    await arxiv?.close();
  });

  it('imports a post from its address, after a preview, and shows its papers with their arXiv authors', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await runCommand(page, 'Weekly Papers: Import Issue from URL...');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await input.fill(`${newsletter.origin}/p/vol-170`);
    await page.keyboard.press('Enter');

    // The preview: what was recognised, before anything is saved.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /170/);
    await dialog.getByRole('button', { name: 'Save' }).click();

    await treeRow(page, 'Vol.170').click({ timeout: 30_000 });
    await treeRow(page, CLARA).click();
    const panel = summaryFrame(page);
    await panel.locator('h1').waitFor({ timeout: 30_000 });
    await panel.getByText('Jordan Ellis').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(newsletter.requests, ['/p/vol-170']);
    assert.ok(arxiv.requests.length >= 1, 'arXiv was asked, on this machine');
  });
});
