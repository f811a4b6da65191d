// What the reader adds to a paper: a reading status and a note. Kept by paper key, so it
// survives the issue file being edited, renamed or deleted, and the paper moving issues.
import * as z from 'zod';

export const ReadingStatus = z.enum(['toRead', 'reading', 'read']);
export type ReadingStatus = z.infer<typeof ReadingStatus>;

export const READING_STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  toRead: 'To Read',
  reading: 'Reading',
  read: 'Read',
};

export const PaperState = z.object({
  status: ReadingStatus.nullable(),
  note: z.string(),
  /** ISO timestamp of the last change. */
  updatedAt: z.string(),
  /** What the paper was when last seen, so lists can show it after its issue is gone. */
  title: z.string(),
  issueLabel: z.string().nullable(),
  arxivId: z.string().nullable(),
});
export type PaperState = z.infer<typeof PaperState>;

/** The stored value; `version` changes only with a migration. */
export const STATE_VERSION = 1;
const StoredStates = z.object({
  version: z.literal(STATE_VERSION),
  papers: z.record(z.string(), z.unknown()),
});

export interface LoadedStates {
  readonly states: Map<string, PaperState>;
  /** Entries (or the whole value) that did not validate: kept aside, never overwritten. */
  readonly damaged: Readonly<Record<string, unknown>> | null;
}

/** Reads what was stored, keeping every entry that validates and setting the rest aside. */
export function loadStates(raw: unknown): LoadedStates {
  const states = new Map<string, PaperState>();
  if (raw === undefined || raw === null) return { states, damaged: null };
  const stored = StoredStates.safeParse(raw);
  if (!stored.success) return { states, damaged: { '*': raw } };
  const damaged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored.data.papers)) {
    const state = PaperState.safeParse(value);
    if (state.success) states.set(key, state.data);
    else damaged[key] = value;
  }
  return { states, damaged: Object.keys(damaged).length > 0 ? damaged : null };
}

export function saveStates(states: ReadonlyMap<string, PaperState>): unknown {
  return { version: STATE_VERSION, papers: Object.fromEntries(states) };
}

/** True when the state holds nothing worth keeping. */
export function isEmptyState(state: Pick<PaperState, 'status' | 'note'>): boolean {
  return state.status === null && state.note.trim().length === 0;
}
