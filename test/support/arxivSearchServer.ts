// A stand-in for arXiv's search API for the matching tests and benchmark: an HTTP server on
// 127.0.0.1 (a free port) that answers `?search_query=…` over the hand-written corpus
// (test/fixtures/match/corpus.json) in arXiv's Atom layout. It takes the documented subset of the
// query language (test/support/arxivSearchLanguage.ts) and answers HTTP 400 with an Error entry
// for anything else, so that a malformed query fails a test instead of quietly matching nothing.
// `sortBy`, `sortOrder`, `start` and `max_results` are honoured; `id_list` alone is answered with
// the corpus's entries for those ids (the panel's look-ups). Every request is recorded (time,
// query, status), so callers can count requests and check their spacing. Its relevance order is a
// tf-idf sum, not arXiv's. Close it in `after`.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { QuerySyntaxError, SearchIndex, parseSearchQuery, type SearchableEntry } from './arxivSearchLanguage';
import type { CorpusEntry } from './matchCorpus';

export interface RecordedSearch {
  /** Date.now() when the request arrived. */
  readonly at: number;
  readonly url: string;
  /** The decoded search_query, or null when there was none. */
  readonly query: string | null;
  readonly status: number;
  /** How many entries were sent back. */
  readonly returned: number;
}

/** arXiv refuses more than this many results in one answer (its manual: 2000 a slice, 30000 in all). */
const MAX_RESULTS_LIMIT = 2000;
const DEFAULT_MAX_RESULTS = 10;
const PARAMETERS = new Set(['search_query', 'id_list', 'start', 'max_results', 'sortBy', 'sortOrder']);

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Hard-wraps text at about 80 columns, as arXiv's answers are. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 76 && line.length > 0) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

const ARXIV_NS = 'xmlns:arxiv="http://arxiv.org/schemas/atom"';

function entryXml(entry: CorpusEntry): string {
  const version = entry.version ?? 'v1';
  const abs = `http://arxiv.org/abs/${entry.id}${version}`;
  const authors = entry.authors
    .map((author) =>
      author.affiliation
        ? `    <author>\n      <name>${escapeXml(author.name)}</name>\n      <arxiv:affiliation ${ARXIV_NS}>${escapeXml(author.affiliation)}</arxiv:affiliation>\n    </author>\n`
        : `    <author>\n      <name>${escapeXml(author.name)}</name>\n    </author>\n`,
    )
    .join('');
  const [primary] = entry.categories;
  return (
    '  <entry>\n' +
    `    <id>${abs}</id>\n` +
    `    <updated>${entry.updated}</updated>\n` +
    `    <published>${entry.published}</published>\n` +
    `    <title>${wrap(escapeXml(entry.title), '  ')}</title>\n` +
    `    <summary>  ${wrap(escapeXml(entry.summary), '')}\n</summary>\n` +
    authors +
    (entry.comment ? `    <arxiv:comment ${ARXIV_NS}>${escapeXml(entry.comment)}</arxiv:comment>\n` : '') +
    (entry.journalRef ? `    <arxiv:journal_ref ${ARXIV_NS}>${escapeXml(entry.journalRef)}</arxiv:journal_ref>\n` : '') +
    `    <link href="${abs}" rel="alternate" type="text/html"/>\n` +
    `    <link title="pdf" href="http://arxiv.org/pdf/${entry.id}${version}" rel="related" type="application/pdf"/>\n` +
    `    <arxiv:primary_category ${ARXIV_NS} term="${escapeXml(primary ?? 'cs.IR')}" scheme="http://arxiv.org/schemas/atom"/>\n` +
    entry.categories.map((category) => `    <category term="${escapeXml(category)}" scheme="http://arxiv.org/schemas/atom"/>\n`).join('') +
    '  </entry>\n'
  );
}

function feedXml(query: string, start: number, maxResults: number, total: number, entries: readonly CorpusEntry[]): string {
  const self = `search_query=${query}&id_list=&start=${start}&max_results=${maxResults}`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <link href="http://arxiv.org/api/query?${escapeXml(encodeURIComponent(self))}" rel="self" type="application/atom+xml"/>\n` +
    `  <title type="html">ArXiv Query: ${escapeXml(self)}</title>\n` +
    '  <id>http://arxiv.org/api/stand-in</id>\n' +
    '  <updated>2026-03-09T00:00:00-05:00</updated>\n' +
    `  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${total}</opensearch:totalResults>\n` +
    `  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${start}</opensearch:startIndex>\n` +
    `  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${maxResults}</opensearch:itemsPerPage>\n` +
    entries.map(entryXml).join('') +
    '</feed>\n'
  );
}

/**
 * A paper's page as arXiv's LaTeXML makes it, cut to what the matching reads: the title, the
 * author block (each name with the numbers of its affiliations, then the affiliations), the
 * abstract, and a long body after it.
 */
function pageHtml(entry: CorpusEntry): string {
  const affiliations = entry.page ? entry.page.affiliations : [];
  const authors = entry.authors
    .map((author, i) => {
      const mark = affiliations.length > 0 ? `<sup class="ltx_sup">${(i % affiliations.length) + 1}</sup>` : '';
      return `<span class="ltx_creator ltx_role_author"><span class="ltx_personname">${escapeXml(author.name)}${mark}</span></span>`;
    })
    .join('\n');
  const places = affiliations
    .map((place, i) => `<span class="ltx_contact ltx_role_affiliation"><sup class="ltx_sup">${i + 1}</sup>${escapeXml(place)}</span>`)
    .join('<br class="ltx_break">\n');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeXml(entry.title)}</title>\n<link rel="stylesheet" href="/static/browse/ar5iv.css">\n</head>\n<body>\n` +
    '<div class="ltx_page_main"><div class="ltx_page_content"><article class="ltx_document ltx_authors_1line">\n' +
    `<h1 class="ltx_title ltx_title_document">${escapeXml(entry.title)}</h1>\n` +
    `<div class="ltx_authors">\n${authors}\n${places}\n</div>\n` +
    `<div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6><p class="ltx_p">${escapeXml(entry.summary)}</p></div>\n` +
    `<section class="ltx_section" id="S1"><h2 class="ltx_title ltx_title_section">1 Introduction</h2><div class="ltx_para"><p class="ltx_p">${escapeXml(entry.summary).repeat(20)}</p></div></section>\n` +
    '</article></div></div>\n</body>\n</html>\n'
  );
}

/** The Error entry arXiv sends with a 400 for a request it cannot read. */
function errorXml(message: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    '  <title type="html">ArXiv Query: error</title>\n' +
    '  <id>http://arxiv.org/api/stand-in</id>\n' +
    '  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>\n' +
    '  <entry>\n' +
    '    <id>http://arxiv.org/api/errors#stand-in</id>\n' +
    '    <title>Error</title>\n' +
    `    <summary>${escapeXml(message)}</summary>\n` +
    '    <updated>2026-03-09T00:00:00-05:00</updated>\n' +
    '    <link href="http://arxiv.org/api/errors#stand-in" rel="alternate" type="text/html"/>\n' +
    '    <author>\n      <name>arXiv api core</name>\n    </author>\n' +
    '  </entry>\n' +
    '</feed>\n'
  );
}

class BadRequest extends Error {}

function integer(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) throw new BadRequest(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  const n = Number(value);
  if (n > max) throw new BadRequest(`${name} must be at most ${max}`);
  return n;
}

export class ArxivSearchServer {
  readonly requests: RecordedSearch[] = [];
  private readonly index: SearchIndex;
  private readonly byId: ReadonlyMap<string, CorpusEntry>;
  private readonly server: http.Server;

  private constructor(corpus: readonly CorpusEntry[]) {
    this.index = new SearchIndex(corpus);
    this.byId = new Map(corpus.map((entry) => [entry.id, entry]));
    this.server = http.createServer((request, response) => this.answer(request, response));
  }

  static async start(corpus: readonly CorpusEntry[]): Promise<ArxivSearchServer> {
    const server = new ArxivSearchServer(corpus);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** Where papers' pages are (`<pagesUrl>/html/<id>`): what `weeklyPapers.arxivPagesUrl` would hold. */
  get pagesUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The API address: what `weeklyPapers.arxivApiUrl` would hold. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/query`;
  }

  reset(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams.get('search_query');
    const send = (status: number, body: string, returned: number) => {
      this.requests.push({ at: Date.now(), url: url.toString(), query, status, returned });
      response.writeHead(status, { 'content-type': 'application/atom+xml; charset=utf-8' });
      response.end(body);
    };
    try {
      if (request.method !== 'GET') throw new BadRequest('only GET is supported');
      const pagePath = /^\/html\/(.+?)(v\d+)?$/.exec(url.pathname);
      if (pagePath) {
        // A paper's page: no search, but a request in the same queue (counted and spaced the same).
        const entry = this.byId.get(decodeURIComponent(pagePath[1] ?? ''));
        this.requests.push({ at: Date.now(), url: url.toString(), query: null, status: entry?.page === false || !entry ? 404 : 200, returned: 0 });
        if (!entry || entry.page === false) {
          response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
          response.end('<!DOCTYPE html><html><body><h1>No HTML for this paper</h1></body></html>');
          return;
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(pageHtml(entry));
        return;
      }
      if (url.pathname !== '/api/query') {
        send(404, errorXml(`no such path ${url.pathname}`), 0);
        return;
      }
      for (const name of url.searchParams.keys()) {
        if (!PARAMETERS.has(name)) throw new BadRequest(`unsupported parameter ${name}`);
        if (url.searchParams.getAll(name).length > 1) throw new BadRequest(`parameter ${name} given twice`);
      }
      const idList = url.searchParams.get('id_list');
      if (query === null && idList !== null) {
        // A look-up by ids (the metadata for the panel): the corpus's entries for them, in order.
        const found = idList.split(',').map((id) => this.byId.get(id)).filter((entry): entry is CorpusEntry => entry !== undefined);
        send(200, feedXml('', 0, found.length, found.length, found), found.length);
        return;
      }
      if (query === null) throw new BadRequest('search_query (or id_list) is required by this stand-in');
      const start = integer(url.searchParams.get('start'), 'start', 0, 30000);
      const maxResults = integer(url.searchParams.get('max_results'), 'max_results', DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT);
      const sortBy = url.searchParams.get('sortBy') ?? 'relevance';
      if (sortBy !== 'relevance' && sortBy !== 'lastUpdatedDate' && sortBy !== 'submittedDate') throw new BadRequest(`unknown sortBy ${sortBy}`);
      const sortOrder = url.searchParams.get('sortOrder') ?? 'descending';
      if (sortOrder !== 'ascending' && sortOrder !== 'descending') throw new BadRequest(`unknown sortOrder ${sortOrder}`);
      const node = parseSearchQuery(query);
      const hits = this.index.search(node, sortBy, sortOrder);
      const page = hits.slice(start, start + maxResults).map((hit: SearchableEntry) => this.byId.get(hit.id)!);
      send(200, feedXml(query, start, maxResults, hits.length, page), page.length);
    } catch (error) {
      if (error instanceof BadRequest || error instanceof QuerySyntaxError) {
        send(400, errorXml(error.message), 0);
        return;
      }
      send(500, errorXml(error instanceof Error ? error.message : String(error)), 0);
    }
  }
}
