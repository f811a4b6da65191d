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
  /** Added later without a new version: a value without it has none. See loadChoices. */
  choices: z.unknown().optional(),
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

/**
 * The reader's word on which arXiv record a paper the newsletter gave no id is, by its slot
 * (`vol132:#2`): an id, or null for "not on arXiv". Kept with the notes, and as carefully:
 * it always beats a match a search found.
 */
export const ArxivChoice = z.object({
  arxivId: z.string().min(1).max(64).nullable(),
  /** The record's title, where the reader picked it from a list. */
  title: z.string().max(1000).nullable(),
  /** ISO timestamp of the choice. */
  at: z.string(),
});
export type ArxivChoice = z.infer<typeof ArxivChoice>;

/** The choices stored beside the notes (the value's optional `choices`); unreadable ones are skipped. */
export function loadChoices(raw: unknown): Map<string, ArxivChoice> {
  const choices = new Map<string, ArxivChoice>();
  if (typeof raw !== 'object' || raw === null || !('choices' in raw)) return choices;
  const stored = raw.choices;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return choices;
  for (const [slot, value] of Object.entries(stored)) {
    const choice = ArxivChoice.safeParse(value);
    if (choice.success) choices.set(slot, choice.data);
  }
  return choices;
}

export function saveStates(states: ReadonlyMap<string, PaperState>, choices: ReadonlyMap<string, ArxivChoice> = new Map()): unknown {
  const value: Record<string, unknown> = { version: STATE_VERSION, papers: Object.fromEntries(states) };
  if (choices.size > 0) value.choices = Object.fromEntries(choices);
  return value;
}

/** True when the state holds nothing worth keeping. */
export function isEmptyState(state: Pick<PaperState, 'status' | 'note'>): boolean {
  return state.status === null && state.note.trim().length === 0;
}

/**
 * One state from two kept for the same paper under two keys (its slot and its arXiv id, say):
 * nothing of either is lost. Both notes are kept when they differ; the later status wins, and a
 * status beats none. The snapshot (title, issue, arXiv id) is the current key's.
 */
export function mergeStates(current: PaperState, earlier: PaperState): PaperState {
  const currentNote = current.note.trim();
  const earlierNote = earlier.note.trim();
  const note =
    earlierNote === '' || currentNote === earlierNote || currentNote.includes(earlierNote)
      ? current.note
      : currentNote === '' || earlierNote.includes(currentNote)
        ? earlier.note
        : `${current.note.trimEnd()}\n\n${earlier.note.trimStart()}`;
  const later = earlier.updatedAt > current.updatedAt ? earlier : current;
  const status = later.status ?? current.status ?? earlier.status;
  const updatedAt = later.updatedAt;
  return { ...current, note, status, updatedAt };
}
