// "Import Issue from Clipboard / File... / URL..." in the real extension host, on a temporary copy
// of test/workspace/. URLs are served by test/support/newsletterServer.ts on 127.0.0.1: no test
// reaches the internet. Volumes 160-166 are used by no other test; their files are deleted after.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID, Setting } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { ImportOutcome } from '../../../src/import/issueImporter';
import { startNewsletterServer, type NewsletterServer } from '../../support/newsletterServer';
import { activate, workspaceFolder as folder } from '../helpers';

const WAIT_MS = 5000;
const VOLUMES = [160, 161, 162, 163, 166];

const issuesFolder = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'issues');
const imported = (volume: number): vscode.Uri => vscode.Uri.joinPath(issuesFolder(), `vol-${volume}.txt`);
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const listIssues = async (): Promise<string[]> => (await vscode.workspace.fs.readDirectory(issuesFolder())).map(([name]) => name).sort();

/** Vol.131 of the test workspace as another volume. */
async function issueText(volume: number): Promise<string> {
  return (await read(vscode.Uri.joinPath(folder(), 'issues', 'vol-131.txt'))).replace('Vol.131 for', `Vol.${volume} for`);
}

function libraryHas(api: WeeklyPapersTestApi, volume: number, from: vscode.Uri): boolean {
  return api.library.issues().some((entry) => entry.issue.volume === volume && entry.source.id === from.toString());
}

async function until(api: WeeklyPapersTestApi, what: string, condition: () => boolean, ms = WAIT_MS): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) assert.fail(`timed out after ${ms} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  void api;
}

function saved(outcome: ImportOutcome): Extract<ImportOutcome, { status: 'saved' }> {
  if (outcome.status !== 'saved') assert.fail(outcome.status === 'failed' ? outcome.message : 'the import was cancelled');
  return outcome;
}

describe('Import Issue', () => {
  let server: NewsletterServer;
  const fixtures = (): string => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    return path.join(extension.extensionUri.fsPath, 'test', 'fixtures', 'html');
  };

  before(async () => {
    const origin = (): string => server.origin;
    server = await startNewsletterServer(fixtures(), {
      '/p/vol-162': { file: 'vol-132-post.html', rewrite: (body) => body.replaceAll('Vol.132 for', 'Vol.162 for') },
      '/p/vol-163-paywalled': { file: 'vol-140-paywalled.html', rewrite: (body) => body.replaceAll('Vol.140 for', 'Vol.163 for') },
      '/about': { file: 'about-page.html' },
      '/feed': {
        file: 'feed.xml',
        contentType: 'application/rss+xml; charset=utf-8',
        rewrite: (body) => body.replace('https://recsys.substack.com/p/query-performance-prediction-with</link>', `${origin()}/p/vol-162</link>`),
      },
      '/slow': { file: 'vol-132-post.html', delayMs: 3000 },
      '/broken': { status: 500, body: 'Internal Server Error', contentType: 'text/plain' },
      '/deep': { body: `<!doctype html><html><body>${'<div>'.repeat(5_000)}Vol.164 for Dec 1 - Dec 7, 2025${'</div>'.repeat(5_000)}</body></html>` },
      '/huge': { body: `<html><body>${'<p>Vol.164 for Jan 1 - Jan 7, 2026</p>'.repeat(200_000)}</body></html>` },
    });
  });

  after(async () => {
    const api = await activate();
    await server.close();
    for (const volume of VOLUMES) {
      await Promise.resolve(vscode.workspace.fs.delete(imported(volume), { useTrash: false })).then(undefined, () => undefined);
    }
    await until(api, 'the imported volumes are gone from the library', () => !api.library.issues().some((entry) => VOLUMES.includes(entry.issue.volume ?? -1)));
  });

  it('contributes its three commands in the palette', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [Command.importIssueFromClipboard, Command.importIssueFromFile, Command.importIssueFromUrl]) assert.ok(registered.has(id), id);
  });

  it('imports the clipboard into issues/vol-N.txt, which the library then holds', async () => {
    const api = await activate();
    const text = await issueText(160);
    await vscode.env.clipboard.writeText(text);
    const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false }));
    assert.equal(outcome.uri.toString(), imported(160).toString());
    assert.equal(outcome.issue.volume, 160);
    assert.equal(outcome.replaced, false);
    assert.equal(await read(imported(160)), text.endsWith('\n') ? text : `${text}\n`);
    await until(api, 'Vol.160 is in the library', () => libraryHas(api, 160, imported(160)));
    assert.ok(!(await listIssues()).some((name) => name.endsWith('.tmp')), 'no temporary file is left');
  });

  it('refuses HTML on the clipboard over 5 MB with a sentence, and writes nothing', async () => {
    // Text over 32 million characters gets its sentence from the same check as a file's (fileBounds);
    // it is not tried here: 33 MB through VS Code's clipboard takes longer than the test may.
    const before = await listIssues();
    try {
      await vscode.env.clipboard.writeText(`<html><body>${'<p>Vol.164 for Jan 1 - Jan 7, 2026</p>'.repeat(150_000)}</body></html>`);
      const html = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false });
      assert.equal(html.status, 'failed');
      assert.equal((html as { message: string }).message, 'The HTML on the clipboard is too large to be read (over 5 MB of text); nothing was saved.');
    } finally {
      await vscode.env.clipboard.writeText('');
    }
    assert.deepEqual(await listIssues(), before);
  });

  it('re-importing the same volume replaces its file and keeps the notes of its papers', async () => {
    const api = await activate();
    await until(api, 'Vol.160 is in the library', () => libraryHas(api, 160, imported(160)));
    const paper = api.library.issues().find((entry) => entry.issue.volume === 160)?.issue.papers[0];
    assert.ok(paper);
    await api.store.setNote(paper.key, 'Read before the meeting.', { title: paper.title, issueLabel: 'Vol.160', arxivId: paper.arxivId });
    try {
      const changed = (await issueText(160)).replace(paper.title, `${paper.title} (revised)`);
      await vscode.env.clipboard.writeText(changed);
      const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false }));
      assert.equal(outcome.replaced, true);
      assert.match(await read(imported(160)), /\(revised\)/);
      await until(api, 'the library holds the revised Vol.160', () =>
        api.library.issues().some((entry) => entry.issue.volume === 160 && entry.issue.papers.some((p) => p.title.endsWith('(revised)'))),
      );
      assert.equal(api.store.note(paper.key), 'Read before the meeting.');
      assert.equal((await listIssues()).filter((name) => name === 'vol-160.txt').length, 1);
    } finally {
      await api.store.setNote(paper.key, '', { title: paper.title, issueLabel: 'Vol.160', arxivId: paper.arxivId });
    }
  });

  it('imports a file given as a Uri', async () => {
    const api = await activate();
    const source = vscode.Uri.file(path.join(os.tmpdir(), `weekly-papers-import-${process.pid}.txt`));
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(await issueText(161)));
    try {
      const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromFile, source, { confirm: false }));
      assert.equal(outcome.uri.toString(), imported(161).toString());
      await until(api, 'Vol.161 is in the library', () => libraryHas(api, 161, imported(161)));
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(source)).then(undefined, () => undefined);
    }
  });

  it('imports a post page from a URL as the text the parser reads', async () => {
    const api = await activate();
    const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/p/vol-162`, { confirm: false }));
    assert.equal(outcome.issue.volume, 162);
    assert.equal(outcome.issue.papers.length, 10);
    assert.equal(outcome.issue.extras.length, 1);
    const text = await read(imported(162));
    assert.match(text, /^Unifying Retrieval and Generation.*\nVol\.162 for Nov 24 - Nov 30, 2025\n/);
    assert.match(text, /^📚 https:\/\/arxiv\.org\/abs\/2511\.18659$/m);
    assert.doesNotMatch(text, /<|window\._preloads|Privacy/);
    await until(api, 'Vol.162 is in the library', () => libraryHas(api, 162, imported(162)));
  });

  it('imports a post picked from the feed', async () => {
    const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/feed`, { confirm: false, feedItem: 0 }));
    assert.equal(outcome.issue.volume, 162);
    assert.equal(outcome.replaced, true);
    assert.ok(server.requests.includes('/feed'));
  });

  it('imports a paywalled post with what is there, and says it is cut off', async () => {
    const api = await activate();
    const outcome = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/p/vol-163-paywalled`, { confirm: false }));
    assert.equal(outcome.issue.volume, 163);
    assert.equal(outcome.issue.highlights.length, 10);
    assert.ok(outcome.issue.cutOff, 'the issue is cut off');
    assert.ok(outcome.diagnostics.some((d) => d.code === 'cut-off'));
    assert.match(await read(imported(163)), /^Keep reading with a 7-day free trial$/m);
    await until(api, 'Vol.163 is in the library', () => libraryHas(api, 163, imported(163)));
  });

  it('says when the reader’s settings will hide what it saves: files.exclude, or the issueFiles glob', async () => {
    const api = await activate();
    const config = () => vscode.workspace.getConfiguration();
    const saved_ = { importFolder: config().inspect(Setting.importFolder)?.workspaceValue, issueFiles: config().inspect(Setting.issueFiles)?.workspaceValue };
    const hiddenFile = vscode.Uri.joinPath(folder(), 'hidden-issues', 'vol-164.txt');
    const inboxFile = vscode.Uri.joinPath(folder(), 'inbox', 'vol-165.txt');
    try {
      // The test workspace's files.exclude hides **/hidden-issues.
      await config().update(Setting.importFolder, 'hidden-issues', vscode.ConfigurationTarget.Workspace);
      await vscode.env.clipboard.writeText(await issueText(164));
      const hidden = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false }));
      assert.equal(hidden.uri.toString(), hiddenFile.toString());
      assert.match(hidden.hiddenBy ?? '', /files\.exclude setting hides hidden-issues\/vol-164\.txt/);

      await config().update(Setting.importFolder, 'inbox', vscode.ConfigurationTarget.Workspace);
      await config().update(Setting.issueFiles, 'issues/**/*.txt', vscode.ConfigurationTarget.Workspace);
      await vscode.env.clipboard.writeText(await issueText(165));
      const unmatched = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false }));
      assert.equal(unmatched.uri.toString(), inboxFile.toString());
      assert.match(unmatched.hiddenBy ?? '', /inbox\/vol-165\.txt, does not match the weeklyPapers\.issueFiles setting \(issues\/\*\*\/\*\.txt\)/);

      // And it is right: neither shows up. A file written after them, that the settings show,
      // is seen no sooner than they would be.
      await vscode.workspace.fs.writeFile(imported(166), new TextEncoder().encode(await issueText(166)));
      await until(api, 'Vol.166 is in the library', () => libraryHas(api, 166, imported(166)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!api.library.issues().some((entry) => [164, 165].includes(entry.issue.volume ?? -1)), 'a file said to be hidden is in the library');

      await config().update(Setting.issueFiles, saved_.issueFiles, vscode.ConfigurationTarget.Workspace);
      await vscode.env.clipboard.writeText(await issueText(165));
      const shown = saved(await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromClipboard, { confirm: false }));
      assert.equal(shown.hiddenBy, null, 'with the default glob, inbox/ is read');
      await until(api, 'Vol.165 is in the library', () => libraryHas(api, 165, inboxFile));
    } finally {
      await config().update(Setting.importFolder, saved_.importFolder, vscode.ConfigurationTarget.Workspace);
      await config().update(Setting.issueFiles, saved_.issueFiles, vscode.ConfigurationTarget.Workspace);
      for (const uri of [hiddenFile, inboxFile]) await Promise.resolve(vscode.workspace.fs.delete(uri, { useTrash: false })).then(undefined, () => undefined);
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'inbox'), { recursive: true, useTrash: false })).then(undefined, () => undefined);
      await until(api, 'Vol.165 is gone', () => !api.library.issues().some((entry) => entry.issue.volume === 165));
    }
  });

  it('refuses a page that is not an issue, a server error, a slow server, a page over 5 MB, an address over 2048 characters, a non-web address and a page nested too deeply, and writes nothing', async () => {
    const before = await listIssues();
    const notAnIssue = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/about`, { confirm: false });
    assert.equal(notAnIssue.status, 'failed');
    assert.match((notAnIssue as { message: string }).message, /is not a newsletter issue/);

    const broken = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/broken`, { confirm: false });
    assert.equal(broken.status, 'failed');
    assert.match((broken as { message: string }).message, /answered 500/);

    const slow = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/slow`, { confirm: false, timeoutMs: 300 });
    assert.equal(slow.status, 'failed');
    assert.match((slow as { message: string }).message, /did not answer within/);

    const huge = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/huge`, { confirm: false });
    assert.equal(huge.status, 'failed');
    assert.equal((huge as { message: string }).message, `The page at ${server.origin}/huge is larger than 5 MB; nothing was saved.`);

    const long = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/p/vol-162?q=${'a'.repeat(100_000)}`, { confirm: false });
    assert.equal(long.status, 'failed');
    assert.match((long as { message: string }).message, /^This address is \d+ characters long, and Weekly Papers reads addresses of at most 2048 characters; nothing was fetched\./);

    const file = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, 'file:///etc/passwd', { confirm: false });
    assert.equal(file.status, 'failed');
    assert.match((file as { message: string }).message, /not a web address/);

    const deep = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, `${server.origin}/deep`, { confirm: false });
    assert.equal(deep.status, 'failed');
    assert.match((deep as { message: string }).message, /^The page at .*\/deep is nested too deeply \(over 512 levels\) to be read; nothing was saved\.$/);

    assert.deepEqual(await listIssues(), before);
  });
});
