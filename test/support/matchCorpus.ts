// The hand-written corpus and labelled contents lines of the arXiv matching tests
// (test/fixtures/match, see its README), read and checked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import type { MatchRequest } from '../../src/core/match/arxivSearchQuery';

/** test/fixtures/match, from out/test/support (compiled) or test/support (source). */
export const MATCH_FIXTURES_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../test/fixtures/match' : '../fixtures/match');

const IsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ArxivId = z.string().regex(/^\d{4}\.\d{4,5}$/);

export const CorpusEntry = z.object({
  id: ArxivId,
  /** What the entry is there for: one of the labelled papers, a distractor, a look-alike outside the weeks searched. */
  role: z.string().min(1),
  version: z.string().regex(/^v\d+$/).optional(),
  published: IsoInstant,
  updated: IsoInstant,
  title: z.string().min(1),
  authors: z.array(z.object({ name: z.string().min(1), affiliation: z.string().min(1).optional() })).min(1),
  categories: z.array(z.string().min(1)).min(1),
  comment: z.string().min(1).optional(),
  journalRef: z.string().min(1).optional(),
  summary: z.string().min(1),
  /**
   * The paper's page on arXiv (`/html/<id>`): the affiliations its author block shows, or false
   * for a paper with no such page (404). Absent: a page whose block shows the names only.
   */
  page: z.union([z.literal(false), z.object({ affiliations: z.array(z.string().min(1)).min(1) })]).optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

export const LabelledPaper = z.object({
  contentsTitle: z.string().min(1),
  org: z.string().min(1).nullable(),
  /** The section heading: the paper's title as the newsletter gives it. */
  realTitle: z.string().min(1),
  /** The slug words of realTitle, as the web page's anchor has them. */
  hint: z.string().min(1),
  /** The hint lost the title's digits. */
  hintLostDigits: z.boolean().optional(),
  /** The arXiv id, or null for a paper that is not on arXiv. */
  expected: ArxivId.nullable(),
});
export type LabelledPaper = z.infer<typeof LabelledPaper>;

export const LabelledSet = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  weekStart: IsoDay,
  weekEnd: IsoDay,
  papers: z.array(LabelledPaper).min(1),
});
export type LabelledSet = z.infer<typeof LabelledSet>;

export function readCorpus(): CorpusEntry[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(MATCH_FIXTURES_DIR, 'corpus.json'), 'utf8'));
  return z.object({ entries: z.array(CorpusEntry) }).parse(raw).entries;
}

export function readLabels(): LabelledSet[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(MATCH_FIXTURES_DIR, 'labels.json'), 'utf8'));
  return z.object({ sets: z.array(LabelledSet).min(1) }).parse(raw).sets;
}

/** The request for a labelled paper, with or without its title hint. */
export function requestFor(set: LabelledSet, paper: LabelledPaper, withHint: boolean, withWeek = true): MatchRequest {
  return {
    contentsTitle: paper.contentsTitle,
    titleHint: withHint ? paper.hint : null,
    org: paper.org,
    weekStart: withWeek ? set.weekStart : null,
    weekEnd: withWeek ? set.weekEnd : null,
  };
}

/** A title as the web page's anchor slug has it: lower case, punctuation dropped, words apart. */
export function slugWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter((word) => word.length > 0)
    .join(' ');
}
