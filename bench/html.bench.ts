// Benchmark of reading HTML (`postToText`): a real post page as the baseline, then the hostile
// pages of test/unit/htmlToText-hostile.test.ts, which must end in an UnreadableHtmlError quickly.
// Run with `npm run bench:html`. Not a test: it prints figures, and fails only on another error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UnreadableHtmlError } from '../src/core/formats/boundedHtml';
import { postToText } from '../src/core/formats/htmlToText';

const ROOT = path.resolve(__dirname, '..', '..');
const post = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'html', 'vol-132-post.html'), 'utf8');
const nested = (depth: number): string => '<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth);

const pages: Array<[string, string]> = [
  ['vol-132 post page (baseline)', post],
  ['4 MB of paragraphs (within the limits)', `<html><body>${'<p>A paragraph of a long page.</p>'.repeat(120_000)}</body></html>`],
  ['200,000 unclosed <b>', `<p>${'<b>x'.repeat(200_000)}</p>`],
  ['5,000 nested <div>', nested(5_000)],
  ['100,000 nested <div>', nested(100_000)],
  ['200,001 sibling elements', '<i></i>'.repeat(200_001)],
  ['10 MB of text', `<p>${'word '.repeat(2 * 1024 * 1024)}</p>`],
];

for (const [name, html] of pages) {
  let best = Infinity;
  let outcome = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    try {
      outcome = `${(postToText(html).text.length / 1024).toFixed(0)} KB of text`;
    } catch (error) {
      if (!(error instanceof UnreadableHtmlError)) throw error;
      outcome = `refused: ${error.reason}`;
    }
    best = Math.min(best, performance.now() - started);
  }
  console.log(`postToText, ${name}: ${best.toFixed(1)} ms (best of 3), ${outcome}`);
}
