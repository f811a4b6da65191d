// Inside the real extension host: a paywalled issue pasted as web text (its contents lines
// without their anchors, and no address of its page) gets its papers' real titles from the
// newsletter's site without the reader importing anything: the feed (weeklyPapers.feedUrl, a
// server on 127.0.0.1) lists the post for its volume, the post's contents anchors spell the
// titles, and the papers' arXiv searches wait for them and then ask for them. An e-mail whose
// page is on the site is read from that page directly; one whose page is elsewhere is not fetched.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, Setting } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { matchRequestOf } from '../../../src/core/match/arxivSearchQuery';
import { startNewsletterServer, type NewsletterServer } from '../../support/newsletterServer';
import { activate, waitFor, workspaceFolder } from '../helpers';

const file = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...parts);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const config = () => vscode.workspace.getConfiguration();
const ANCHORS = / https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g;
const NOTE = 'compare with our baseline';

function feed(origin: string, items: ReadonlyArray<{ volume: number; path: string }>): string {
  const entries = items
    .map(({ volume, path: at }) => `<item><title><![CDATA[Headline of ${volume}]]></title><description><![CDATA[Vol.${volume} for Mar 2 - Mar 8, 2026]]></description><link>${origin}${at}</link><pubDate>Mon, 09 Mar 2026 08:05:44 GMT</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Top Information Retrieval Papers of the Week</title><link>${origin}</link>${entries}</channel></rss>`;
}

/** Posts of Substack's archive from `offset` on (twelve, newest first): Vol.170 published on Apr 20, 2026, each volume a week before the next. */
function archivePosts(origin: string, offset: number): object[] {
  const newest = Date.parse('2026-04-20T08:00:00Z');
  const posts: object[] = [];
  for (let k = offset; k < offset + 12 && 170 - k >= 1; k++) {
    const volume = 170 - k;
    posts.push({ id: volume, title: `Headline of ${volume}`, subtitle: `Vol.${volume} for a week`, post_date: new Date(newest - k * 7 * 86_400_000).toISOString(), canonical_url: `${origin}/p/vol-${volume}`, audience: 'only_paid' });
  }
  return posts;
}

describe('real titles from the newsletter’s site, unasked', function () {
  this.timeout(60_000);
  let api: WeeklyPapersTestApi;
  let server: NewsletterServer;
  let anchored: string;
  const savedFeed = config().inspect<string>(Setting.feedUrl)?.globalValue;
  const pasted = () => file('issues', 'vol-166-pasted.txt');
  const email = () => file('issues', 'vol-167-email.txt');
  const elsewhere = () => file('issues', 'vol-168-email.txt');
  const old = () => file('issues', 'vol-150-pasted.txt');
  const volume = (n: number) => api.library.issues().find((entry) => entry.issue.volume === n);
  const hints = (n: number) => volume(n)?.issue.papers.map((paper) => paper.titleHint) ?? [];

  before(async () => {
    api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const fixtures = path.join(extension.extensionUri.fsPath, 'test', 'fixtures');
    anchored = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, 'paywall', 'vol-132-contents-anchors.txt'))));
    const as = (n: number) => anchored.replace('Vol.132 for', `Vol.${n} for`);
    let origin = '';
    server = await startNewsletterServer(path.join(fixtures, 'html'), {
      // The feed answers after a while: long enough to see the searches wait.
      '/feed': { rewrite: () => feed(origin, [{ volume: 166, path: '/p/vol-166' }, { volume: 170, path: '/p/vol-170' }]), contentType: 'application/rss+xml', delayMs: 1500 },
      '/p/vol-166': { body: as(166), contentType: 'text/plain; charset=utf-8' },
      '/p/vol-167': { body: as(167), contentType: 'text/plain; charset=utf-8' },
      '/p/vol-150': { body: as(150), contentType: 'text/plain; charset=utf-8' },
      // Substack's archive: a weekly post per volume, Vol.170 the newest; Vol.150 is too old for the feed.
      '/api/v1/archive': { respond: (url) => JSON.stringify(archivePosts(origin, Number(url.searchParams.get('offset') ?? 0))), contentType: 'application/json; charset=utf-8' },
    });
    origin = server.origin;
    await config().update(Setting.feedUrl, `${server.origin}/feed`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update(Setting.feedUrl, savedFeed, vscode.ConfigurationTarget.Global);
    await server.close();
    for (const uri of [pasted(), email(), elsewhere(), old()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await api.store.setNote(api.library.currentKey('vol166:#2'), '', { title: 'x', issueLabel: null, arxivId: null });
    await waitFor(() => [150, 166, 167, 168].every((n) => volume(n) === undefined), 'the test’s issues gone from the library');
  });

  it('gives a pasted paywalled issue its real titles from the feed’s post, and its searches wait for them and ask for them', async () => {
    const withoutAnchors = anchored.replace(ANCHORS, '').replace('Vol.132 for', 'Vol.166 for');
    assert.notEqual(withoutAnchors, anchored);
    await vscode.workspace.fs.writeFile(pasted(), encode(withoutAnchors));
    await waitFor(() => volume(166)?.issue.papers.length === 10, 'the pasted Vol.166 with its ten papers');
    const shown = volume(166)!;
    assert.equal(shown.issue.webUrl, null, 'pasted web text names no page');
    assert.ok(shown.issue.papers.every((paper) => paper.titleHint === null));
    await api.store.setNote('vol166:#2', NOTE, { title: 'x', issueLabel: null, arxivId: null });
    assert.equal(api.pageTitles.waiting(shown.issue), true, 'its searches wait while the feed is read');
    const second = shown.issue.papers[1]!;
    assert.notEqual(api.matcher.status('vol166:#2', second).kind, 'searching');
    const waitingStatus = api.matcher.status('vol166:#2', second, shown.issue);
    assert.equal(waitingStatus.kind === 'notYet' ? waitingStatus.reason : waitingStatus.kind, 'its real title is being looked up on the newsletter’s site first', 'the panel says why it is not searched yet');

    await waitFor(() => hints(166).every((hint) => hint !== null), 'every paper of Vol.166 with its real title', 15_000);
    // (The test workspace's other paywalled issues, too old for the feed, are looked for in the archive.)
    assert.deepEqual(server.requests.filter((at) => at !== '/p/vol-167' && at !== '/api/v1/archive'), ['/feed', '/p/vol-166']);
    const entry = volume(166)!;
    assert.equal(api.pageTitles.waiting(entry.issue), false);
    assert.equal(matchRequestOf(entry.issue, entry.issue.papers[1]!).titleHint, 'llm reasoning for cold start item recommendation', 'the search asks for the real title');
    assert.equal(api.store.note(api.library.currentKey('vol166:#2')), NOTE, 'the note is still on paper 2');
  });

  it('reads an e-mail’s page when it is on the newsletter’s site, and never one elsewhere', async () => {
    const withoutAnchors = (n: number) => anchored.replace(ANCHORS, '').replace('Vol.132 for', `Vol.${n} for`);
    await vscode.workspace.fs.writeFile(email(), encode(`View this post on the web at ${server.origin}/p/vol-167\n\n${withoutAnchors(167)}`));
    // The same server under another name: another site, for the extension.
    const other = server.origin.replace('127.0.0.1', 'localhost');
    await vscode.workspace.fs.writeFile(elsewhere(), encode(`View this post on the web at ${other}/p/vol-167\n\n${withoutAnchors(168)}`));
    await waitFor(() => hints(167).length === 10 && hints(167).every((hint) => hint !== null), 'every paper of Vol.167 with its real title', 15_000);
    await api.pageTitles.idle();
    assert.equal(server.requests.filter((at) => at === '/p/vol-167').length, 1, 'Vol.167’s page, once; Vol.168’s address (another site) never');
    assert.equal(volume(168)?.issue.papers.length, 10);
    assert.ok(hints(168).every((hint) => hint === null), 'Vol.168 is not in the feed, and its page is on another site');
    assert.equal(api.pageTitles.waiting(volume(168)!.issue), false, 'its searches no longer wait');
  });

  it('finds the post of an issue too old for the feed in the site’s archive, in a request or two', async () => {
    await api.pageTitles.idle();
    const before = server.addresses.length;
    await vscode.workspace.fs.writeFile(old(), encode(anchored.replace(ANCHORS, '').replace('Vol.132 for', 'Vol.150 for')));
    await waitFor(() => hints(150).length === 10 && hints(150).every((hint) => hint !== null), 'every paper of Vol.150 with its real title', 15_000);
    const archive = server.addresses.slice(before).filter((at) => at.startsWith('/api/v1/archive'));
    assert.ok(archive.length >= 1 && archive.length <= 2, `archive pages read: ${archive.join(', ')}`);
    assert.match(archive[0]!, /^\/api\/v1\/archive\?sort=new&offset=\d+&limit=12$/);
    assert.equal(server.requests.filter((at) => at === '/p/vol-150').length, 1);
    assert.equal(matchRequestOf(volume(150)!.issue, volume(150)!.issue.papers[1]!).titleHint, 'llm reasoning for cold start item recommendation');
  });
});
