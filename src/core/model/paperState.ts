// What the reader adds to a paper: a reading status and a note. Kept by paper key, so it
// survives the issue file being edited, renamed or deleted, and the paper moving issues.
import * as z from 'zod';
import { appendToNote, READING_STATUSES } from './noteAndStatus';

export { appendToNote };

/**
 * The longest note kept, in characters: a note is the reader's own text, so this only stops a
 * runaway message, paste or file, never a real note. The panel, Edit Note and the chat tools hold to it.
 */
export const MAX_NOTE_LENGTH = 1_000_000;

export const ReadingStatus = z.enum(READING_STATUSES);
export type ReadingStatus = z.infer<typeof ReadingStatus>;

export const READING_STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  toRead: 'To Read',
  reading: 'Reading',
  read: 'Read',
};

export const PaperState = z.object({
  status: ReadingStatus.nullable(),
  /** Longer than any panel, editor or import lets a note be: a stored one is set aside, not loaded. */
  note: z.string().max(MAX_NOTE_LENGTH),
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
/**
 * `papers` is read as the object it is, not through `z.record`: zod copies a record into a new
 * object by assignment, and assigning to `__proto__` sets the copy's prototype instead of adding
 * the key, so a paper stored under that key was lost on every reload.
 */
const StoredStates = z.object({
  version: z.literal(STATE_VERSION),
  papers: z.custom<Readonly<Record<string, unknown>>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
  /** Added later without a new version: a value without it has none. See loadChoices. */
  choices: z.unknown().optional(),
});

/**
 * Keys no paper may have: names that plain objects give a meaning to. Import Notes refuses them;
 * a paper key is an arXiv id or `vol<N>:<slug>`, so no issue gives one.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
  const damaged: Array<[string, unknown]> = [];
  // Own keys of the stored object, `__proto__` included (JSON.parse makes it an own property).
  for (const [key, value] of Object.entries(stored.data.papers)) {
    const state = PaperState.safeParse(value);
    if (state.success) states.set(key, state.data);
    else damaged.push([key, value]);
  }
  // fromEntries defines properties, so a damaged `__proto__` entry is kept as one.
  return { states, damaged: damaged.length > 0 ? Object.fromEntries(damaged) : null };
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

/** The stored value; `Object.fromEntries` defines each key as an own property, `__proto__` too. */
export function saveStates(states: ReadonlyMap<string, PaperState>, choices: ReadonlyMap<string, ArxivChoice> = new Map()): unknown {
  const value: Record<string, unknown> = { version: STATE_VERSION, papers: Object.fromEntries(states) };
  if (choices.size > 0) value.choices = Object.fromEntries(choices);
  return value;
}

/**
 * Where to set a damaged value aside: under `prefix` and the time, unless a copy of the same
 * value is already kept (under any key in `kept`), when it is null. A value that cannot be read
 * stays where it is until something is saved, so it is found again on every start; one copy of
 * each is enough.
 */
export function asideKeyFor(damaged: unknown, kept: ReadonlyMap<string, unknown>, prefix: string, now: Date): string | null {
  const text = JSON.stringify(damaged);
  for (const value of kept.values()) if (JSON.stringify(value) === text) return null;
  const base = `${prefix}${now.toISOString()}`;
  let key = base;
  for (let n = 2; kept.has(key); n++) key = `${base}-${n}`;
  return key;
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
