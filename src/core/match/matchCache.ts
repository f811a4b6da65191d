// What a search of arXiv found for a paper the newsletter gave no id, as kept between sessions:
// by the paper's slot, with a fingerprint of what was searched for, so a changed contents line
// (another copy of the issue) is searched again. Pure: no vscode.
import * as z from 'zod';
import type { MatchCandidate, MatchDecision } from './rankCandidates';
import type { MatchRequest } from './arxivSearchQuery';

const Candidate = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(1000),
  score: z.number(),
  published: z.string().max(64),
  byAffiliation: z.boolean().optional(),
});

export const CachedMatch = z.object({
  fingerprint: z.string().max(4000),
  /** When it was searched (ms since the epoch). */
  at: z.number(),
  decision: z.enum(['accepted', 'possible', 'none']),
  best: Candidate.nullable(),
  /** At most five, best first. */
  candidates: z.array(Candidate).max(5),
});
export type CachedMatch = z.infer<typeof CachedMatch>;

const CacheValue = z.object({ version: z.literal(1), matches: z.record(z.string(), z.unknown()) });

/** The most slots kept: a reader with hundreds of paywalled issues has a few thousand. */
export const MAX_CACHED_MATCHES = 20_000;

/** What identifies a search: the same request gives the same answer (until arXiv grows). */
export function matchFingerprint(request: MatchRequest): string {
  return JSON.stringify([request.contentsTitle, request.titleHint, request.org, request.weekStart, request.weekEnd]);
}

const trimCandidate = (candidate: MatchCandidate): MatchCandidate => ({ ...candidate, title: candidate.title.slice(0, 1000) });

export function toCachedMatch(fingerprint: string, decision: MatchDecision, at: number): CachedMatch {
  switch (decision.kind) {
    case 'accepted':
      return { fingerprint, at, decision: 'accepted', best: trimCandidate(decision.best), candidates: decision.candidates.slice(0, 5).map(trimCandidate) };
    case 'possible':
      return { fingerprint, at, decision: 'possible', best: null, candidates: decision.candidates.slice(0, 5).map(trimCandidate) };
    case 'none':
      return { fingerprint, at, decision: 'none', best: null, candidates: [] };
  }
}

/** Reads the stored value: entries that do not validate are dropped (they are only a cache). */
export function loadMatchCache(raw: unknown): Map<string, CachedMatch> {
  const matches = new Map<string, CachedMatch>();
  const value = CacheValue.safeParse(raw);
  if (!value.success) return matches;
  for (const [slot, entry] of Object.entries(value.data.matches)) {
    if (matches.size >= MAX_CACHED_MATCHES) break;
    const parsed = CachedMatch.safeParse(entry);
    if (parsed.success) matches.set(slot, parsed.data);
  }
  return matches;
}

/** The value to store: the newest MAX_CACHED_MATCHES entries. */
export function saveMatchCache(matches: ReadonlyMap<string, CachedMatch>): unknown {
  let entries = [...matches];
  if (entries.length > MAX_CACHED_MATCHES) entries = entries.sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_CACHED_MATCHES);
  return { version: 1, matches: Object.fromEntries(entries) };
}
