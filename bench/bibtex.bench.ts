// Benchmark of Export BibTeX (`bibtexFile`) on 1,000 and 2,000 papers of issues built from the
// sample (as the VS Code benchmark's workspace is): every sample title comes back once per issue
// with its volume at the end, so keys clash on their first words, as in a long Reading List.
// Run with `npm run bench`. Not a test: it prints figures and asserts only that the keys are unique.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeIssue } from './vscode/makeWorkspace';
import { bibtexFile, type BibtexSource } from '../src/core/formats/bibtex';
import { parseIssueText } from '../src/core/parse/parse';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(count: number): BibtexSource[] {
  const sample = fs.readFileSync(path.join(ROOT, 'media', 'sample', 'vol-132.txt'), 'utf8');
  const out: BibtexSource[] = [];
  for (let volume = 1000; out.length < count; volume++) {
    for (const issue of parseIssueText(makeIssue(sample, volume)).issues) {
      for (const paper of issue.papers) {
        out.push({ key: paper.key, title: paper.title, arxivId: paper.arxivId, org: paper.org, weekStart: issue.week.start, url: null });
      }
    }
  }
  return out.slice(0, count);
}

for (const count of [1000, 2000]) {
  const papers = sources(count);
  let best = Infinity;
  let file = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    file = bibtexFile(papers);
    best = Math.min(best, performance.now() - started);
  }
  const keys = [...file.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1]);
  if (new Set(keys).size !== count) {
    console.error(`bibtexFile: ${new Set(keys).size} distinct keys for ${count} papers`);
    process.exitCode = 1;
  }
  console.log(`bibtexFile, ${count} papers: ${best.toFixed(1)} ms (best of 3), ${(file.length / 1024).toFixed(0)} KB`);
}
