// From the library and the reader's notes to what the tools tell: a paper's facts, an issue's,
// and which paper a reference (a key, an arXiv id, words of a title) names. Pure.
import { issueLabel } from '../model/format';
import type { PaperEntry, SourcedIssue } from '../model/library';
import type { PaperState } from '../model/paperState';
import { paperLinks } from '../model/paperLinks';
import { summaryToText } from '../parse/summary';
import type { IssueFacts, PaperDetails, PaperFacts, PaperLinkFact } from './toolText';

/** What the facts are read from: the library's newest entry for a key and the store's state. */
export interface PaperLookup {
  /** The paper's newest entry in an issue, if one holds it (any key it had finds it). */
  entry(key: string): PaperEntry | undefined;
  /** The reader's note and status, by the paper's key. */
  state(key: string): PaperState | undefined;
}

/** A paper's facts; undefined when neither an issue nor the reader's notes know the key. */
export function paperFacts(lookup: PaperLookup, key: string): PaperFacts | undefined {
  const found = lookup.entry(key);
  if (found) return factsOfEntry(found, lookup.state(found.paper.key));
  const state = lookup.state(key);
  if (!state) return undefined;
  return { key, title: state.title || key, org: null, issueLabel: state.issueLabel, volume: null, arxivId: state.arxivId, status: state.status, hasNote: state.note.trim() !== '', inIssue: false };
}

export function factsOfEntry({ paper, entry }: PaperEntry, state: PaperState | undefined): PaperFacts {
  return {
    key: paper.key,
    title: paper.title,
    org: 'org' in paper ? paper.org : paper.section || null,
    issueLabel: issueLabel(entry.issue),
    volume: entry.issue.volume,
    arxivId: paper.arxivId,
    status: state?.status ?? null,
    hasNote: (state?.note ?? '').trim() !== '',
    inIssue: true,
  };
}

/** A paper's facts with its summary, links and note; `arxiv` is what is cached of its arXiv record. */
export function paperDetails(lookup: PaperLookup, key: string, arxiv: PaperDetails['arxiv']): PaperDetails | undefined {
  const facts = paperFacts(lookup, key);
  if (!facts) return undefined;
  const found = lookup.entry(key);
  const note = lookup.state(facts.key)?.note ?? '';
  if (!found) return { ...facts, summary: '', links: [], note, arxiv };
  const links = paperLinks(found.paper);
  const linkFacts: PaperLinkFact[] = (['arxiv', 'pdf', 'code', 'huggingface', 'web'] as const).flatMap((kind) => {
    const url = links[kind];
    return url ? [{ kind, url }] : [];
  });
  return { ...facts, summary: summaryToText(found.paper.summary), links: linkFacts, note, arxiv };
}

/** The first `max` of the papers the search found (best first), and how many it found. */
export function firstResults(lookup: PaperLookup, keys: readonly string[], max: number): { readonly papers: PaperFacts[]; readonly total: number } {
  const papers: PaperFacts[] = [];
  let total = 0;
  for (const key of keys) {
    if (papers.length >= max) {
      total++;
      continue;
    }
    const facts = paperFacts(lookup, key);
    if (!facts) continue;
    papers.push(facts);
    total++;
  }
  return { papers, total };
}

const ARXIV_ID = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}|[a-z][a-z.-]*\/\d{7})(?:v\d+)?(?:\.pdf)?$/i;

/** The arXiv id a reference spells (`2511.18659v2`, `arXiv:2511.18659`, its abs URL), if it is one. */
export function arxivIdOf(reference: string): string | null {
  return ARXIV_ID.exec(reference.trim())?.[1] ?? null;
}

/**
 * The key of the paper a reference names: a key or arXiv id an issue or a note knows, else the
 * best match of a search for its words. Undefined when nothing matches.
 */
export function resolvePaperReference(lookup: PaperLookup, search: (words: string) => readonly string[], reference: string): string | undefined {
  const trimmed = reference.trim();
  for (const candidate of [trimmed, arxivIdOf(trimmed)]) {
    if (!candidate) continue;
    const found = lookup.entry(candidate);
    if (found) return found.paper.key;
    if (lookup.state(candidate)) return candidate;
  }
  return search(trimmed).find((key) => paperFacts(lookup, key) !== undefined);
}

/** An issue's facts: its papers and extras in the issue's order, each with the reader's status. */
export function issueFacts(sourced: SourcedIssue, state: (key: string) => PaperState | undefined): IssueFacts {
  const { issue } = sourced;
  return {
    label: issueLabel(issue),
    volume: issue.volume,
    complete: issue.cutOff === null,
    papers: issue.papers.map((paper) => factsOfEntry({ paper, kind: 'paper', entry: sourced }, state(paper.key))),
    extras: issue.extras.map((extra) => factsOfEntry({ paper: extra, kind: 'extra', entry: sourced }, state(extra.key))),
  };
}

/** The issue a volume names ("latest": the newest), from the library's issues (newest first). */
export function findIssue(issues: readonly SourcedIssue[], reference: number | 'latest'): SourcedIssue | undefined {
  if (reference === 'latest') return issues[0];
  return issues.find((sourced) => sourced.issue.volume === reference);
}
