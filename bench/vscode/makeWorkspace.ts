// Writes a workspace of N issue files (default 1,000, ~17 KB each, 10 papers each) built from
// the bundled sample: distinct volumes, weeks, titles and arXiv ids, so every paper is distinct,
// and summaries in words of their own. Copies of one sample's summaries would give a search
// index a vocabulary of a few hundred words; a real archive of 1,000 issues has tens of
// thousands. So each summary keeps its sentences' shape (short words, punctuation, curly quotes)
// and its longer words are drawn from a made-up vocabulary of 40,000 words by Zipf's law, as
// the words of real text are. Over 1,000 issues that gives about 117,000 distinct words as the
// search index counts them (lowercased, split at whitespace, so `end-to-end,` is one): more than
// a real archive of that size is likely to have, which is the side to err on.
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

const VOCABULARY_SIZE = 40000;
const ZIPF_EXPONENT = 1.2;
const SYLLABLES = ['re', 'tri', 'val', 'den', 'se', 'ran', 'king', 'mo', 'del', 'gra', 'ph', 'que', 'ry', 'lin', 'ter', 'ven', 'sca', 'lar', 'ob', 'ject', 'em', 'bed', 'ding', 'to', 'ken', 'ser', 'vo', 'cal', 'net', 'work'];

/** The made-up word of a rank: distinct for every rank, 2 to 5 syllables. */
function wordOfRank(rank: number): string {
  let word = '';
  let rest = rank;
  do {
    word += SYLLABLES[rest % SYLLABLES.length] ?? '';
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word.length < 4 ? `${word}ion` : word;
}

/** Cumulative Zipf weights of the ranks, for drawing a rank by binary search. */
let cumulative: Float64Array | undefined;
function zipfRank(random: () => number): number {
  if (!cumulative) {
    cumulative = new Float64Array(VOCABULARY_SIZE);
    let total = 0;
    for (let rank = 0; rank < VOCABULARY_SIZE; rank++) cumulative[rank] = total += 1 / (rank + 1) ** ZIPF_EXPONENT;
  }
  const target = random() * (cumulative[VOCABULARY_SIZE - 1] ?? 1);
  let low = 0;
  let high = VOCABULARY_SIZE - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A small seeded generator (mulberry32): the same workspace on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A summary line in words of its own: each word of 4 letters or more drawn anew, its capital kept. */
function varyProse(line: string, random: () => number): string {
  return line.replace(/[A-Za-z]{4,}/g, (word) => {
    const drawn = wordOfRank(zipfRank(random));
    return /^[A-Z]/.test(word) ? drawn.charAt(0).toUpperCase() + drawn.slice(1) : drawn;
  });
}

export function makeIssue(sample: string, volume: number): string {
  let paper = 0;
  const random = seeded(volume);
  return sample
    // Summary paragraphs are the long lines; headings, highlights and link lines are short.
    .replace(/^.{200,}$/gm, (line) => varyProse(line, random))
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
