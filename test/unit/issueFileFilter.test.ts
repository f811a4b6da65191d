// Which paths a walked workspace folder lists as issue files (src/sources/issueFileFilter.ts):
// the issueFiles glob and files.exclude as findFiles reads them, node_modules and .git never
// entered. Ends with a walk of test/workspace in plain Node, which must list what findFiles lists
// there in the integration tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ISSUE_FILES, GLOB_LIMITS, GlobTooComplexError, createIssueFileFilter, globOverLimit, wouldList } from '../../src/sources/issueFileFilter';

const none: ReadonlySet<string> = new Set();

const ROOT = path.join(__dirname, '../../..');

describe('issue file filter (walking a folder without a search provider)', () => {
  it('has the default glob package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['weeklyPapers.issueFiles']?.default, DEFAULT_ISSUE_FILES);
  });

  it('lists .txt and .md files at any depth with the default glob, dot folders included, as findFiles does', () => {
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, {});
    for (const file of ['vol-1.txt', 'a/b/c/vol-2.md', '.notes/vol-3.txt', 'README.md']) {
      assert.equal(filter.listsFile(file, none), true, file);
    }
    for (const file of ['vol-1.json', 'a/vol.TXT', 'txt', 'a/b.txt/c']) {
      assert.equal(filter.listsFile(file, none), false, file);
    }
    assert.equal(filter.entersFolder('.notes', none), true);
    assert.equal(filter.entersFolder('a/b/c', none), true);
  });

  it('tells whether a file would be listed, its folders included (an import into a hidden folder)', () => {
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, { '**/hidden-issues': true, 'drafts/**': true });
    assert.equal(wouldList(filter, 'Weekly Papers/vol-132.txt'), true);
    assert.equal(wouldList(filter, 'hidden-issues/vol-132.txt'), false, 'a folder files.exclude hides');
    assert.equal(wouldList(filter, 'a/hidden-issues/b/vol-132.txt'), false, 'under it, at any depth');
    assert.equal(wouldList(filter, 'drafts/vol-132.txt'), false);
    assert.equal(wouldList(filter, 'node_modules/vol-132.txt'), false);
    assert.equal(wouldList(createIssueFileFilter('issues/*.txt', {}), 'imports/vol-132.txt'), false, 'outside a narrower glob');
    assert.equal(wouldList(createIssueFileFilter('issues/*.txt', {}), 'issues/vol-132.txt'), true);
  });

  it('reads parentheses, `|` and a leading `!` as plain characters, as VS Code does', () => {
    const filter = createIssueFileFilter('Newsletters (IR)/*.txt', { '**/Archive (old)': true, '!draft.txt': true });
    assert.equal(filter.entersFolder('Newsletters (IR)', none), true);
    assert.equal(filter.entersFolder('Newsletters', none), false);
    assert.equal(filter.listsFile('Newsletters (IR)/vol-1.txt', none), true);
    assert.equal(filter.listsFile('Newsletters IR/vol-1.txt', none), false, 'not a group');
    const all = createIssueFileFilter(DEFAULT_ISSUE_FILES, { '**/Archive (old)': true, '!draft.txt': true, 'a|b': true });
    assert.equal(all.entersFolder('x/Archive (old)', none), false, 'files.exclude hides the folder with parentheses');
    assert.equal(all.entersFolder('x/Archive old', none), true);
    assert.equal(all.listsFile('!draft.txt', none), false, 'a leading ! is part of the name');
    assert.equal(all.listsFile('draft.txt', none), true, 'and never negates');
    assert.equal(all.entersFolder('a|b', none), false);
    assert.equal(all.entersFolder('a', none), true, '| is no alternative');
  });

  it('never enters node_modules or .git, at any depth, even when the glob points there', () => {
    for (const glob of [DEFAULT_ISSUE_FILES, 'node_modules/**/*.txt', '**/.git/**']) {
      const filter = createIssueFileFilter(glob, {});
      for (const folder of ['node_modules', 'a/node_modules', '.git', 'a/b/.git', 'node_modules/pkg']) {
        assert.equal(filter.entersFolder(folder, none), false, `${glob}: ${folder}`);
      }
      assert.equal(filter.listsFile('node_modules/pkg/vol-1.txt', none), false, glob);
    }
    assert.equal(createIssueFileFilter(DEFAULT_ISSUE_FILES, {}).entersFolder('node_modules_old', none), true, 'only the exact names');
  });

  it('enters only the folders on the way to a narrower glob’s fixed start', () => {
    const filter = createIssueFileFilter('issues/**/*.txt', {});
    assert.equal(filter.entersFolder('issues', none), true);
    assert.equal(filter.entersFolder('issues/2025/11', none), true);
    assert.equal(filter.entersFolder('notes', none), false);
    assert.equal(filter.entersFolder('issues-old', none), false, 'a name that only starts like the base');
    assert.equal(filter.listsFile('issues/2025/vol-1.txt', none), true);
    assert.equal(filter.listsFile('notes/vol-1.txt', none), false);
    assert.equal(filter.listsFile('issues/vol-1.md', none), false);

    const deep = createIssueFileFilter('archive/newsletters/*.md', {});
    assert.equal(deep.entersFolder('archive', none), true);
    assert.equal(deep.entersFolder('archive/other', none), false);
    assert.equal(deep.entersFolder('archive/newsletters', none), true);
    assert.equal(deep.listsFile('archive/newsletters/vol-1.md', none), true);
    assert.equal(deep.listsFile('archive/newsletters/2025/vol-1.md', none), false, '* stops at a slash');

    const exact = createIssueFileFilter('issues/vol-1.txt', {});
    assert.equal(exact.entersFolder('issues', none), true);
    assert.equal(exact.listsFile('issues/vol-1.txt', none), true);
    assert.equal(exact.listsFile('issues/vol-2.txt', none), false);
  });

  it('honours files.exclude: true hides a folder or file wherever its pattern matches, false hides nothing', () => {
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, { '**/hidden-issues': true, 'drafts/**': true, '**/*.tmp.md': true, '**/shown': false });
    assert.equal(filter.entersFolder('hidden-issues', none), false);
    assert.equal(filter.entersFolder('a/b/hidden-issues', none), false);
    assert.equal(filter.entersFolder('drafts', none), false, 'drafts/** hides the folder itself, as in VS Code');
    assert.equal(filter.entersFolder('a/drafts', none), true, 'a pattern without **/ is anchored at the folder');
    assert.equal(filter.entersFolder('shown', none), true);
    assert.equal(filter.listsFile('notes/vol-1.tmp.md', none), false);
    assert.equal(filter.listsFile('notes/vol-1.md', none), true);
  });

  it('honours a files.exclude `when` clause: hidden only beside the named sibling', () => {
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, { '**/*.txt': { when: '$(basename).md' } });
    assert.equal(filter.listsFile('issues/vol-1.txt', new Set(['vol-1.txt', 'vol-1.md'])), false);
    assert.equal(filter.listsFile('issues/vol-1.txt', new Set(['vol-1.txt', 'vol-2.md'])), true);
    assert.equal(filter.listsFile('issues/vol-1.md', new Set(['vol-1.txt', 'vol-1.md'])), true, 'the sibling itself stays');
  });

  it('reads a files.exclude it does not understand as hiding nothing, and skips a malformed pattern only', () => {
    for (const exclude of [undefined, null, 'x', 42, ['**/issues'], { '**/issues': 'yes' }, { '**/issues': { when: 3 } }, { '': true }]) {
      const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, exclude);
      assert.equal(filter.entersFolder('issues', none), true, JSON.stringify(exclude));
      assert.equal(filter.listsFile('issues/vol-1.txt', none), true, JSON.stringify(exclude));
    }
  });

  it('lists in test/workspace exactly what findFiles lists there in the integration tests', () => {
    const root = path.join(ROOT, 'test', 'workspace');
    const settings = JSON.parse(fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, settings['files.exclude']);
    const listed: string[] = [];
    const walk = (dir: string, rel: string): void => {
      const entries = fs.readdirSync(dir, { withFileTypes: true });
      const siblings = new Set(entries.map((entry) => entry.name));
      for (const entry of entries) {
        const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory() && filter.entersFolder(relPath, siblings)) walk(path.join(dir, entry.name), relPath);
        else if (entry.isFile() && filter.listsFile(relPath, siblings)) listed.push(relPath);
      }
    };
    walk(root, '');
    // Not hidden-issues/vol-997.txt (files.exclude) nor node_modules/pkg/vol-999.txt.
    assert.deepEqual(listed.sort(), ['README.md', 'broken/vol-141-cut.txt', 'issues/vol-131.txt', 'notes/not-an-issue.md']);
  });
});

describe('globs too complex to match in good time', () => {
  /** 34 s for one path through picomatch: never compiled. */
  const HOSTILE = '*a*a*a*a*a*a*a*a*a*a*a*a*b/**/*.txt';

  it('are refused by the first limit they are over, with the glob’s count and the most allowed', () => {
    assert.deepEqual(globOverLimit(HOSTILE), { limit: 'stars', found: 15, max: GLOB_LIMITS.stars });
    assert.deepEqual(globOverLimit(`issues/${'x'.repeat(506)}`), { limit: 'length', found: 513, max: 512 });
    assert.deepEqual(globOverLimit('{a,b}'.repeat(17)), { limit: 'wildcards', found: 17, max: 16 });
    assert.deepEqual(globOverLimit('?'.repeat(17)), { limit: 'wildcards', found: 17, max: 16 });
    assert.deepEqual(globOverLimit('issues/*a*a*b.txt'), { limit: 'starsInName', found: 3, max: 2 });
    assert.deepEqual(globOverLimit('**/*a*/**/*a*.txt'), { limit: 'stars', found: 6, max: 4 });
  });

  it('leave the globs people write alone', () => {
    for (const glob of [DEFAULT_ISSUE_FILES, 'issues/**/*.txt', '**/*vol*.txt', '{issues,papers}/**/*.{txt,md}', '**/newsletters/**/*.md', 'Newsletters (IR)/*.txt', `issues/${'x'.repeat(505)}`, '????-??-??.txt']) {
      assert.equal(globOverLimit(glob), null, glob);
    }
  });

  it('are never given to picomatch for the issueFiles glob: the filter refuses them', () => {
    assert.throws(() => createIssueFileFilter(HOSTILE, {}), (error: unknown) => error instanceof GlobTooComplexError && error.over.limit === 'stars');
  });

  it('hide nothing as a files.exclude pattern (a workspace sets those even untrusted); the others still apply', () => {
    const filter = createIssueFileFilter(DEFAULT_ISSUE_FILES, { [HOSTILE]: true, 'drafts/**': true });
    // The hostile pattern matches this path; compiled, it would hide it.
    assert.equal(filter.listsFile('aaaaaaaaaaaab/vol-1.txt', none), true);
    assert.equal(filter.entersFolder('drafts', none), false);
  });

  it('are the workspace’s own to set only when it is trusted: issueFiles and importFolder are restricted settings', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const setting of ['weeklyPapers.issueFiles', 'weeklyPapers.importFolder']) assert.ok(restricted.includes(setting), setting);
  });
});
