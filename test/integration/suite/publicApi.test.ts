// The extension's exports, in the real extension host: the small public API users' scripts may
// rely on, and the test hooks only in Test mode (which is how this host runs it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { API_SEARCH_LIMIT, API_VERSION, exportsFor, type WeeklyPapersApi } from '../../../src/api';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { activate, waitFor } from '../helpers';

const CLARA = '2511.18659';
const SNAPSHOT = { title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning', issueLabel: null, arxivId: CLARA };

/** Only the members of the public API, as a script would see them after an installed activation. */
const PUBLIC_MEMBERS = ['apiVersion', 'issues', 'onDidChange', 'ready', 'search'];

describe('The public API', () => {
  let api: WeeklyPapersTestApi;
  before(async () => {
    api = await activate();
  });
  afterEach(async () => {
    await api.store.setStatus(CLARA, null, SNAPSHOT);
  });

  it('lists the issues, newest first, with their papers as plain data', () => {
    assert.equal(api.apiVersion, API_VERSION);
    const issues = api.issues();
    const sample = issues.find((issue) => issue.volume === 132);
    assert.ok(sample, 'the bundled Vol.132 is listed');
    assert.equal(sample.papers.length, 10);
    const clara = sample.papers.find((paper) => paper.arxivId === CLARA);
    assert.equal(clara?.org, 'Apple');
    assert.equal(clara?.status, null);
    assert.deepEqual(issues.map((issue) => issue.volume), api.library.issues().map((entry) => entry.issue.volume), 'in the library’s order, newest first');
    assert.doesNotThrow(() => JSON.stringify(issues), 'plain data, no classes or cycles');
  });

  it('searches by words, best first, within its limit whatever is asked', () => {
    assert.equal(api.search('continuous latent')[0]?.arxivId, CLARA);
    assert.equal(api.search('retrieval', 2).length, 2);
    assert.equal(api.search('retrieval', -5).length, 0);
    assert.ok(api.search('retrieval', 1e9).length <= API_SEARCH_LIMIT);
    assert.deepEqual(api.search('zzqxnotaword'), []);
  });

  it('tells a script when a reading status changes, and the change is in what it reads next', async () => {
    let fired = 0;
    const listening = api.onDidChange(() => fired++);
    try {
      await api.store.setStatus(CLARA, 'reading', SNAPSHOT);
      await waitFor(() => fired > 0, 'onDidChange after a status change');
      const clara = api.issues().flatMap((issue) => issue.papers).find((paper) => paper.arxivId === CLARA);
      assert.equal(clara?.status, 'reading');
    } finally {
      listening.dispose();
    }
  });

  it('hands its internals only to tests: an installed extension exports the public API alone', () => {
    const publicOnly: WeeklyPapersApi = { apiVersion: API_VERSION, ready: api.ready, issues: api.issues, search: api.search, onDidChange: api.onDidChange };
    const hooks = { library: api.library, store: api.store };
    for (const mode of [vscode.ExtensionMode.Production, vscode.ExtensionMode.Development]) {
      assert.deepEqual(Object.keys(exportsFor(mode, publicOnly, hooks)).sort(), PUBLIC_MEMBERS, `mode ${mode}`);
    }
    const inTests = exportsFor(vscode.ExtensionMode.Test, publicOnly, hooks);
    assert.ok('library' in inTests && 'store' in inTests, 'Test mode adds the hooks');
    assert.ok('library' in api, 'this host runs the extension in Test mode, so its exports have the hooks');
  });
});
