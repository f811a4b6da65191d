// The hand-written arXiv API fixtures (test/fixtures/arxiv, see its README), assembled into
// answers the way arXiv lays them out. Used by the unit tests and by the local test server.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** test/fixtures/arxiv, from out/test/support (compiled) or test/support (source). */
export const ARXIV_FIXTURES_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../test/fixtures/arxiv' : '../fixtures/arxiv');

export function readArxivFixture(name: string): string {
  return fs.readFileSync(path.join(ARXIV_FIXTURES_DIR, name), 'utf8');
}

/** The ids that have a recorded-looking entry. */
export function fixtureIds(): string[] {
  return fs
    .readdirSync(path.join(ARXIV_FIXTURES_DIR, 'entries'))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => name.slice(0, -'.xml'.length))
    .sort();
}

/** A feed answering `id_list=ids`: the entries the fixtures have, in the order asked. */
export function atomFeed(ids: readonly string[]): string {
  const known = new Set(fixtureIds());
  const head = readArxivFixture('feed-head.xml').replaceAll('{{ID_LIST}}', ids.join(',')).replaceAll('{{COUNT}}', String(ids.length));
  const entries = ids.filter((id) => known.has(id)).map((id) => readArxivFixture(`entries/${id}.xml`));
  return `${head}${entries.join('')}</feed>\n`;
}
