import type { SummaryBlock } from '../model/model';

/** Plain text: blocks separated by a blank line, list items on their own lines. */
export function summaryToText(blocks: readonly SummaryBlock[]): string {
  return blocks.map((block) => (block.type === 'paragraph' ? block.text : block.items.join('\n'))).join('\n\n');
}

/** The first `max` characters of the summary, cut at a word boundary. */
export function summaryExcerpt(blocks: readonly SummaryBlock[], max: number): string {
  const text = summaryToText(blocks).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()}…`;
}
