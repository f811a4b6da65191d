// arXiv's Atom API answer -> one entry per paper. Pure: no vscode import, never throws. The XML
// is read by fast-xml-parser (no regular expressions over XML); what it gives is checked with zod.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as z from 'zod';
import { apiAddress } from '../net/localAddress';

export const ArxivAuthor = z.object({ name: z.string().min(1), affiliation: z.string().min(1).optional() });
export type ArxivAuthor = z.infer<typeof ArxivAuthor>;

const HttpUrl = z.string().regex(/^https?:\/\/\S+$/);

export const ArxivEntry = z.object({
  /** Without version: `2511.18659`, `cs/0112017`. */
  id: z.string().min(1),
  /** `v2`; null when the entry's id names none. */
  version: z.string().regex(/^v\d+$/).nullable(),
  title: z.string().min(1),
  summary: z.string(),
  authors: z.array(ArxivAuthor),
  /** The first version's date (ISO). */
  published: z.string().min(1),
  updated: z.string().min(1),
  categories: z.array(z.string().min(1)),
  primaryCategory: z.string().min(1).nullable(),
  comment: z.string().min(1).optional(),
  journalRef: z.string().min(1).optional(),
  doi: z.string().min(1).optional(),
  absUrl: HttpUrl,
  pdfUrl: HttpUrl,
});
export type ArxivEntry = z.infer<typeof ArxivEntry>;

/** An entry arXiv answered with an error (`<title>Error</title>`), or one that did not validate. */
export interface ArxivEntryError {
  /** The id the error is about, when it can be told. */
  readonly id: string | null;
  readonly message: string;
}

export type ArxivFeed =
  | { readonly ok: true; readonly entries: readonly ArxivEntry[]; readonly errors: readonly ArxivEntryError[] }
  | { readonly ok: false; readonly error: string };

/** Elements that may repeat are always arrays, so one author and ten are read alike. */
const REPEATED = new Set(['entry', 'author', 'category', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** Collapses runs of whitespace (arXiv hard-wraps titles and abstracts). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The entries for the ids asked for, and no others: an answer that carries entries nobody asked
 * for (a misbehaving server, or a hostile one with 300,000 of them) must not fill the cache.
 */
export function entriesAskedFor(ids: readonly string[], entries: readonly ArxivEntry[]): ArxivEntry[] {
  const asked = new Set(ids);
  return entries.filter((entry) => asked.has(entry.id));
}

/** `http://arxiv.org/abs/2511.18659v2` -> `{ id: '2511.18659', version: 'v2' }`; null for anything else. */
export function arxivIdFromAbsUrl(url: string): { id: string; version: string | null } | null {
  const match = /^https?:\/\/(?:export\.)?arxiv\.org\/abs\/((?:[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7})|(?:\d{4}\.\d{4,5}))(v\d+)?$/.exec(url.trim());
  if (!match?.[1]) return null;
  return { id: match[1], version: match[2] ?? null };
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An element's text: a plain string, or `#text` when it also had attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return text(value['#text']);
  return undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function optional(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

/** Parses a whole answer. Malformed XML, or XML that is not an Atom feed, gives `ok: false`. */
export function parseArxivAtom(xml: string): ArxivFeed {
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) return { ok: false, error: `arXiv's answer is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
    const document: unknown = parser.parse(xml);
    const feed = isNode(document) ? document['feed'] : undefined;
    if (!isNode(feed)) return { ok: false, error: 'arXiv’s answer is not an Atom feed (no <feed> element)' };
    const entries: ArxivEntry[] = [];
    const errors: ArxivEntryError[] = [];
    for (const raw of list(feed['entry'])) {
      const read = readEntry(raw);
      if ('message' in read) errors.push(read);
      else entries.push(read);
    }
    return { ok: true, entries, errors };
  } catch (error) {
    return { ok: false, error: `arXiv's answer could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function readEntry(raw: unknown): ArxivEntry | ArxivEntryError {
  if (!isNode(raw)) return { id: null, message: 'an empty entry' };
  const idUrl = text(raw['id']) ?? '';
  const title = text(raw['title']) ?? '';
  const summary = text(raw['summary']) ?? '';
  if (title === 'Error') {
    // e.g. <summary>incorrect id format for 1234.5678x</summary>
    const named = /\bfor\s+(\S+)$/.exec(summary)?.[1] ?? null;
    return { id: named, message: summary || 'arXiv answered with an error' };
  }
  const parsedId = arxivIdFromAbsUrl(idUrl);
  if (!parsedId) return { id: null, message: `an entry with an id arXiv does not use: ${idUrl.slice(0, 100)}` };
  const links = list(raw['link']).filter(isNode);
  const linkHref = (test: (link: Node) => boolean) => {
    const href = links.find(test)?.['@_href'];
    return typeof href === 'string' ? href : undefined;
  };
  const absUrl = linkHref((link) => link['@_rel'] === 'alternate') ?? `https://arxiv.org/abs/${parsedId.id}${parsedId.version ?? ''}`;
  const pdfUrl = linkHref((link) => link['@_title'] === 'pdf') ?? `https://arxiv.org/pdf/${parsedId.id}${parsedId.version ?? ''}`;
  const authors = list(raw['author']).filter(isNode).map((author) => {
    const name = text(author['name']) ?? '';
    const affiliation = list(author['affiliation'])
      .map(text)
      .filter((value): value is string => !!value)
      .join('; ');
    return affiliation ? { name, affiliation } : { name };
  });
  const categories = list(raw['category'])
    .filter(isNode)
    .map((category) => category['@_term'])
    .filter((term): term is string => typeof term === 'string' && term.length > 0);
  const primary = isNode(raw['primary_category']) ? raw['primary_category']['@_term'] : undefined;
  const candidate = {
    id: parsedId.id,
    version: parsedId.version,
    title,
    summary,
    authors,
    published: text(raw['published']) ?? '',
    updated: text(raw['updated']) ?? '',
    categories,
    primaryCategory: typeof primary === 'string' && primary ? primary : (categories[0] ?? null),
    comment: optional(text(raw['comment'])),
    journalRef: optional(text(raw['journal_ref'])),
    doi: optional(text(raw['doi'])),
    absUrl,
    pdfUrl,
  };
  const checked = ArxivEntry.safeParse(candidate);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { id: parsedId.id, message: `arXiv's entry for ${parsedId.id} is incomplete (${problems})` };
  }
  return checked.data;
}

/** Categories with the primary one first, each once. */
export function categoriesPrimaryFirst(entry: Pick<ArxivEntry, 'categories' | 'primaryCategory'>): string[] {
  const all = entry.primaryCategory ? [entry.primaryCategory, ...entry.categories] : [...entry.categories];
  return [...new Set(all)];
}

/** A DOI as arXiv gives it, when it looks like one (`10.1145/3626772.3657888`); else null. */
export function validDoi(doi: string | undefined): string | null {
  const trimmed = doi?.trim() ?? '';
  return /^10\.\d{4,9}\/[^\s"<>]+$/.test(trimmed) ? trimmed : null;
}

/** The doi.org address of a valid DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** `GET {base}?id_list=A,B&max_results=N`; null unless `base` is https, or http on this computer (isApiAddress). */
export function arxivQueryUrl(base: string, ids: readonly string[]): string | null {
  const url = apiAddress(base);
  if (url === null) return null;
  // Commas kept as they are, as arXiv documents the parameter.
  url.search = `?id_list=${ids.map(encodeURIComponent).join(',')}&max_results=${ids.length}`;
  return url.toString();
}
