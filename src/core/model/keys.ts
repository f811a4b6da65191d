// Stable paper keys: notes and reading status hang off these, so they must not change when an
// issue is re-formatted, re-ordered or read in another shape.
import type { DiagnosticSink } from '../parse/diagnostics';

/** Lowercases and replaces runs of anything but letters and digits with '-'. */
export function slugify(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The most of a title's slug a key keeps: a real title's is under 300 characters, and a bound
 * here bounds every key, so the summary panel can refuse a longer one (MAX_PAPER_KEY_LENGTH).
 */
export const MAX_KEY_SLUG_CHARS = 1000;
/** The longest paper key: an arXiv id, or `vol<N>:` and a slug, with a `#<n>` for a repeat. */
export const MAX_PAPER_KEY_LENGTH = MAX_KEY_SLUG_CHARS + 100;

/** The arXiv id where there is one, else the volume and the normalised title (never the position). */
export function paperKey(arxivId: string | null, volume: number | null, title: string): string {
  if (arxivId) return arxivId;
  const slug = boundedSlug(slugify(title)) || 'untitled';
  return volume === null ? `novol:${slug}` : `vol${volume}:${slug}`;
}

/** The slug's first MAX_KEY_SLUG_CHARS characters, never half of a character outside the BMP. */
function boundedSlug(slug: string): string {
  if (slug.length <= MAX_KEY_SLUG_CHARS) return slug;
  const end = /[\uD800-\uDBFF]/.test(slug.charAt(MAX_KEY_SLUG_CHARS - 1)) ? MAX_KEY_SLUG_CHARS - 1 : MAX_KEY_SLUG_CHARS;
  return slug.slice(0, end).replace(/-+$/, '');
}

/** Keys made unique within an issue (`#2`, `#3` appended to repeats), warning about each repeat. */
export function uniqueKeys<T extends { key: string; range: { startLine: number } }>(items: T[], sink: DiagnosticSink): T[] {
  const seen = new Map<string, number>();
  for (const item of items) {
    const count = (seen.get(item.key) ?? 0) + 1;
    seen.set(item.key, count);
    if (count > 1) {
      sink.warning(item.range.startLine, 'duplicate-paper', `The same paper (${item.key}) appears more than once in this issue.`);
      item.key = `${item.key}#${count}`;
    }
  }
  return items;
}
