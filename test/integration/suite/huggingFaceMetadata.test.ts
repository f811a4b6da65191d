// Hugging Face's paper pages in the real extension host, against a local stand-in for its API
// (test/support/huggingFaceServer.ts): a paper found with its code and linked artifacts, a paper
// Hugging Face does not have, the cache across a restart, the network switch, a 429's back-off,
// and answers refused for their size, their slowness or their shape. HuggingFaceMetadata is built
// directly, with its storage in a temporary folder and its settings pointing at the stand-in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HuggingFaceMetadata, type HuggingFaceMetadataOptions, type HuggingFaceStatus } from '../../../src/huggingface/huggingFaceMetadata';
import { HuggingFaceTestServer } from '../../support/huggingFaceServer';
import { waitFor } from '../helpers';

const CLARA = '2511.18659';
const COLD_START = '2511.18261';
const HOSTILE = '2511.19987';
const NOT_INDEXED = '2511.00001';
const TOO_LARGE = "Hugging Face's answer was larger than 1 MB, so it was not read";

describe('Hugging Face metadata', function () {
  this.timeout(60_000);
  let server: HuggingFaceTestServer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-hf-'));
  const open: HuggingFaceMetadata[] = [];
  let storageCount = 0;

  /** A new instance with its own storage (unless given), no spacing between requests, a short timeout and a long back-off. */
  function create(options: Partial<HuggingFaceMetadataOptions> = {}): HuggingFaceMetadata {
    const metadata = new HuggingFaceMetadata({
      storageUri: vscode.Uri.file(path.join(tmp, `storage-${++storageCount}`)),
      timeoutMs: 2000,
      minIntervalMs: 0,
      backoffBaseMs: 60_000,
      settings: () => ({ enabled: true, apiUrl: server.url }),
      ...options,
    });
    open.push(metadata);
    return metadata;
  }

  /** Asks for `id` and waits until its status is no longer `loading`. */
  async function lookUp(metadata: HuggingFaceMetadata, id: string): Promise<HuggingFaceStatus> {
    await metadata.loaded;
    metadata.request([id]);
    assert.equal(metadata.get(id).state, 'loading', 'asked for, the paper is loading');
    await waitFor(() => metadata.get(id).state !== 'loading', `${id} to settle`, 20_000);
    return metadata.get(id);
  }

  const nothingAsked = () => new Promise((resolve) => setTimeout(resolve, 300));

  before(async () => {
    server = await HuggingFaceTestServer.start();
  });

  beforeEach(() => server.reset());

  afterEach(() => {
    for (const metadata of open.splice(0)) metadata.dispose();
  });

  after(async () => {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('finds CLaRa with its GitHub repository, stars, project page, and the models and datasets that cite it', async () => {
    const metadata = create();
    const changed: string[] = [];
    metadata.onDidChange((ids) => changed.push(...ids));
    assert.deepEqual(await lookUp(metadata, CLARA), {
      state: 'ready',
      paper: {
        id: CLARA,
        title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
        upvotes: 87,
        githubRepo: 'https://github.com/apple/ml-clara',
        githubStars: 1342,
        projectPage: 'https://machinelearning.apple.com/research/clara',
        models: 2,
        datasets: 1,
      },
    });
    assert.deepEqual(server.requests.map((request) => request.path), [
      `/api/papers/${CLARA}`,
      `/api/models?filter=arxiv:${CLARA}&limit=100`,
      `/api/datasets?filter=arxiv:${CLARA}&limit=100`,
    ]);
    assert.ok(changed.includes(CLARA), 'onDidChange named the paper');
  });

  it('says a paper Hugging Face has not indexed is absent (404), not an error, and asks nothing more about it', async () => {
    const metadata = create();
    assert.deepEqual(await lookUp(metadata, NOT_INDEXED), { state: 'absent' });
    assert.deepEqual(server.requests.map((request) => request.path), [`/api/papers/${NOT_INDEXED}`]);
    metadata.request([NOT_INDEXED]);
    await nothingAsked();
    assert.equal(server.requests.length, 1, 'an absent paper is cached too');
  });

  it('keeps a paper without code, and drops a javascript: repository', async () => {
    const metadata = create({ countArtifacts: false });
    const coldStart = await lookUp(metadata, COLD_START);
    assert.equal(coldStart.state === 'ready' && coldStart.paper.githubRepo, null);
    const hostile = await lookUp(metadata, HOSTILE);
    assert.equal(hostile.state, 'ready');
    assert.equal(hostile.state === 'ready' && hostile.paper.githubRepo, null);
    assert.equal(hostile.state === 'ready' && hostile.paper.projectPage, null);
    assert.equal(hostile.state === 'ready' && hostile.paper.models, null, 'not counted when countArtifacts is false');
    assert.equal(server.requestsFor('models').length, 0);
  });

  it('keeps what it fetched across a restart; asks again after 7 days (1 for an absent paper), showing the old answer meanwhile', async () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    /** A clock the test moves; nothing here waits on it (no spacing between requests). */
    const clock = { time: Date.now(), now: () => clock.time, sleep: () => Promise.resolve() };
    const storageUri = vscode.Uri.file(path.join(tmp, 'storage-cache'));
    const first = create({ storageUri, clock });
    assert.equal((await lookUp(first, CLARA)).state, 'ready');
    assert.equal((await lookUp(first, NOT_INDEXED)).state, 'absent');
    const cacheFile = vscode.Uri.joinPath(storageUri, 'hugging-face-papers.json');
    const cached = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(cacheFile).then((bytes) => bytes, () => new Uint8Array()));
    for (let tries = 0; !(await cached()).includes(NOT_INDEXED); tries++) {
      assert.ok(tries < 100, 'the cache file never held the absent paper');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.dispose();
    const asked = server.requests.length;
    assert.equal(asked, 4, 'CLaRa (paper, models, datasets) and the absent paper');

    // Asked for at once, before the cache file is read (a panel restored at start-up): nothing is fetched.
    const early = create({ storageUri, clock });
    early.request([CLARA, NOT_INDEXED]);
    await early.loaded;
    await nothingAsked();
    assert.equal(server.requests.length, asked, 'a paper asked for before the cache file was read was fetched again');
    assert.equal(early.get(CLARA).state, 'ready');
    assert.equal(early.get(NOT_INDEXED).state, 'absent');
    early.dispose();

    const second = create({ storageUri, clock });
    await second.loaded;
    clock.time += 2 * DAY_MS;
    second.request([CLARA, NOT_INDEXED]);
    assert.equal(second.get(NOT_INDEXED).state, 'absent', 'the old answer stays on show while it is refreshed');
    await waitFor(() => server.requests.length === asked + 1, 'the absent paper asked for again after a day');
    await nothingAsked();
    assert.deepEqual(server.requests.slice(asked).map((request) => request.path), [`/api/papers/${NOT_INDEXED}`], 'a two-day-old paper is not asked for again');

    clock.time += 6 * DAY_MS;
    second.request([CLARA]);
    assert.equal(second.get(CLARA).state, 'ready', 'the old paper stays on show while it is refreshed');
    await waitFor(() => server.requestsFor('datasets').length === 2, 'CLaRa asked for again after 8 days');
  });

  it('fetches nothing with the network turned off, says so, and still shows what was cached', async () => {
    let enabled = true;
    const storageUri = vscode.Uri.file(path.join(tmp, 'storage-offline'));
    const metadata = create({ storageUri, countArtifacts: false, settings: () => ({ enabled, apiUrl: server.url }) });
    assert.equal((await lookUp(metadata, CLARA)).state, 'ready');
    enabled = false;
    server.reset();
    metadata.request([COLD_START]);
    assert.deepEqual(metadata.get(COLD_START), { state: 'disabled' });
    assert.equal(metadata.get(CLARA).state, 'ready', 'cached before the network was turned off');
    await nothingAsked();
    assert.deepEqual(server.requests, []);
  });

  it('says Hugging Face is rate-limiting on a 429, waits as Retry-After asks, then finds the paper', async () => {
    const metadata = create({ backoffBaseMs: 100, countArtifacts: false });
    server.plan({ kind: 'rateLimited', retryAfterSeconds: 1 });
    assert.deepEqual(await lookUp(metadata, CLARA), { state: 'unavailable', reason: 'Hugging Face is rate-limiting, will retry' });
    await waitFor(() => metadata.get(CLARA).state === 'ready', 'CLaRa after the retry', 20_000);
    const [first, second] = server.requestsFor('papers');
    assert.equal(server.requestsFor('papers').length, 2);
    assert.ok(first && second && second.at - first.at >= 1000, 'the retry waited for Retry-After');
  });

  it('stops the queue on a server error: the papers after it are not asked for now, and say why', async () => {
    const metadata = create({ countArtifacts: false });
    server.plan({ kind: 'serverError', status: 503 });
    await metadata.loaded;
    metadata.request([CLARA, COLD_START]);
    await waitFor(() => metadata.get(COLD_START).state === 'unavailable', 'the second paper to be unavailable');
    const reason = 'Hugging Face answered HTTP 503, will retry';
    assert.deepEqual(metadata.get(CLARA), { state: 'unavailable', reason });
    assert.deepEqual(metadata.get(COLD_START), { state: 'unavailable', reason });
    await nothingAsked();
    assert.equal(server.requests.length, 1);
  });

  for (const declared of [false, true]) {
    it(`refuses an answer over 1 MB ${declared ? 'by its Content-Length' : 'while it streams in'}, says so, and does not ask again`, async () => {
      const metadata = create();
      server.plan({ kind: 'huge', declared });
      assert.deepEqual(await lookUp(metadata, CLARA), { state: 'unavailable', reason: TOO_LARGE });
      await waitFor(() => server.abandonedBodies === 1, 'the server to see the download stopped');
      metadata.request([CLARA]);
      await nothingAsked();
      assert.equal(server.requests.length, 1, 'a refused answer is not retried');
    });
  }

  it('gives up on a slow answer after the timeout, and says so', async () => {
    const metadata = create({ timeoutMs: 300 });
    server.plan({ kind: 'slow', delayMs: 3000 });
    assert.deepEqual(await lookUp(metadata, CLARA), { state: 'unavailable', reason: 'Hugging Face did not answer in time, will retry' });
  });

  it('says an answer that is not JSON could not be read, without throwing', async () => {
    const metadata = create();
    server.plan({ kind: 'notJson' });
    assert.deepEqual(await lookUp(metadata, CLARA), { state: 'unavailable', reason: "Hugging Face's answer could not be read, will retry" });
  });

  it('sends nothing to an address that is not http(s), and names the setting', async () => {
    const metadata = create({ settings: () => ({ enabled: true, apiUrl: 'file:///etc/passwd' }) });
    assert.deepEqual(await lookUp(metadata, CLARA), {
      state: 'unavailable',
      reason: 'the Hugging Face address (weeklyPapers.huggingFaceApiUrl) is not an https:// address (http:// is allowed only for 127.0.0.1 or localhost)',
    });
    assert.deepEqual(server.requests, []);
  });
});
