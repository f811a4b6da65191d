// arXiv's metadata in the real extension host, against a local stand-in for arXiv's API
// (test/support/arxivServer.ts): the panel shows it after the summary, Copy and Export BibTeX
// use it, failures are said in the panel, and nothing is fetched with the network turned off.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ArxivMetadata, type ArxivStatus } from '../../../src/arxiv/arxivMetadata';
import { createCommands } from '../../../src/commands';
import { Command, EXTENSION_ID, Setting } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { ARXIV_DISABLED } from '../../../src/webview/summaryHtml';
import { ArxivTestServer } from '../../support/arxivServer';
import { waitFor, summaryTabs } from '../helpers';

const CLARA = '2511.18659';
const COLD_START = '2511.18261';

describe('arXiv metadata', function () {
  this.timeout(60_000);
  let api: WeeklyPapersTestApi;
  let server: ArxivTestServer;
  let saved: { enabled: unknown; apiUrl: unknown };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-arxiv-'));
  const config = () => vscode.workspace.getConfiguration();

  async function vol132Node() {
    const issue = (await api.issuesTree.getChildren())?.find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
    assert.ok(issue, 'no Vol.132 in the Issues tree');
    return issue;
  }

  before(async () => {
    server = await ArxivTestServer.start();
    const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.ready;
    saved = {
      enabled: config().inspect(Setting.networkEnabled)?.workspaceValue,
      apiUrl: config().inspect(Setting.arxivApiUrl)?.globalValue,
    };
    // A user setting only (scope `application`).
    await config().update(Setting.arxivApiUrl, server.url, vscode.ConfigurationTarget.Global);
    await config().update(Setting.networkEnabled, true, vscode.ConfigurationTarget.Workspace);
    // The workspace's paywalled issue has papers the newsletter gave no id: the search for them
    // (this server answers it with nothing) goes first, so that what follows is the only traffic.
    await api.matcher.idle();
    await api.arxiv.clear();
    server.reset();
  });

  after(async () => {
    await vscode.window.tabGroups.close(summaryTabs());
    await config().update(Setting.networkEnabled, saved.enabled, vscode.ConfigurationTarget.Workspace);
    await config().update(Setting.arxivApiUrl, saved.apiUrl, vscode.ConfigurationTarget.Global);
    await api.arxiv.clear();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the authors after the summary, fetched for the whole issue in one request', async () => {
    assert.ok(api.summaryPanel.show(CLARA));
    const nonceOf = (page: string | undefined) => /nonce="([^"]+)"/.exec(page ?? '')?.[1];
    const shownNonce = nonceOf(api.summaryPanel.lastHtml());
    await waitFor(() => api.summaryPanel.lastHtml()?.includes('Jordan Ellis') ?? false, 'the authors in the panel', 20_000);
    const html = api.summaryPanel.lastHtml() ?? '';
    // The details replace their section in place: the page (and a note being typed) is not rebuilt.
    assert.ok(shownNonce);
    assert.equal(nonceOf(html), shownNonce, 'the visible page was rebuilt when arXiv answered');
    assert.ok(html.indexOf('id="summary-heading"') < html.indexOf('id="arxiv-heading"'));
    assert.match(html, /<code class="primary">cs\.CL<\/code>/);
    assert.ok(html.includes('<summary>arXiv abstract</summary>'));
    const issue = await vol132Node();
    assert.equal(issue.kind, 'issue');
    const ids = new Set([...issue.entry.issue.papers, ...issue.entry.issue.extras].map((paper) => paper.arxivId).filter((id) => id !== null));
    assert.equal(server.requests.length, 1, `one request, not ${server.requests.map((request) => request.url).join(' | ')}`);
    assert.deepEqual(new Set(server.requests[0]?.ids), ids);
  });

  it('Copy BibTeX uses the metadata once it has arrived', async () => {
    const copied: string[] = [];
    const commands = createCommands({ ...api.commandServices, clipboard: { writeText: (text: string) => (copied.push(text), Promise.resolve()), readText: () => Promise.resolve('') } });
    const copy = commands.find((command) => command.id === Command.copyBibtex);
    assert.ok(copy);
    const entry = (await copy.execute(CLARA)) as string;
    assert.match(entry, /author=\{Jordan Ellis and Priya Raman and Tomás Oliveira\}/);
    assert.match(entry, /primaryClass=\{cs\.CL\}/);
    assert.deepEqual(copied, [entry]);
  });

  it('Export BibTeX writes Vol.132 to a file: 11 entries, unique keys', async () => {
    const target = vscode.Uri.file(path.join(tmp, 'vol-132.bib'));
    const result = await vscode.commands.executeCommand<{ entries: number } | undefined>(Command.exportBibtex, await vol132Node(), target);
    assert.equal(result?.entries, 11);
    const text = fs.readFileSync(target.fsPath, 'utf8');
    const keys = [...text.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1]);
    assert.equal(keys.length, 11);
    assert.equal(new Set(keys).size, 11);
    assert.match(text, /author=\{Jordan Ellis and Priya Raman and Tomás Oliveira\}/);
  });

  it('says arXiv is rate-limiting on a 429, then shows the authors after the retry', async () => {
    server.reset();
    server.plan({ kind: 'rateLimited', retryAfterSeconds: 1 });
    await api.arxiv.clear();
    await waitFor(() => api.summaryPanel.lastHtml()?.includes('arXiv is rate-limiting, will retry') ?? false, 'the retry message', 20_000);
    await waitFor(() => api.summaryPanel.lastHtml()?.includes('Jordan Ellis') ?? false, 'the authors after the retry', 40_000);
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests[1]!.at - server.requests[0]!.at >= 3000, 'the retry waited');
  });

  it('fetches nothing with the network turned off, and says so in the panel', async () => {
    await config().update(Setting.networkEnabled, false, vscode.ConfigurationTarget.Workspace);
    try {
      await api.arxiv.clear();
      server.reset();
      assert.ok(api.summaryPanel.show(COLD_START));
      await waitFor(() => api.summaryPanel.lastHtml()?.includes(ARXIV_DISABLED) ?? false, 'the network-off line', 20_000);
      const target = vscode.Uri.file(path.join(tmp, 'offline.bib'));
      const result = await vscode.commands.executeCommand<{ entries: number } | undefined>(Command.exportBibtex, await vol132Node(), target);
      assert.equal(result?.entries, 11);
      assert.ok(!fs.readFileSync(target.fsPath, 'utf8').includes('Jordan Ellis'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(server.requests, []);
    } finally {
      await config().update(Setting.networkEnabled, true, vscode.ConfigurationTarget.Workspace);
    }
  });

  describe('failures, with a short timeout and no spacing', () => {
    let metadata: ArxivMetadata;

    beforeEach(() => {
      server.reset();
      metadata = new ArxivMetadata({
        storageUri: vscode.Uri.file(path.join(tmp, `storage-${Date.now()}`)),
        timeoutMs: 300,
        minIntervalMs: 0,
        backoffBaseMs: 60_000,
        settings: () => ({ enabled: true, apiUrl: server.url }),
      });
    });

    afterEach(() => metadata.dispose());

    async function statusAfterFetch(id: string): Promise<ArxivStatus> {
      await metadata.fetchMissing([id]);
      return metadata.status(id);
    }

    it('a slow answer times out and is said', async () => {
      server.plan({ kind: 'slow', delayMs: 3000 });
      assert.deepEqual(await statusAfterFetch(CLARA), { state: 'unavailable', reason: 'arXiv did not answer in time' });
    });

    it('an Error entry is reported for its id', async () => {
      server.plan({ kind: 'error' });
      assert.deepEqual(await statusAfterFetch('2511.9999x'), { state: 'unavailable', reason: 'arXiv answered with an error (incorrect id format for 2511.9999x)' });
    });

    it('malformed XML is said, not thrown', async () => {
      server.plan({ kind: 'malformed' });
      assert.deepEqual(await statusAfterFetch(CLARA), { state: 'unavailable', reason: "arXiv's answer could not be read" });
    });

    it('keeps only the entries asked for, not others the answer carries', async () => {
      server.plan({ kind: 'extra', ids: [COLD_START] });
      assert.equal((await statusAfterFetch(CLARA)).state, 'ready');
      assert.equal(metadata.entry(COLD_START), undefined);
      assert.deepEqual(metadata.status(COLD_START), { state: 'none' });
    });

    it('a 429 in the background says it will retry', async () => {
      server.plan({ kind: 'rateLimited' });
      const changed = new Promise<void>((resolve) => {
        const listener = metadata.onDidChange(() => {
          if (metadata.status(CLARA).state === 'unavailable') {
            listener.dispose();
            resolve();
          }
        });
      });
      metadata.request([CLARA]);
      await changed;
      assert.deepEqual(metadata.status(CLARA), { state: 'unavailable', reason: 'arXiv is rate-limiting, will retry' });
    });
  });

  it('retries every batch that failed, not only the last one', async () => {
    // A server of its own, so that no other request takes its planned answers.
    const own = await ArxivTestServer.start();
    const metadata = new ArxivMetadata({
      storageUri: vscode.Uri.file(path.join(tmp, `storage-batches-${Date.now()}`)),
      timeoutMs: 300,
      minIntervalMs: 0,
      // Longer than a request takes to fail: the first batch's retry still waits when the second fails.
      backoffBaseMs: 1000,
      settings: () => ({ enabled: true, apiUrl: own.url }),
    });
    try {
      // 101 ids: two requests of at most 100, CLaRa in the first, Netflix's paper in the second.
      const filler = Array.from({ length: 99 }, (_, i) => `2511.${String(10_000 + i)}`);
      const ids = [CLARA, ...filler, COLD_START];
      own.plan({ kind: 'slow', delayMs: 2000 }, { kind: 'slow', delayMs: 2000 });
      metadata.request(ids);
      await waitFor(() => metadata.status(CLARA).state === 'ready' && metadata.status(COLD_START).state === 'ready', 'both papers after the retries', 20_000);
      const asked = own.requests.slice(2).flatMap((request) => request.ids);
      assert.ok(asked.includes(CLARA) && asked.includes(COLD_START), 'both batches were asked for again');
    } finally {
      metadata.dispose();
      await own.close();
    }
  });

  describe('the cache', () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    /** A clock the test moves; nothing here waits on it (no spacing between requests). */
    const clock = { time: Date.now(), now: () => clock.time, sleep: () => Promise.resolve() };
    const storageUri = vscode.Uri.file(path.join(tmp, 'storage-cache'));
    // A server of its own: the extension's own instance (a panel's whole-issue request, a retry after
    // a 429 above) asks the suite's server whenever its queue gets to it, and would be counted here.
    let own: ArxivTestServer;
    before(async () => {
      own = await ArxivTestServer.start();
    });
    after(async () => {
      await own.close();
    });
    const open = () => new ArxivMetadata({ storageUri, minIntervalMs: 0, clock, settings: () => ({ enabled: true, apiUrl: own.url }) });
    const nothingAsked = () => new Promise((resolve) => setTimeout(resolve, 300));

    it('keeps what it fetched across a restart, and asks again only after 7 days, showing the old entry meanwhile', async () => {
      const lookups = () => own.requests;
      const first = open();
      await first.fetchMissing([CLARA]);
      assert.equal(first.status(CLARA).state, 'ready');
      assert.equal(lookups().length, 1);
      const cacheFile = vscode.Uri.joinPath(storageUri, 'arxiv-metadata.json');
      const cached = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(cacheFile).then((bytes) => bytes, () => new Uint8Array()));
      for (let tries = 0; !(await cached()).includes(CLARA); tries++) {
        assert.ok(tries < 100, 'the cache file never held CLaRa');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      first.dispose();

      // Asked for at once, before the cache file is read (a panel restored at start-up): the
      // file's entry is used, and nothing is fetched.
      const early = open();
      early.request([CLARA]);
      await early.loaded;
      await nothingAsked();
      assert.equal(lookups().length, 1, 'a paper asked for before the cache file was read was fetched again');
      assert.equal(early.status(CLARA).state, 'ready');
      early.dispose();

      // A new window: the entry comes from the file, and nothing is fetched for it.
      const second = open();
      await second.loaded;
      assert.equal(second.status(CLARA).state, 'ready', 'read back from the cache file');
      second.request([CLARA]);
      await nothingAsked();
      clock.time += 6 * DAY_MS;
      second.request([CLARA]);
      await nothingAsked();
      assert.equal(lookups().length, 1, `a six-day-old entry is not fetched again: ${own.requests.map((request) => request.url).join(' | ')}`);

      clock.time += 2 * DAY_MS;
      second.request([CLARA]);
      assert.equal(second.status(CLARA).state, 'ready', 'the old entry stays on show while it is refreshed');
      await waitFor(() => lookups().length === 2, 'a second request');
      assert.deepEqual(lookups()[1]?.ids, [CLARA]);
      second.dispose();
    });
  });
});
