// The reading statuses and how text is appended to a note, without zod: the summary panel's page
// (a small browser bundle, src/webview/page) uses them exactly as the extension and its store do.

/** The reading statuses, in the order a reader moves through them. */
export const READING_STATUSES = ['toRead', 'reading', 'read'] as const;

export function isReadingStatus(value: string): value is (typeof READING_STATUSES)[number] {
  return (READING_STATUSES as readonly string[]).includes(value);
}

/** A note with `text` added at its end, after a blank line (or `text` alone, for an empty note). */
export function appendToNote(note: string, text: string): string {
  const kept = note.trimEnd();
  return kept === '' ? text : `${kept}\n\n${text}`;
}
