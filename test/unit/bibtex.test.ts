import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixture } from './helpers/fixtures';
import {
  arxivPrimaryClass, arxivYear, authorFromOrg, bibtexEntry, bibtexFile, bibtexTitle, bibtexYear, citationKey, escapeBibtex, type BibtexSource,
} from '../../src/core/formats/bibtex';

const clara: BibtexSource = {
  key: '2511.18659',
  title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
  arxivId: '2511.18659',
  org: 'Apple',
  weekStart: '2025-11-24',
  url: null,
};

const paper = (key: string, title: string, extra: Partial<BibtexSource> = {}): BibtexSource => ({
  key, title, arxivId: null, org: null, weekStart: '2025-11-24', url: null, ...extra,
});

/** Braces as BibTeX counts them: every one, a backslash before it or not. */
function braceDepthNeverNegativeAndEndsAtZero(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The fields of one `@misc{key, name={value}, …}` entry as BibTeX reads them: a value runs to the
 * brace that balances its opening one, counting every brace (BibTeX knows no `\{`). Fails on
 * anything else, so a title that closes its field early shows up as a field that should not be.
 */
function bibtexFields(entry: string): Array<{ name: string; value: string }> {
  const head = /^@misc\{([a-z0-9]+),\n/.exec(entry);
  assert.ok(head, `no entry head: ${entry}`);
  const fields: Array<{ name: string; value: string }> = [];
  let at = head[0].length;
  for (;;) {
    const name = /^ {2}([A-Za-z]+)=\{/.exec(entry.slice(at));
    assert.ok(name, `no field at ${at}: ${JSON.stringify(entry.slice(at, at + 60))}`);
    at += name[0].length;
    const start = at;
    for (let depth = 1; depth > 0; at++) {
      assert.ok(at < entry.length, `field ${name[1]} never closes: ${entry}`);
      if (entry[at] === '{') depth++;
      if (entry[at] === '}') depth--;
    }
    fields.push({ name: name[1] as string, value: entry.slice(start, at - 1) });
    if (entry.startsWith(',\n', at)) at += 2;
    else {
      assert.equal(entry.slice(at), '\n}\n', `after field ${name[1]}`);
      return fields;
    }
  }
}

/** Text made mostly of what BibTeX and LaTeX treat specially, and some of anything. */
const hostileText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom('{', '}', '\\', '%', '#', '&', '_', '$', '~', '^', ',', '=', '"', '@', '\n', ' ', 'a', 'B', 'note'), maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  );

describe('BibTeX', () => {
  it('writes the sample’s first paper the way arXiv does, from what the issue knows', () => {
    assert.equal(
      bibtexEntry(clara),
      [
        '@misc{clara2025,',
        '  title={{CLaRa}: Bridging Retrieval and Generation with Continuous Latent Reasoning},',
        '  year={2025},',
        '  eprint={2511.18659},',
        '  archivePrefix={arXiv},',
        '  url={https://arxiv.org/abs/2511.18659}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('never invents an author: an organisation is not one, "X et al." names the first author', () => {
    assert.equal(authorFromOrg('Apple'), null);
    assert.equal(authorFromOrg('the University of Waterloo'), null);
    assert.equal(authorFromOrg(null), null);
    assert.equal(authorFromOrg('Liu et al.'), 'Liu and others');
    assert.equal(authorFromOrg('García-López et al'), 'García-López and others');
    assert.doesNotMatch(bibtexEntry(clara), /author=/);
    assert.match(bibtexEntry({ ...clara, org: 'Wang et al.' }), /^ {2}author=\{Wang and others\},$/m);
  });

  it('takes the year from the arXiv id (YYMM), else from the issue’s week, else leaves it out', () => {
    assert.equal(arxivYear('2511.18659'), 2025);
    assert.equal(arxivYear('0704.0001'), 2007);
    assert.equal(arxivYear('cs/0112017'), 2001);
    assert.equal(arxivYear('hep-th/9901001'), 1999);
    assert.equal(arxivYear('math.GT/0309136'), 2003);
    assert.equal(arxivYear('not-an-id'), null);
    assert.equal(bibtexYear({ arxivId: '2412.00001', weekStart: '2025-01-05' }), 2024);
    assert.equal(bibtexYear({ arxivId: null, weekStart: '2026-01-05' }), 2026);
    assert.equal(bibtexYear({ arxivId: null, weekStart: null }), null);
    const noYear = bibtexEntry(paper('vol1:x', 'Untimed', { weekStart: null, url: 'https://example.org/p' }));
    assert.doesNotMatch(noYear, /year=/);
    assert.match(noYear, /^@misc\{untimed,$/m);
  });

  it('names the archive of an old-style id as the primary class, and nothing for new-style ids', () => {
    assert.equal(arxivPrimaryClass('cs/0112017'), 'cs');
    assert.equal(arxivPrimaryClass('math.GT/0309136'), 'math.GT');
    assert.equal(arxivPrimaryClass('2511.18659'), null);
    assert.match(bibtexEntry(paper('cs/0112017', 'Old', { arxivId: 'cs/0112017' })), /primaryClass=\{cs\},\n {2}url=\{https:\/\/arxiv\.org\/abs\/cs\/0112017\}/);
    assert.doesNotMatch(bibtexEntry(clara), /primaryClass/);
  });

  it('makes a readable key from the first word (skipping a/an/the, folding accents) and the year', () => {
    assert.equal(citationKey(paper('k', 'A Lightweight End-to-End Model'), []), 'lightweight2025');
    assert.equal(citationKey(paper('k', 'The Über-Ranker'), []), 'uber2025');
    assert.equal(citationKey(paper('k', 'R²R: A Route-to-Rerank Framework'), []), 'r2r2025');
    assert.equal(citationKey(paper('k', 'E2E-GRec: End-to-End'), []), 'e2e2025');
    assert.equal(citationKey(paper('k', '“…”'), []), 'paper2025');
  });

  it('keeps keys unique: more title words on a clash, letters for identical titles, the same whichever is copied', () => {
    const a = paper('1', 'Generative Early Stage Ranking');
    const b = paper('2', 'Generative Retrieval at Scale');
    const c = paper('3', 'Generative Early Stage Ranking');
    const other = paper('4', 'Generative Models', { weekStart: '2024-01-01' });
    const all = [a, b, c, other];
    assert.equal(citationKey(b, all), 'generativeretrieval2025');
    assert.equal(citationKey(a, all), 'generativeearlystageranking2025a');
    assert.equal(citationKey(c, all), 'generativeearlystageranking2025b');
    assert.equal(citationKey(other, all), 'generative2024', 'another year is no clash');
    assert.equal(citationKey(a, [a]), 'generative2025', 'a paper never clashes with itself');
  });

  it('gives a paper in a .bib the key Copy BibTeX gives it, whichever papers are exported with it', () => {
    const library = [
      paper('1', 'Generative Early Stage Ranking'),
      paper('2', 'Generative Retrieval at Scale'),
      paper('3', 'Generative Early Stage Ranking'),
      paper('4', 'Dense Retrieval Revisited'),
      clara,
      paper('5', 'CLaRa Revisited'),
    ];
    const keysOf = (file: string) => [...file.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1]);
    for (const exported of [[library[0]!], [library[1]!, library[3]!], [clara], library]) {
      const copied = exported.map((source) => citationKey(source, library));
      assert.deepEqual(keysOf(bibtexFile(exported, library)), copied, `exporting ${exported.map((source) => source.key).join(', ')}`);
    }
    assert.deepEqual(keysOf(bibtexFile([clara])), ['clara2025'], 'without rivals, only the file’s own papers count');
    assert.deepEqual(keysOf(bibtexFile([clara], library)), ['clarabridging2025']);
  });

  it('escapes LaTeX specials and keeps the case of words with inner capitals', () => {
    assert.equal(
      escapeBibtex('50% of {x} & $y$ #1 a_b ~ ^ \\'),
      '50\\% of \\textbraceleft{}x\\textbraceright{} \\& \\$y\\$ \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    assert.equal(bibtexTitle('RAG with LLMs:  {Braces}\n and\tHyDE'), '{RAG} with {LLMs}: \\textbraceleft{}Braces\\textbraceright{} and {HyDE}');
    assert.equal(bibtexTitle('Top Papers of the Week'), 'Top Papers of the Week');
  });

  it('keeps every field balanced whatever the title, org and link hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 30 }), fc.webUrl(), (title, org, url) => {
        const entry = bibtexEntry(paper('k', title.trim() || 'x', { org: `${org} et al.`, url: `${url}/{}\\` }));
        assert.ok(braceDepthNeverNegativeAndEndsAtZero(entry), entry);
        assert.match(entry, /^@misc\{[a-z0-9]+,\n/);
        assert.ok(entry.endsWith('\n}\n'));
      }),
    );
  });

  it('never lets a title close its field: `x}, note={pwned` stays inside the title', () => {
    const entry = bibtexEntry(paper('k', 'x}, note={pwned'));
    assert.deepEqual(bibtexFields(entry).map((field) => field.name), ['title', 'year']);
    assert.equal(bibtexFields(entry)[0]?.value, 'x\\textbraceright{}, note=\\textbraceleft{}pwned');
  });

  it('gives, for any title, authors, organisation, DOI and link, exactly the expected fields, each balanced', () => {
    fc.assert(
      fc.property(
        hostileText(60),
        fc.array(hostileText(20), { maxLength: 3 }),
        hostileText(20),
        fc.option(hostileText(20), { nil: null }),
        fc.option(hostileText(12), { nil: null }),
        fc.boolean(),
        (title, authors, org, doi, category, onArxiv) => {
          const arxiv = { title, authors, published: '2025-11-23T00:00:00Z', primaryCategory: category, doi };
          const source = onArxiv
            ? paper('k', title, { arxivId: '2511.18659', org: `${org} et al.`, arxiv })
            : paper('k', title, { org: `${org} et al.`, url: `https://example.org/${title}` });
          const entry = bibtexEntry(source);
          const fields = bibtexFields(entry);
          const expected = ['title'];
          const hasAuthor = (onArxiv && authors.some((name) => escapeBibtex(name) !== '')) || authorFromOrg(source.org) !== null;
          if (hasAuthor) expected.push('author');
          expected.push('year');
          if (onArxiv) {
            expected.push('eprint', 'archivePrefix');
            if (category) expected.push('primaryClass');
            if (doi) expected.push('doi');
          }
          expected.push('url');
          assert.deepEqual(fields.map((field) => field.name), expected, entry);
          for (const field of fields) assert.ok(braceDepthNeverNegativeAndEndsAtZero(field.value), `${field.name}: ${field.value}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the fields of the hostile issue’s papers what they are (hostile/vol-144-bibtex-injection.txt)', () => {
    const issue = fixture('hostile/vol-144-bibtex-injection.txt').issue();
    assert.equal(issue.papers.length, 3);
    for (const p of issue.papers) {
      const entry = bibtexEntry({ key: p.key, title: p.title, arxivId: p.arxivId, org: p.org, weekStart: issue.week.start, url: null });
      assert.deepEqual(bibtexFields(entry).map((field) => field.name), ['title', 'author', 'year', 'eprint', 'archivePrefix', 'url'], entry);
    }
    assert.match(bibtexEntry({ key: 'k', title: issue.papers[2]!.title, arxivId: null, org: null, weekStart: null, url: null }), /^ {2}title=\{Trailing Backslashes \\textbackslash\{\}\}$/m);
  });
});

describe('BibTeX with arXiv metadata', () => {
  const metadata = {
    title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
    authors: ['Jordan Ellis', 'Priya Raman', 'Tomás Oliveira'],
    published: '2025-11-23T23:12:41Z',
    primaryCategory: 'cs.CL',
    doi: null,
  };

  it('uses arXiv’s authors, first-version year and primary category, in arXiv’s @misc layout', () => {
    assert.equal(
      bibtexEntry({ ...clara, arxiv: metadata }),
      [
        '@misc{clara2025,',
        '  title={{CLaRa}: Bridging Retrieval and Generation with Continuous Latent Reasoning},',
        '  author={Jordan Ellis and Priya Raman and Tomás Oliveira},',
        '  year={2025},',
        '  eprint={2511.18659},',
        '  archivePrefix={arXiv},',
        '  primaryClass={cs.CL},',
        '  url={https://arxiv.org/abs/2511.18659}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('adds the DOI when arXiv has one, escaped; the year is the first version’s', () => {
    const entry = bibtexEntry({ ...clara, arxivId: '2512.00001', arxiv: { ...metadata, published: '2024-12-31T23:00:00Z', doi: '10.1007/978-3-031_1' } });
    assert.match(entry, /^ {2}doi=\{10\.1007\/978-3-031\\_1\},$/m);
    assert.match(entry, /^ {2}year=\{2024\},$/m);
    assert.match(entry, /^@misc\{clara2024,/);
  });

  it('writes a .bib with one entry per paper and keys unique within the file', () => {
    const sources = [
      clara,
      paper('a', 'Same Title', { arxivId: '2511.00001' }),
      paper('b', 'Same Title', { arxivId: '2511.00002' }),
      paper('c', 'Same Title', { arxivId: '2511.00003', arxiv: { ...metadata, title: 'Same Title', doi: null } }),
      clara,
    ];
    const file = bibtexFile(sources);
    const keys = [...file.matchAll(/^@misc\{([^,]+),$/gm)].map((match) => match[1]);
    assert.equal(keys.length, 4);
    assert.equal(new Set(keys).size, 4);
    assert.ok(braceDepthNeverNegativeAndEndsAtZero(file));
  });
});
