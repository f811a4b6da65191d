// Stable paper keys: notes and reading status hang off these, so they must not change when an
// issue is re-formatted, re-ordered or read in another shape.

/** Lowercases and replaces runs of anything but letters and digits with '-'. */
export function slugify(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The arXiv id where there is one, else the volume and the normalised title (never the position). */
export function paperKey(arxivId: string | null, volume: number | null, title: string): string {
  if (arxivId) return arxivId;
  const slug = slugify(title) || 'untitled';
  return volume === null ? `novol:${slug}` : `vol${volume}:${slug}`;
}
