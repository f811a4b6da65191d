// A reader with the e-mail of a paywalled issue (its contents lines without the web page's
// anchors, so papers are searched for by the titles the editor rewrote) imports the web
// page from Choose arXiv Match, as the panel offers it; the paper the rewritten title left in
// doubt is then found on arXiv by its real title. The newsletter, arXiv's search and Hugging Face
// are servers this test starts on 127.0.0.1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import searchServerModule from '../../out/test/support/arxivSearchServer.js';
import corpusModule from '../../out/test/support/matchCorpus.js';
import huggingFaceServerModule from '../../out/test/support/huggingFaceServer.js';
import newsletterServerModule from '../../out/test/support/newsletterServer.js';
import { openSidebar, showPaper, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const { ArxivSearchServer } = searchServerModule;
const { readCorpus } = corpusModule;
const { HuggingFaceTestServer } = huggingFaceServerModule;
const { startNewsletterServer } = newsletterServerModule;
const here = path.dirname(fileURLToPath(import.meta.url));
const ANCHORED = fs.readFileSync(path.join(here, '..', 'fixtures', 'paywall', 'vol-132-contents-anchors.txt'), 'utf8');
const WITHOUT_ANCHORS = ANCHORED.replace(/ https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g, '');
const PAPER = 'Accelerating Vector Database Retrieval';
const ARXIV_ID = '2511.16681';

describe('real titles from the web page of an e-mailed issue (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(300_000);
  let newsletter;
  let arxiv;
  let huggingFace;
  const workbench = useWorkbench('web-page-titles', async () => {
    assert.notEqual(WITHOUT_ANCHORS, ANCHORED);
    newsletter = await startNewsletterServer(path.join(here, '..', 'fixtures', 'html'), {
      '/p/unifying-retrieval': { body: ANCHORED, contentType: 'text/plain; charset=utf-8' },
    });
    arxiv = await ArxivSearchServer.start(readCorpus());
    huggingFace = await HuggingFaceTestServer.start();
    return {
      files: { 'issues/vol-132-email.txt': `View this post on the web at ${newsletter.origin}/p/unifying-retrieval\n\n${WITHOUT_ANCHORS}` },
      settings: { 'weeklyPapers.arxivApiUrl': arxiv.url, 'weeklyPapers.arxivPagesUrl': arxiv.pagesUrl, 'weeklyPapers.huggingFaceApiUrl': huggingFace.url, 'weeklyPapers.showSampleIssue': false },
    };
  });
  after(async () => {
    await newsletter?.close();
    await arxiv?.close();
    await huggingFace?.close();
  });

  it('offers the web page in Choose arXiv Match; imported, it gets the paper its arXiv record by its real title', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await treeRow(page, 'Vol.132').click();
    await showPaper(page, PAPER);
    const panel = summaryFrame(page);
    // The search by the rewritten title ends in doubt: the panel names the web page, and offers a choice.
    const hint = panel.locator('.arxiv-match-hint');
    await hint.waitFor({ timeout: 120_000 });
    assert.match(await hint.innerText(), /web page \(127\.0\.0\.1:\d+\)/);
    assert.doesNotMatch(await panel.locator('.arxiv-match').first().innerText(), new RegExp(ARXIV_ID), 'not matched by the rewritten title alone');
    await panel.locator('[data-choose-match]').click();

    const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Import the issue’s web page for the real titles' });
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /127\.0\.0\.1:\d+\/p\/unifying-retrieval/);
    await item.click();

    // The import's preview, then the save.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /132/);
    await dialog.getByRole('button', { name: 'Save' }).click();

    await panel.locator('.arxiv-match', { hasText: ARXIV_ID }).first().waitFor({ timeout: 150_000 });
    assert.match(await panel.locator('.arxiv-match').first().innerText(), /found on arXiv by its title/);
    assert.equal(await panel.locator('.arxiv-match-hint').count(), 0, 'the page is no longer offered');
    assert.deepEqual(newsletter.requests, ['/p/unifying-retrieval']);
  });
});
