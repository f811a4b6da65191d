// A reader with only the free part of an issue (the sample cut by the paywall inside its first
// paper, as Import Issue from URL saves it: each contents line with its section's anchor) still
// gets every paper: ten rows, each matched to its arXiv record through a local stand-in for
// arXiv's search (over test/fixtures/match/corpus.json, with same-week distractors), CLaRa's code
// link from a local stand-in for Hugging Face, and arXiv's requests one at a time, 3 s apart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import searchServerModule from '../../out/test/support/arxivSearchServer.js';
import corpusModule from '../../out/test/support/matchCorpus.js';
import huggingFaceServerModule from '../../out/test/support/huggingFaceServer.js';
import { openSidebar, showPaper, summaryFrame, treeRow, useWorkbench } from './workbench.mjs';

const { ArxivSearchServer } = searchServerModule;
const { readCorpus } = corpusModule;
const { HuggingFaceTestServer } = huggingFaceServerModule;
const here = path.dirname(fileURLToPath(import.meta.url));
const PAYWALLED = fs.readFileSync(path.join(here, '..', 'fixtures', 'paywall', 'vol-132-contents-anchors.txt'), 'utf8');

/** The ten contents lines of Vol.132 and the arXiv records they are (the full issue's links). */
const EXPECTED = [
  ['CLaRa: Bridging Retrieval', '2511.18659'],
  ['Reasoning-Driven Cold-Start Recommendation', '2511.18261'],
  ['Accelerating Vector Database Retrieval', '2511.16681'],
  ['Latent Semantic Routing', '2511.19987'],
  ['Rediscovering Feedback Models', '2511.19349'],
  ['A Lightweight End-to-End Model', '2511.20478'],
  ['Efficient Vision-Language Document Retrieval', '2511.21121'],
  ['Generative Early Stage Ranking', '2511.21095'],
  ['An End-to-End Joint Training Framework', '2511.20564'],
  ['Addressing Feature Heterogeneity', '2511.18805'],
];

describe('a paywalled issue (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(300_000);
  let arxiv;
  let huggingFace;
  const workbench = useWorkbench('paywalled', async () => {
    arxiv = await ArxivSearchServer.start(readCorpus());
    huggingFace = await HuggingFaceTestServer.start();
    return {
      files: { 'issues/vol-132.txt': PAYWALLED },
      settings: { 'weeklyPapers.arxivApiUrl': arxiv.url, 'weeklyPapers.arxivPagesUrl': arxiv.pagesUrl, 'weeklyPapers.huggingFaceApiUrl': huggingFace.url, 'weeklyPapers.showSampleIssue': false },
    };
  });
  after(async () => {
    await arxiv?.close();
    await huggingFace?.close();
  });

  it('lists the ten papers of the contents, marked paywalled', async () => {
    const { page } = workbench();
    await openSidebar(page);
    await treeRow(page, 'Vol.132').click();
    for (const [title] of EXPECTED) await treeRow(page, title).waitFor({ timeout: 30_000 });
    // Rows the search has not reached yet still say what the issue lacks.
    assert.match(await treeRow(page, 'Addressing Feature Heterogeneity').innerText(), /paywalled/);
  });

  it('matches at least 9 of the 10 to their arXiv records and none to a wrong one, asking arXiv at most once every 3 s', async () => {
    const { page } = workbench();
    const searches = () => arxiv.requests.filter((request) => request.query !== null && request.status === 200);
    const deadline = Date.now() + 200_000;
    // Each paper is searched once or twice, 3 s apart.
    while (new Set(searches().map((request) => request.query)).size < EXPECTED.length && Date.now() < deadline) {
      await page.waitForTimeout(1000);
    }
    assert.deepEqual(arxiv.requests.filter((request) => request.query !== null && request.status !== 200).map((request) => request.url), [], 'every query is one arXiv documents');
    let right = 0;
    const wrong = [];
    const panel = summaryFrame(page);
    for (const [title, id] of EXPECTED) {
      await showPaper(page, title);
      const line = panel.locator('.arxiv-match').first();
      await line.waitFor({ timeout: 30_000 });
      // Wait for the search to end for this paper: an id, or a line that offers a choice.
      let text = '';
      for (let tries = 0; tries < 60; tries++) {
        text = await line.innerText();
        if (!/Looking for this paper|Not matched to arXiv yet\.$/.test(text.trim())) break;
        await page.waitForTimeout(1000);
      }
      const shown = /\b(\d{4}\.\d{4,5})\b/.exec(text)?.[1] ?? null;
      if (shown === id) right++;
      else if (shown !== null) wrong.push(`${title}: ${shown} (expected ${id})`);
    }
    assert.deepEqual(wrong, [], 'a paper opened a wrong arXiv record');
    assert.ok(right >= 9, `${right} of 10 matched`);
    const times = arxiv.requests.map((request) => request.at);
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 2950, `requests ${i} and ${i + 1} were ${times[i] - times[i - 1]} ms apart`);
  });

  it('gives CLaRa the code link Hugging Face names, and says where it came from', async () => {
    const { page } = workbench();
    await showPaper(page, 'CLaRa: Bridging Retrieval');
    const panel = summaryFrame(page);
    const code = panel.getByRole('button', { name: /open the code/i });
    await code.waitFor({ timeout: 60_000 });
    assert.equal(await code.getAttribute('title'), 'https://github.com/apple/ml-clara');
    await panel.getByText('found on arXiv by its title').first().waitFor({ timeout: 10_000 });
    assert.ok(huggingFace.requests.some((request) => request.id === '2511.18659'), 'Hugging Face was asked about CLaRa, on this machine');
  });
});
