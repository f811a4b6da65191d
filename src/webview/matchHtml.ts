// The summary panel's line about a paper's arXiv id: where it came from (the newsletter, a search
// of arXiv, the reader), or how the search for it stands, with a button to choose one. Nothing of
// vscode at run time (as summaryHtml.ts): the import is for the type of `vscode.l10n`.
import type * as vscode from 'vscode';
import { escapeAttribute, escapeHtml } from './html';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** The paper's arXiv id and where it came from, or how the search for it stands. */
export type MatchPanelView =
  | { readonly kind: 'newsletter'; readonly arxivId: string }
  | { readonly kind: 'found'; readonly arxivId: string; readonly title: string | null; readonly byAffiliation: boolean }
  | { readonly kind: 'chosen'; readonly arxivId: string | null; readonly title: string | null }
  | { readonly kind: 'searching' }
  /** `titlesPage`: the host of the issue's web page, where it would give the paper its real title (papers/issuePage.ts). */
  | { readonly kind: 'possible'; readonly count: number; readonly titlesPage?: string | null }
  | { readonly kind: 'noMatch'; readonly titlesPage?: string | null }
  | { readonly kind: 'notYet'; readonly reason: string | null };

/** The paper's arXiv id and where it came from, or how the search for it stands; with a button to choose. */
export function renderMatch(match: MatchPanelView | null, l10n: L10n): string {
  if (match === null) return '';
  const choose = (label: string) =>
    `<button type="button" class="choose-match" data-choose-match aria-label="${escapeAttribute(l10n.t('Choose the arXiv record of this paper'))}"><span class="codicon codicon-search-fuzzy" aria-hidden="true"></span><span>${escapeHtml(label)}</span></button>`;
  const line = (icon: string, html: string, button = '') =>
    `<p class="arxiv-match"><span class="codicon codicon-${icon}" aria-hidden="true"></span><span>${html}</span>${button}</p>`;
  const record = (id: string, title: string | null) =>
    `<code>${escapeHtml(id)}</code>${title ? ` <span class="match-title">${escapeHtml(title)}</span>` : ''}`;
  switch (match.kind) {
    case 'newsletter':
      return line('book', `${record(match.arxivId, null)} <span class="origin">${escapeHtml(l10n.t('from the newsletter'))}</span>`);
    case 'found':
      return line('book', `${record(match.arxivId, match.title)} <span class="origin">${escapeHtml(match.byAffiliation ? l10n.t('found on arXiv by its title and its authors’ affiliations') : l10n.t('found on arXiv by its title'))}</span>`, choose(l10n.t('Change...')));
    case 'chosen':
      return match.arxivId === null
        ? line('circle-slash', escapeHtml(l10n.t('Not on arXiv (chosen by you).')), choose(l10n.t('Change...')))
        : line('book', `${record(match.arxivId, match.title)} <span class="origin">${escapeHtml(l10n.t('chosen by you'))}</span>`, choose(l10n.t('Change...')));
    case 'searching':
      return line('loading', escapeHtml(l10n.t('Looking for this paper on arXiv…')));
    case 'possible':
      return (
        line(
          'question',
          escapeHtml(match.count === 1 ? l10n.t('Not matched to arXiv: 1 possible match.') : l10n.t('Not matched to arXiv: {0} possible matches.', match.count)),
          choose(l10n.t('Choose arXiv Match...')),
        ) + titlesPageLine(match.titlesPage, l10n)
      );
    case 'noMatch':
      return line('question', escapeHtml(l10n.t('No match found on arXiv.')), choose(l10n.t('Choose arXiv Match...'))) + titlesPageLine(match.titlesPage, l10n);
    case 'notYet':
      return line(
        'clock',
        escapeHtml(match.reason ? l10n.t('Not matched to arXiv yet ({0}).', match.reason) : l10n.t('Not matched to arXiv yet.')),
        choose(l10n.t('Choose arXiv Match...')),
      );
  }
}

/** Where the issue's web page would give the paper its real title: said under the doubtful match. */
function titlesPageLine(host: string | null | undefined, l10n: L10n): string {
  if (!host) return '';
  return `<p class="arxiv-match-hint">${escapeHtml(l10n.t('The issue’s web page ({0}) links each paper to its real title: Choose arXiv Match... can import it.', host))}</p>`;
}
