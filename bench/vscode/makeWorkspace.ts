// Writes a workspace of N issue files (default 1,000, ~17 KB each, 10 papers each) built from
// the bundled sample: distinct volumes, weeks, titles and arXiv ids, so every paper is distinct.
//   node out/bench/vscode/makeWorkspace.js <folder> [count]
import * as fs from 'node:fs';
import * as path from 'node:path';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 24 * 60 * 60 * 1000;

function weekLine(volume: number): string {
  const start = new Date(Date.UTC(2006, 0, 2) + volume * 7 * DAY_MS);
  const end = new Date(start.getTime() + 6 * DAY_MS);
  const day = (date: Date) => `${MONTHS[date.getUTCMonth()] ?? '?'} ${date.getUTCDate()}`;
  return `Vol.${volume} for ${day(start)} - ${day(end)}, ${end.getUTCFullYear()}`;
}

export function makeIssue(sample: string, volume: number): string {
  let paper = 0;
  return sample
    .replace(/^Vol\.132 for .*$/m, weekLine(volume))
    .replace(/arxiv\.org\/abs\/\d{4}\.\d{5}/g, () => `arxiv.org/abs/${String(1000 + (volume % 9000)).padStart(4, '0')}.${String(volume * 16 + paper++).padStart(5, '0')}`)
    .replace(/^\[(\d+)\] (.*)$/gm, (_line, n: string, title: string) => `[${n}] ${title} (vol. ${volume})`);
}

export function makeWorkspace(folder: string, count: number, samplePath: string): number {
  const sample = fs.readFileSync(samplePath, 'utf8');
  fs.mkdirSync(path.join(folder, 'issues'), { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const volume = 1000 + i;
    const text = makeIssue(sample, volume);
    fs.writeFileSync(path.join(folder, 'issues', `vol-${volume}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

if (require.main === module) {
  const [folder, countText] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node out/bench/vscode/makeWorkspace.js <folder> [count]');
    process.exit(2);
  }
  const count = Number(countText ?? 1000);
  const bytes = makeWorkspace(folder, count, path.join(__dirname, '../../../media/sample/vol-132.txt'));
  console.log(`[bench] wrote ${count} issue files (${(bytes / 1e6).toFixed(2)} MB) to ${folder}`);
}
