// Runs inside the real VS Code extension host, on a temporary copy of test/workspace/: issue files
// found in the workspace, followed as they are created, edited, renamed and deleted, with their
// problems in the Problems panel. Waits are bounded and end on the library's change event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, EXTENSION_ID, Setting } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { SourcedIssue } from '../../../src/core/model/library';
import { activate, workspaceFolder as folder } from '../helpers';

/** How long a change may take to show before a test fails (the aim is well under a second). */
const WAIT_MS = 5000;

const file = (...path: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ...path);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** Resolves as soon as `condition` holds (checked on every library change, and every 100 ms); fails after `ms`. */
async function until(api: WeeklyPapersTestApi, what: string, condition: () => boolean, ms = WAIT_MS): Promise<number> {
  const start = Date.now();
  if (condition()) return 0;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      stop();
      clearInterval(poll);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      if (condition()) done();
    };
    const stop = api.library.onDidChange(check);
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => done(new Error(`timed out after ${ms} ms waiting until ${what}`)), ms);
  });
  return Date.now() - start;
}

function issuesFrom(api: WeeklyPapersTestApi, uri: vscode.Uri): SourcedIssue[] {
  return api.library.issues().filter((entry) => entry.source.id === uri.toString());
}

function volumes(api: WeeklyPapersTestApi): Array<number | null> {
  return api.library.issues().map((entry) => entry.issue.volume);
}

async function rootLabels(api: WeeklyPapersTestApi): Promise<string[]> {
  const roots = (await api.issuesTree.getChildren()) ?? [];
  const items = await Promise.all(roots.map(async (node) => await api.issuesTree.getTreeItem(node)));
  return items.map((item) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? '')));
}

function problems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Weekly Papers');
}

/** Vol.131 of test/workspace/issues as another volume: a real issue under a new number. */
async function issueText(volume: number): Promise<string> {
  const text = await read(file('issues', 'vol-131.txt'));
  return text.replace('Vol.131 for Nov 17 - Nov 23, 2025', `Vol.${volume} for Nov 17 - Nov 23, 2025`);
}

/** The bundled sample (Vol.132): a complete issue with no problems. */
async function sampleText(): Promise<string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return read(vscode.Uri.joinPath(extension.extensionUri, 'media', 'sample', 'vol-132.txt'));
}

/** Files the tests create, deleted after each test whatever happened. */
const created: vscode.Uri[] = [];

async function write(uri: vscode.Uri, text: string): Promise<void> {
  created.push(uri);
  await vscode.workspace.fs.writeFile(uri, encode(text));
}

describe('issue files in the workspace', () => {
  afterEach(async () => {
    for (const uri of created.splice(0)) {
      await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).then(undefined, () => undefined);
    }
  });

  it('finds the workspace’s issue files at start and shows them in the tree beside the sample', async () => {
    const api = await activate();
    assert.deepEqual(issuesFrom(api, file('issues', 'vol-131.txt')).map((entry) => entry.issue.volume), [131]);
    assert.deepEqual(issuesFrom(api, file('broken', 'vol-141-cut.txt')).map((entry) => entry.issue.volume), [141]);
    const labels = await rootLabels(api);
    for (const label of ['Vol.141 · Jan 26 – Feb 1, 2026', 'Vol.132 · Nov 24 – Nov 30, 2025', 'Vol.131 · Nov 17 – Nov 23, 2025']) {
      assert.ok(labels.includes(label), `no "${label}" among the roots: ${labels.join(' | ')}`);
    }
    const vol131 = issuesFrom(api, file('issues', 'vol-131.txt'))[0];
    assert.equal(vol131?.source.label, 'issues/vol-131.txt');
    assert.equal(vol131?.source.bundled, false);
  });

  it('never reads node_modules or what files.exclude hides, and ignores a file that is not an issue', async () => {
    const api = await activate();
    // The fixtures are there (a missing one would make this test pass for nothing)…
    for (const path of [['node_modules', 'pkg', 'vol-999.txt'], ['hidden-issues', 'vol-997.txt'], ['notes', 'not-an-issue.md']]) {
      await vscode.workspace.fs.stat(file(...path));
    }
    // …and real issues (Vol.999, Vol.997), yet they never reach the library.
    assert.ok(!volumes(api).includes(999), 'an issue in node_modules was read');
    assert.ok(!volumes(api).includes(997), 'an issue hidden by files.exclude was read');
    const ids = api.library.issues().map((entry) => entry.source.id);
    assert.ok(!ids.some((id) => /node_modules|hidden-issues|notes|README/.test(id)), `sources: ${ids.join(', ')}`);
    assert.deepEqual(problems(file('notes', 'not-an-issue.md')), []);
    assert.deepEqual(problems(file('README.md')), []);
    assert.deepEqual(problems(file('node_modules', 'pkg', 'vol-999.txt')), []);
  });

  it('shows an issue file’s problems in the Problems panel, on their lines', async () => {
    await activate();
    const cut = problems(file('broken', 'vol-141-cut.txt'));
    assert.equal(cut.length, 1, JSON.stringify(cut));
    const warning = cut[0] as vscode.Diagnostic;
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.code, 'cut-off');
    assert.equal(warning.range.start.line, 17, 'the cut-off is reported on line 18, where the paywall starts');
    assert.match(warning.message, /cut off \(paywall\): the sections of 7 of the 8 papers in its contents are missing/);
    const lines = (await read(file('broken', 'vol-141-cut.txt'))).split('\n');
    assert.equal(lines[17], 'Keep reading with a 7-day free trial');
    assert.equal(warning.range.end.character, 'Keep reading with a 7-day free trial'.length);

    const noLinks = problems(file('issues', 'vol-131.txt'));
    assert.deepEqual(noLinks.map((d) => [d.code, d.range.start.line]), [['no-links', 15]]);
  });

  it('picks up a new issue file, an edit, a rename and a delete while VS Code runs', async () => {
    const api = await activate();
    const vol131 = issuesFrom(api, file('issues', 'vol-131.txt'))[0]?.issue;
    assert.ok(vol131);
    const first = file('issues', 'vol-150.txt');
    let start = Date.now();
    await write(first, await issueText(150));
    await until(api, 'Vol.150 is in the library', () => issuesFrom(api, first).length === 1);
    const createMs = Date.now() - start;
    assert.equal(issuesFrom(api, first)[0]?.issue.papers.length, 4);
    assert.ok((await rootLabels(api)).includes('Vol.150 · Nov 17 – Nov 23, 2025'));

    // An edit: paper [4] goes.
    const edited = (await issueText(150)).replace(/\[4\] FlashRerank[\s\S]*?(?=I hope this weekly roundup)/, '');
    start = Date.now();
    await vscode.workspace.fs.writeFile(first, encode(edited));
    // Paper [4]'s section is gone; its contents line still lists it, incomplete.
    await until(api, 'Vol.150 has three complete papers', () => issuesFrom(api, first)[0]?.issue.papers.filter((paper) => paper.complete).length === 3);
    assert.equal(issuesFrom(api, first)[0]?.issue.papers.length, 4);
    const editMs = Date.now() - start;

    // A rename: the issue moves to the new file, and is there once.
    const renamed = file('issues', 'vol-150-renamed.txt');
    created.push(renamed);
    start = Date.now();
    await vscode.workspace.fs.rename(first, renamed);
    await until(api, 'Vol.150 comes from the new name only', () => issuesFrom(api, renamed).length === 1 && issuesFrom(api, first).length === 0);
    const renameMs = Date.now() - start;
    assert.equal(volumes(api).filter((volume) => volume === 150).length, 1);
    assert.equal(issuesFrom(api, renamed)[0]?.source.label, 'issues/vol-150-renamed.txt');

    start = Date.now();
    await vscode.workspace.fs.delete(renamed);
    await until(api, 'Vol.150 is gone', () => !volumes(api).includes(150));
    const deleteMs = Date.now() - start;
    // The workspace was listed again for the new names, but an unchanged file is never read again.
    assert.equal(issuesFrom(api, file('issues', 'vol-131.txt'))[0]?.issue, vol131, 'issues/vol-131.txt was read again');
    console.log(`      [timing] writeFile → library: create ${createMs} ms, edit ${editMs} ms, rename ${renameMs} ms, delete ${deleteMs} ms`);
  });

  it('clears a file’s problems when it is fixed, and when it is deleted', async () => {
    const api = await activate();
    const cutText = await read(file('broken', 'vol-141-cut.txt'));
    const uri = file('broken', 'vol-151-cut.txt');
    await write(uri, cutText.replace('Vol.141 for', 'Vol.151 for'));
    await until(api, 'Vol.151 is in the library', () => issuesFrom(api, uri).length === 1);
    assert.deepEqual(problems(uri).map((d) => d.code), ['cut-off']);

    // Fixed: the whole issue is pasted in (here: the complete sample under the same volume).
    const complete = (await sampleText()).replace('Vol.132 for', 'Vol.151 for');
    await vscode.workspace.fs.writeFile(uri, encode(complete));
    await until(api, 'Vol.151 is no longer cut off', () => issuesFrom(api, uri)[0]?.issue.cutOff === null);
    assert.deepEqual(problems(uri), []);

    await vscode.workspace.fs.writeFile(uri, encode(cutText.replace('Vol.141 for', 'Vol.151 for')));
    await until(api, 'Vol.151 is cut off again', () => issuesFrom(api, uri)[0]?.issue.cutOff !== null);
    assert.equal(problems(uri).length, 1);
    await vscode.workspace.fs.delete(uri);
    await until(api, 'Vol.151 is gone', () => issuesFrom(api, uri).length === 0);
    assert.deepEqual(problems(uri), []);
  });

  it('forgets a file that stops being an issue, and never reads new files in node_modules or files.exclude', async () => {
    const api = await activate();
    const uri = file('notes', 'vol-152.md');
    await write(uri, await issueText(152));
    await until(api, 'Vol.152 is in the library', () => issuesFrom(api, uri).length === 1);
    await vscode.workspace.fs.writeFile(uri, encode('# Notes\n\nNothing to do with any newsletter.\n'));
    await until(api, 'Vol.152 is gone', () => issuesFrom(api, uri).length === 0);
    assert.deepEqual(problems(uri), []);

    await write(file('node_modules', 'pkg', 'vol-996.txt'), await issueText(996));
    await write(file('hidden-issues', 'vol-995.txt'), await issueText(995));
    // Written last, so it is seen no sooner than the two above would be.
    const sentinel = file('issues', 'vol-153.txt');
    await write(sentinel, await issueText(153));
    await until(api, 'Vol.153 is in the library', () => issuesFrom(api, sentinel).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!volumes(api).includes(996), 'a new issue in node_modules was read');
    assert.ok(!volumes(api).includes(995), 'a new issue hidden by files.exclude was read');
  });

  it('follows a folder renamed with its issue files in it', async () => {
    const api = await activate();
    const before = file('moving');
    const after = file('moved');
    created.push(before, after);
    await write(file('moving', 'vol-156.txt'), await issueText(156));
    await until(api, 'Vol.156 is in the library', () => issuesFrom(api, file('moving', 'vol-156.txt')).length === 1);
    const start = Date.now();
    await vscode.workspace.fs.rename(before, after);
    await until(api, 'Vol.156 comes from the renamed folder', () => issuesFrom(api, file('moved', 'vol-156.txt')).length === 1);
    console.log(`      [timing] folder rename → library: ${Date.now() - start} ms`);
    assert.deepEqual(issuesFrom(api, file('moving', 'vol-156.txt')), []);
    assert.equal(volumes(api).filter((volume) => volume === 156).length, 1);
  });

  it('drops the issues of a deleted folder', async () => {
    const api = await activate();
    const dir = file('later');
    created.push(dir);
    await write(file('later', 'vol-154.txt'), await issueText(154));
    await write(file('later', 'deeper', 'vol-155.txt'), await issueText(155));
    await until(api, 'Vol.154 and Vol.155 are in the library', () => volumes(api).includes(154) && volumes(api).includes(155));
    await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    await until(api, 'Vol.154 and Vol.155 are gone', () => !volumes(api).includes(154) && !volumes(api).includes(155));
  });

  it('shows the same issue once: a workspace copy of Vol.132 replaces the sample until it goes', async () => {
    const api = await activate();
    const sampleLabel = 'Vol.132 · Nov 24 – Nov 30, 2025';
    const vol132 = (): SourcedIssue[] => api.library.issues().filter((entry) => entry.issue.volume === 132);
    assert.equal(vol132()[0]?.source.bundled, true);
    const copy = file('issues', 'vol-132-copy.txt');
    await write(copy, await sampleText());
    await until(api, 'Vol.132 comes from the workspace', () => vol132()[0]?.source.id === copy.toString());
    assert.equal(vol132().length, 1);
    assert.equal((await rootLabels(api)).filter((label) => label === sampleLabel).length, 1);
    assert.equal(api.library.findPaper('2511.18659')[0]?.entry.source.id, copy.toString());

    await vscode.workspace.fs.delete(copy);
    await until(api, 'the sample is back', () => vol132()[0]?.source.bundled === true);
  });

  it('reads every issue file again on Refresh, changed or not, and still shows each once', async () => {
    const api = await activate();
    const uri = file('issues', 'vol-131.txt');
    const before = issuesFrom(api, uri)[0]?.issue;
    assert.ok(before);
    await vscode.commands.executeCommand(Command.refresh);
    const after = issuesFrom(api, uri);
    assert.equal(after.length, 1);
    assert.notEqual(after[0]?.issue, before, 'issues/vol-131.txt was not read again');
    assert.deepEqual(after[0]?.issue, before);
    assert.equal(problems(uri).length, 1);
  });

  describe('settings', () => {
    const restore: Array<[string, unknown]> = [];
    async function set(key: string, value: unknown): Promise<void> {
      restore.push([key, vscode.workspace.getConfiguration().inspect(key)?.workspaceValue]);
      await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
    }
    afterEach(async () => {
      for (const [key, value] of restore.splice(0).reverse()) {
        await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
      }
    });

    it(`${Setting.showSampleIssue}: false hides the sample, true shows it again`, async () => {
      const api = await activate();
      assert.equal(vscode.workspace.getConfiguration().get(Setting.showSampleIssue), true);
      await set(Setting.showSampleIssue, false);
      await until(api, 'the sample is hidden', () => !volumes(api).includes(132));
      assert.ok(volumes(api).includes(131), 'workspace issues stay');
      await set(Setting.showSampleIssue, true);
      await until(api, 'the sample is back', () => volumes(api).includes(132));
    });

    it(`${Setting.issueFiles}: a narrower glob drops the files it no longer matches, with their problems`, async () => {
      const api = await activate();
      assert.equal(vscode.workspace.getConfiguration().get(Setting.issueFiles), '**/*.{txt,md}');
      const cut = file('broken', 'vol-141-cut.txt');
      await set(Setting.issueFiles, 'issues/**/*.txt');
      await until(api, 'Vol.141 is gone', () => !volumes(api).includes(141));
      assert.deepEqual(problems(cut), []);
      assert.ok(volumes(api).includes(131));
      await set(Setting.issueFiles, undefined);
      await until(api, 'Vol.141 is back', () => volumes(api).includes(141));
      assert.equal(problems(cut).length, 1);
    });

    it('files.exclude: hiding a folder drops its issues; showing it again brings them back', async () => {
      const api = await activate();
      const vol131 = issuesFrom(api, file('issues', 'vol-131.txt'))[0]?.issue;
      assert.ok(vol131);
      const before = vscode.workspace.getConfiguration('files').inspect<Record<string, boolean>>('exclude')?.workspaceValue ?? {};
      await set('files.exclude', { ...before, '**/broken': true });
      await until(api, 'Vol.141 is gone', () => !volumes(api).includes(141));
      await set('files.exclude', before);
      await until(api, 'Vol.141 is back', () => volumes(api).includes(141));
      assert.ok(!volumes(api).includes(997), 'hidden-issues stays hidden');
      assert.equal(issuesFrom(api, file('issues', 'vol-131.txt'))[0]?.issue, vol131, 'issues/vol-131.txt was read again');
    });
  });
});
