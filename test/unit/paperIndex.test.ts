import * as assert from 'node:assert/strict';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const sample = readFileSync(path.join(__dirname, '../../../media/sample/vol-132.txt'), 'utf8');

describe('finding a paper by key across issues', () => {
  it('finds papers and extras, and the same paper in two issues, newest issue first', () => {
    const library = new IssueLibrary();
    const later = sample.replace('Vol.132 for Nov 24 - Nov 30, 2025', 'Vol.133 for Dec 1 - Dec 7, 2025');
    library.set({ source: { id: 'a', label: 'a', bundled: false }, issues: parseIssueText(sample).issues, diagnostics: [] });
    library.set({ source: { id: 'b', label: 'b', bundled: false }, issues: parseIssueText(later).issues, diagnostics: [] });
    const clara = library.findPaper('2511.18659');
    assert.deepEqual(clara.map((found) => found.entry.issue.volume), [133, 132]);
    assert.equal(clara[0]?.kind, 'paper');
    assert.equal(library.findPaper('2511.20867')[0]?.kind, 'extra');
    assert.deepEqual(library.findPaper('no-such-key'), []);
    library.delete('b');
    assert.deepEqual(library.findPaper('2511.18659').map((found) => found.entry.issue.volume), [132]);
  });
});
