// "Export Notes" / "Import Notes": every note and reading status as one Markdown file a person
// can read, and that reads back without loss. Per paper:
//
//   ## <title>
//
//   <!-- weekly-papers key="2511.18659" status="reading" updated="…" title="…" issue="…" arxiv="…" -->
//   Reading · Vol.132 · Nov 24 – Nov 30, 2025 · arXiv 2511.18659
//
//   ````text
//   the note, verbatim
//   ````
//
// The comment carries the data; the heading and the line under it are only for people. The note
// sits in a backtick fence longer than any backtick run in it, so no line of a note can close
// it, and nothing inside a fence is ever read as structure (a note may hold `## `, comments,
// fences of its own). A note with a carriage return (which editors rewrite) is also kept in
// the comment, escaped, and read from there.
import { MAX_NOTE_LENGTH, READING_STATUS_LABELS, RESERVED_KEYS, ReadingStatus, type PaperState } from '../model/paperState';

export const NOTES_FILE_NAME = 'weekly-papers-notes.md';

const MARKER = 'weekly-papers';
const HEADING = '# Weekly Papers notes';

/**
 * Whether the text is a file Export Notes wrote (its first line is the export's heading). Such a
 * file is never an issue, even when a note in it quotes one.
 */
export function isNotesExport(text: string): boolean {
  return text.replace(/^\ufeff/, '').startsWith(`${HEADING}\n`) || text.replace(/^\ufeff/, '').startsWith(`${HEADING}\r\n`);
}

export interface ImportedNotes {
  readonly states: Map<string, PaperState>;
  /** What could not be read, with its 1-based line. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const STATUS_ORDER: ReadonlyArray<ReadingStatus | null> = ['reading', 'toRead', 'read', null];

/** The file: papers grouped by status (Reading, To Read, Read, none), by title within each. */
export function formatNotesMarkdown(states: ReadonlyMap<string, PaperState>, exportedAt?: string): string {
  const entries = [...states].sort(([keyA, a], [keyB, b]) => {
    const byStatus = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    if (byStatus !== 0) return byStatus;
    const byTitle = a.title.localeCompare(b.title);
    if (byTitle !== 0) return byTitle;
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });
  const count = `${entries.length} ${entries.length === 1 ? 'paper' : 'papers'}`;
  const lines = [
    HEADING,
    '',
    `${count}${exportedAt ? `, exported ${exportedAt}` : ''}. Read back with "Weekly Papers: Import Notes"; keep each \`<!-- ${MARKER} … -->\` line as it is.`,
    '',
  ];
  for (const [key, state] of entries) formatEntry(key, state, lines);
  return lines.join('\n');
}

/**
 * Adds a paper's lines to `lines`, one push each: a note of 130,000 lines spread into push()
 * would overflow the stack and fail the whole export.
 */
function formatEntry(key: string, state: PaperState, lines: string[]): void {
  const attributes: Array<[string, string]> = [
    ['key', key],
    ['status', state.status ?? ''],
    ['updated', state.updatedAt],
    ['title', state.title],
  ];
  // Absent means null; present and empty means an empty string.
  if (state.issueLabel !== null) attributes.push(['issue', state.issueLabel]);
  if (state.arxivId !== null) attributes.push(['arxiv', state.arxivId]);
  if (state.note.includes('\r')) attributes.push(['note', state.note]);
  const comment = `<!-- ${MARKER} ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')} -->`;
  const about = [
    state.status ? READING_STATUS_LABELS[state.status] : 'No status',
    state.issueLabel,
    state.arxivId ? `arXiv ${state.arxivId}` : null,
  ].filter((part): part is string => !!part);
  lines.push(`## ${oneLine(state.title) || key}`, '', comment, oneLine(about.join(' · ')), '');
  if (state.note.length > 0) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(state.note) + 1));
    lines.push(`${fence}text`);
    for (const line of state.note.split('\n')) lines.push(line);
    lines.push(fence, '');
  }
}

/** Reads a file written by `formatNotesMarkdown` (or edited by hand, within the format). */
export function parseNotesMarkdown(text: string): ImportedNotes {
  const states = new Map<string, PaperState>();
  const problems: Array<{ line: number; message: string }> = [];
  // Files saved by an editor set to CRLF: structure lines end with \r, and so do note lines.
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  const lines = (crlf ? text.replace(/\r\n/g, '\n') : text).split('\n');

  let current: { key: string; line: number; state: PaperState; hasNote: boolean; noteFromComment: boolean } | null = null;
  const finish = () => {
    if (!current) return;
    // Stored, it would be set aside at the next start as a note no panel or editor can hold.
    if (current.state.note.length > MAX_NOTE_LENGTH) {
      problems.push({ line: current.line, message: `The note on paper "${current.key}" has ${current.state.note.length} characters, more than the ${MAX_NOTE_LENGTH} a note may have; it was not imported.` });
      current = null;
      return;
    }
    if (states.has(current.key)) problems.push({ line: current.line, message: `Paper "${current.key}" appears twice; the later one is kept.` });
    states.set(current.key, current.state);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opener = /^(`{3,})[^`]*$/.exec(line);
    if (opener) {
      const openerLine = i + 1;
      const fenceLength = (opener[1] as string).length;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const inner = lines[i] as string;
        const closer = /^ {0,3}(`+)[ \t]*$/.exec(inner);
        if (closer && (closer[1] as string).length >= fenceLength) {
          closed = true;
          break;
        }
        body.push(inner);
      }
      if (!closed) problems.push({ line: openerLine, message: 'A note’s fence is never closed; the note runs to the end of the file.' });
      if (current && !current.hasNote) {
        current.hasNote = true;
        if (!current.noteFromComment) current.state = { ...current.state, note: body.join('\n') };
      }
      continue;
    }
    const comment = new RegExp(`^\\s*<!--\\s*${MARKER}\\s+(.*?)\\s*-->\\s*$`).exec(line);
    if (comment) {
      finish();
      const parsed = parseEntry(comment[1] as string, i + 1, problems);
      if (parsed) current = { ...parsed, line: i + 1, hasNote: false };
    }
  }
  finish();
  return { states, problems };
}

function parseEntry(
  attributeText: string,
  line: number,
  problems: Array<{ line: number; message: string }>,
): { key: string; state: PaperState; noteFromComment: boolean } | null {
  const attributes = new Map<string, string>();
  for (const match of attributeText.matchAll(/([a-z]+)="([^"]*)"/g)) attributes.set(match[1] as string, unescapeAttribute(match[2] as string));
  const key = attributes.get('key');
  if (!key) {
    problems.push({ line, message: 'A paper without a key="…" is skipped.' });
    return null;
  }
  if (RESERVED_KEYS.has(key)) {
    problems.push({ line, message: `The key "${key}" is a reserved name, never a paper's: that entry is skipped.` });
    return null;
  }
  const statusText = attributes.get('status') ?? '';
  const status = ReadingStatus.safeParse(statusText);
  if (statusText !== '' && !status.success) {
    problems.push({ line, message: `Unknown status "${statusText}" for "${key}": it is imported without a status.` });
  }
  const note = attributes.get('note');
  return {
    key,
    noteFromComment: note !== undefined,
    state: {
      status: status.success ? status.data : null,
      note: note ?? '',
      updatedAt: attributes.get('updated') ?? '',
      title: attributes.get('title') ?? key,
      issueLabel: attributes.get('issue') ?? null,
      arxivId: attributes.get('arxiv') ?? null,
    },
  };
}

/** Inside a one-line comment attribute: no `"`, no `>` (so never `-->`), no line breaks. */
/** Markup and every control character (a NUL or a line separator would not survive a text editor or the line reader). */
function escapeAttribute(value: string): string {
  return value.replace(/[&"<>\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function unescapeAttribute(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}
