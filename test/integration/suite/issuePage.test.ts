// Inside the real extension host: a paywalled issue as the e-mail has it (contents lines without
// their anchors, so every paper is searched for by its rewritten title) names its web page; Choose
// arXiv Match offers that page, and once it is imported beside the e-mail every paper of the issue
// shown has its real title as the page's anchors spell it, whichever copy the library shows, and a
// note written before is still on its paper. The page comes from a server on 127.0.0.1.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { ImportOutcome } from '../../../src/import/issueImporter';
import { webPageItem } from '../../../src/commands/arxivMatch';
import { matchRequestOf } from '../../../src/core/match/arxivSearchQuery';
import { findPaperTarget } from '../../../src/papers/paperTarget';
import { startNewsletterServer, type NewsletterServer } from '../../support/newsletterServer';
import { activate, waitFor, workspaceFolder } from '../helpers';

const file = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...parts);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const vol165 = (api: WeeklyPapersTestApi) => api.library.issues().find((entry) => entry.issue.volume === 165);
const NOTE = 'read before the reading group';

describe('real titles from the issue’s web page', function () {
  this.timeout(60_000);
  let api: WeeklyPapersTestApi;
  let server: NewsletterServer;
  let anchored: string;
  const emailCopy = () => file('issues', 'vol-165-email.txt');
  const pageCopy = () => file('issues', 'vol-165.txt');

  before(async () => {
    api = await activate();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const fixtures = path.join(extension.extensionUri.fsPath, 'test', 'fixtures');
    anchored = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, 'paywall', 'vol-132-contents-anchors.txt'))))
      .replace('Vol.132 for', 'Vol.165 for');
    server = await startNewsletterServer(path.join(fixtures, 'html'), { '/p/vol-165': { body: anchored, contentType: 'text/plain; charset=utf-8' } });
    const withoutAnchors = anchored.replace(/ https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g, '');
    assert.notEqual(withoutAnchors, anchored);
    await vscode.workspace.fs.writeFile(emailCopy(), encode(`View this post on the web at ${server.origin}/p/vol-165\n\n${withoutAnchors}`));
    await waitFor(() => vol165(api)?.issue.papers.length === 10, 'the e-mail’s Vol.165 with its ten papers');
  });

  after(async () => {
    await server.close();
    for (const uri of [emailCopy(), pageCopy()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await api.store.setNote(api.library.currentKey('vol165:#3'), '', { title: 'x', issueLabel: null, arxivId: null });
    await waitFor(() => vol165(api) === undefined, 'Vol.165 gone from the library');
  });

  it('offers the web page while a paper has no real title; imported, it gives every paper its real title and keeps the notes', async () => {
    const shown = vol165(api);
    assert.ok(shown);
    assert.equal(shown.issue.webUrl, `${server.origin}/p/vol-165`);
    assert.ok(shown.issue.papers.every((paper) => paper.titleHint === null), 'the e-mail has no anchors');
    await api.store.setNote('vol165:#3', NOTE, { title: 'x', issueLabel: null, arxivId: null });

    const before = findPaperTarget(api.library, api.store, 'vol165:#2');
    assert.ok(before);
    const item = webPageItem(before);
    assert.ok(item, 'Choose arXiv Match offers the issue’s web page');
    assert.equal(item.page, `${server.origin}/p/vol-165`);

    const outcome = await vscode.commands.executeCommand<ImportOutcome>(Command.importIssueFromUrl, item.page, { confirm: false });
    assert.equal(outcome.status, 'saved');
    assert.deepEqual(server.requests, ['/p/vol-165']);
    await waitFor(() => vol165(api)?.issue.papers.every((paper) => paper.titleHint !== null) ?? false, 'every paper of Vol.165 with its real title');

    const entry = vol165(api);
    assert.ok(entry);
    const second = entry.issue.papers.find((paper) => paper.number === 2);
    assert.ok(second);
    assert.equal(matchRequestOf(entry.issue, second).titleHint, 'llm reasoning for cold start item recommendation', 'the search asks for the real title');
    const after = findPaperTarget(api.library, api.store, 'vol165:#2');
    assert.ok(after);
    assert.equal(webPageItem(after), undefined, 'no longer offered once the paper has its real title');
    assert.equal(api.store.note(api.library.currentKey('vol165:#3')), NOTE, 'the note is still on paper 3');
  });
});
