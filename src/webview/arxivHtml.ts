// The summary panel's arXiv section: what arXiv's API says about the paper (authors, dates,
// categories, comment, journal, DOI, abstract), or a quiet line while it loads or when it cannot.
// Nothing of vscode at run time (as summaryHtml.ts): the import is for the type of `vscode.l10n`.
import type * as vscode from 'vscode';
import { categoriesPrimaryFirst, validDoi, type ArxivEntry } from '../core/formats/arxivAtom';
import { detailsSectionHtml, type DetailsService } from './detailsSection';
import { escapeAttribute, escapeHtml, stateLineHtml } from './html';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** The arXiv part of the panel, shown after the newsletter's summary. */
export type ArxivPanelView =
  | { readonly state: 'ready'; readonly entry: ArxivEntry }
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  /** Network use is turned off: said once, quietly. */
  | { readonly state: 'disabled' };

const ARXIV: DetailsService = { name: 'arXiv', className: 'arxiv', headingId: 'arxiv-heading' };

/** arXiv's metadata after the newsletter's summary; a quiet line while it loads or when it cannot. */
export function renderArxiv(arxiv: ArxivPanelView | null, l10n: L10n): string {
  if (arxiv === null) return '';
  return detailsSectionHtml(arxiv, ARXIV, l10n, (view) =>
    view.state === 'ready' ? renderArxivEntry(view.entry, l10n) : stateLineHtml(l10n.t('arXiv details are not fetched: network use is turned off (Weekly Papers › Network: Enabled).'), false),
  );
}

function renderArxivEntry(entry: ArxivEntry, l10n: L10n): string {
  const rows: Array<[string, string]> = [];
  if (entry.authors.length > 0) {
    const names = entry.authors.map((author) =>
      author.affiliation ? `${escapeHtml(author.name)} <span class="affiliation">(${escapeHtml(author.affiliation)})</span>` : escapeHtml(author.name),
    );
    rows.push([l10n.t('Authors'), `<span class="authors">${names.join(', ')}</span>`]);
  }
  const firstVersion = /^\d{4}-\d{2}-\d{2}/.exec(entry.published)?.[0];
  if (firstVersion) {
    const now = entry.version ? ` <span class="version">${escapeHtml(l10n.t('(now {0})', entry.version))}</span>` : '';
    rows.push([l10n.t('First version'), `<time datetime="${escapeAttribute(firstVersion)}">${escapeHtml(firstVersion)}</time>${now}`]);
  }
  const categories = categoriesPrimaryFirst(entry);
  if (categories.length > 0) rows.push([l10n.t('Categories'), categories.map((category, index) => `<code${index === 0 && entry.primaryCategory ? ' class="primary"' : ''}>${escapeHtml(category)}</code>`).join(' ')]);
  if (entry.comment) rows.push([l10n.t('Comment'), escapeHtml(entry.comment)]);
  if (entry.journalRef) rows.push([l10n.t('Journal reference'), escapeHtml(entry.journalRef)]);
  const doi = validDoi(entry.doi);
  if (doi) rows.push(['DOI', `<button type="button" class="doi-link" data-doi aria-label="${escapeAttribute(l10n.t('Open the DOI {0}', doi))}">${escapeHtml(doi)}</button>`]);
  const list = rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${value}</dd>`).join('');
  const abstract = entry.summary ? `<details class="abstract"><summary>${escapeHtml(l10n.t('arXiv abstract'))}</summary><p>${escapeHtml(entry.summary)}</p></details>` : '';
  return `<dl class="arxiv-facts">${list}</dl>${abstract}`;
}
