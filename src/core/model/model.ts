// The newsletter model. These zod schemas are the single source of truth for the types:
// the parser's output is validated against them in tests, and stored data is checked with them.
import * as z from 'zod';

/** 1-based, inclusive line span in the source text. */
export const SourceRange = z.object({
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
});
export type SourceRange = z.infer<typeof SourceRange>;

export const LinkKind = z.enum(['arxiv', 'pdf', 'code', 'huggingface', 'web']);
export type LinkKind = z.infer<typeof LinkKind>;

export const Link = z.object({
  kind: LinkKind,
  /** Always an http: or https: URL; anything else never becomes a Link. */
  url: z.string().regex(/^https?:\/\/[^\s<>"'`]+$/),
  /** The 1-based line the link was read from. */
  line: z.number().int().min(1),
});
export type Link = z.infer<typeof Link>;

export const SummaryBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string().min(1) }),
  z.object({ type: z.literal('list'), items: z.array(z.string().min(1)).min(1) }),
]);
export type SummaryBlock = z.infer<typeof SummaryBlock>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Week = z.object({ start: IsoDate.nullable(), end: IsoDate.nullable() });
export type Week = z.infer<typeof Week>;

export const Highlight = z.object({
  title: z.string().min(1),
  org: z.string().nullable(),
  /** The real title's words from the line's anchor (see Paper.titleHint). */
  titleHint: z.string().nullable(),
  line: z.number().int().min(1),
});
export type Highlight = z.infer<typeof Highlight>;

export const Paper = z.object({
  /**
   * Stable identity: the arXiv id where there is one; else, for a complete paper, the volume and
   * the normalised title; for an incomplete one, the volume and its number (`vol132:#2`).
   */
  key: z.string().min(1),
  /** The number in the issue (`[3]`), or null where the issue did not number it. */
  number: z.number().int().min(0).nullable(),
  title: z.string().min(1),
  /** The title as the highlights list (the contents) gives it: often rewritten by the editor. */
  shortTitle: z.string().nullable(),
  /**
   * The real title as the contents line's anchor names it (`/i/<post>/<slug>` on the web page),
   * in lower-case words with punctuation dropped (and sometimes digits); null without one.
   */
  titleHint: z.string().nullable(),
  /**
   * False when the issue holds only the paper's contents line, or its section is cut off (the
   * paywall): then the summary and links are missing or partial.
   */
  complete: z.boolean(),
  org: z.string().nullable(),
  /** arXiv id without version: `2511.18659` or `cs/0112017`. */
  arxivId: z.string().nullable(),
  /** The version the issue linked to (`v2`), if any. */
  arxivVersion: z.string().nullable(),
  summary: z.array(SummaryBlock),
  links: z.array(Link),
  range: SourceRange,
  /**
   * Set where the arXiv id did not come from the newsletter: found by a search of arXiv, or
   * chosen by the reader (then `arxivId` null means "not on arXiv"). The parser never sets it.
   */
  arxivMatch: z
    .object({
      origin: z.enum(['search', 'reader']),
      title: z.string().nullable(),
      /** Found by the search because its authors' affiliations name the contents line's organisation. */
      byAffiliation: z.boolean().optional(),
    })
    .optional(),
  /** Set where the code link is not the newsletter's but the repository Hugging Face's paper page names. */
  codeFrom: z.literal('huggingface').optional(),
});
export type Paper = z.infer<typeof Paper>;
export type ArxivMatchOrigin = NonNullable<Paper['arxivMatch']>['origin'];

export const Extra = z.object({
  key: z.string().min(1),
  /** The words after `Extras:`, e.g. `Benchmarks`. */
  section: z.string(),
  title: z.string().min(1),
  summary: z.array(SummaryBlock),
  arxivId: z.string().nullable(),
  arxivVersion: z.string().nullable(),
  links: z.array(Link),
  range: SourceRange,
});
export type Extra = z.infer<typeof Extra>;

export const IssueShape = z.enum(['web', 'email', 'markdown']);
export type IssueShape = z.infer<typeof IssueShape>;

export const Issue = z.object({
  volume: z.number().int().min(0).nullable(),
  week: Week,
  title: z.string().nullable(),
  shape: IssueShape,
  /** The post's address where the issue names it (an e-mail's "View this post on the web at"). */
  webUrl: z.string().nullable(),
  highlights: z.array(Highlight),
  papers: z.array(Paper),
  extras: z.array(Extra),
  /** Set when the text stops early (a paywall, a truncated copy): what was read is kept. */
  cutOff: z.object({ line: z.number().int().min(1), reason: z.string() }).nullable(),
  range: SourceRange,
});
export type Issue = z.infer<typeof Issue>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  severity: Severity,
  /** 1-based line in the source text. */
  line: z.number().int().min(1),
  message: z.string().min(1),
  /** A stable, machine-readable name for the problem, e.g. `cut-off`. */
  code: z.string().min(1),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const ParseResult = z.object({
  issues: z.array(Issue),
  diagnostics: z.array(Diagnostic),
});
export type ParseResult = z.infer<typeof ParseResult>;
