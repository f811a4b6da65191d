// Hostile issue files too large to keep in the repository, generated on demand (the generated part
// of test/fixtures/hostile/, described in test/fixtures/README.md): an issue followed by millions of
// line ends, which the parser once read into one object per line (25 s and 4.2 GB in the CLI for
// the 30 MB one). Used by test/unit/parse-hostile-size.test.ts and bench/parse.bench.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The line every generated file starts with: the issue's only content. */
export const HOSTILE_VOLUME_LINE = 'Vol.1 for Nov 3 - Nov 9, 2025';

export interface HostileIssue {
  /** The file name the generated text is written under. */
  readonly name: string;
  /** What it is, for messages and the bench's output. */
  readonly description: string;
  /** How many line ends follow the volume line (the file has one line more). */
  readonly lineEnds: number;
  readonly lineEnd: '\n' | '\r';
}

export const HOSTILE_ISSUES: readonly HostileIssue[] = [
  { name: 'vol-1-30mb-blank-lines.txt', description: '30 MB of LF after a volume line', lineEnds: 30 * 1024 * 1024, lineEnd: '\n' },
  { name: 'vol-1-8mb-cr-only.txt', description: '8 MB of CR-only line ends after a volume line', lineEnds: 8 * 1024 * 1024, lineEnd: '\r' },
];

/** The file's text; `lineEnds` may be given smaller, for a copy the reference parser can read. */
export function hostileText(issue: HostileIssue, lineEnds = issue.lineEnds): string {
  return `${HOSTILE_VOLUME_LINE}${issue.lineEnd}${issue.lineEnd.repeat(lineEnds)}`;
}

/** Writes the file into `dir` (once; an existing file of the right size is kept) and returns its path. */
export function writeHostileIssue(issue: HostileIssue, dir: string): string {
  const file = path.join(dir, issue.name);
  const size = HOSTILE_VOLUME_LINE.length + 1 + issue.lineEnds;
  if (!fs.existsSync(file) || fs.statSync(file).size !== size) fs.writeFileSync(file, hostileText(issue));
  return file;
}
