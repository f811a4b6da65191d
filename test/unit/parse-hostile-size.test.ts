// Files of millions of line ends (test/support/hostileIssues.ts): read in one pass, with memory for
// what is kept and not for each line. The CLI runs them with a 64 MB heap (the parser once made an
// object per line: 4.2 GB for the 30 MB file), and the parser reports the same issue as the
// reference parser does on a copy small enough for it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIssueText } from '../../src/core/parse/parse';
import * as reference from './helpers/referenceParser';
import { HOSTILE_ISSUES, hostileText, writeHostileIssue } from '../support/hostileIssues';

// Compiled to out/test/unit: the CLI compiled by tsc is out/src/cli/parse.js.
const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'parse.js');
const HEAP_MB = 64;

describe('parse: files of millions of line ends', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-hostile-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const issue of HOSTILE_ISSUES) {
    describe(`${issue.name} (${issue.description})`, () => {
      it('reads exactly as the reference reads the same file with only 1,000 line ends', () => {
        const small = reference.parseIssueText(hostileText(issue, 1000));
        const result = parseIssueText(hostileText(issue));
        assert.equal(result.issues.length, 1);
        // The issue's range ends at its last line with something on it: the same, however many blank lines follow.
        assert.deepEqual(result, small);
      });

      it(`is parsed by the CLI with a ${HEAP_MB} MB heap`, () => {
        const file = writeHostileIssue(issue, dir);
        const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
        assert.equal(run.status, 0, `the CLI failed (signal ${String(run.signal)}):\n${run.stderr.slice(0, 2000)}`);
        const [entry] = JSON.parse(run.stdout) as Array<{ issues: Array<{ volume: number | null }> }>;
        assert.deepEqual(entry?.issues.map((i) => i.volume), [1]);
      });
    });
  }
});
