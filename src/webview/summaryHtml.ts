// The summary panel's page, built from a view model. Nothing of vscode at run time: the unit tests
// render it in plain Node. Its words come from the `l10n` it is given (`vscode.l10n` in the
// extension; the import below is for that type only). Every newsletter string and the reader's
// note are escaped here; the page has no inline script, style or event handler, so a strict CSP
// with a nonce covers all of it.
import type * as vscode from 'vscode';
import type { PaperEntry } from '../core/model/library';
import type { SummaryBlock } from '../core/model/model';
import { issueLabel } from '../core/model/format';
import { paperLinks } from '../core/model/paperLinks';
import { ReadingStatus, type PaperState } from '../core/model/paperState';
import { STATUS_CODICONS, statusLabel } from '../util/statusLabel';
import type { PanelLinkKind } from './messages';
import { escapeAttribute, escapeHtml, sectionHtml } from './html';
import { renderHuggingFace, type HuggingFacePanelView } from './huggingFaceHtml';
import { renderMatch, type MatchPanelView } from './matchHtml';
import { renderArxiv, type ArxivPanelView } from './arxivHtml';

export { renderArxiv, type ArxivPanelView } from './arxivHtml';

export { renderMatch, type MatchPanelView } from './matchHtml';

/** What the page's words are translated with: `vscode.l10n` in the extension. */
export type L10n = Pick<typeof vscode.l10n, 't'>;

/** A link button the panel offers; the webview knows only its kind. */
export interface OfferedLink {
  readonly kind: PanelLinkKind;
  readonly url: string;
}

export interface SummaryView {
  readonly key: string;
  readonly title: string;
  /** The organisation; for an extra, its section (`Extras: Benchmarks`). */
  readonly byline: string | null;
  readonly issueLabel: string | null;
  readonly summary: readonly SummaryBlock[];
  readonly links: readonly OfferedLink[];
  /** False when no issue holds the paper any more: only what the store remembers is shown. */
  readonly found: boolean;
  readonly note: string;
  readonly status: ReadingStatus | null;
  /** arXiv's metadata, or what became of the attempt to get it; null for a paper not on arXiv. */
  readonly arxiv: ArxivPanelView | null;
  /** How much of the paper the issue holds: its section, the part before the paywall, or only its contents line. */
  readonly completeness: 'complete' | 'paywalled' | 'contentsOnly';
  /** The title in the issue's contents, where the editor rewrote it (null when it is the title shown). */
  readonly contentsTitle: string | null;
  /** Which arXiv record the paper is and where that came from; null for an extra or a paper only remembered. */
  readonly match: MatchPanelView | null;
  /** Hugging Face's page for the paper; null for a paper not on arXiv. */
  readonly huggingFace: HuggingFacePanelView | null;
}

/** What the page loads from the extension, as webview URIs, and the CSP source they come from. */
export interface PanelResources {
  readonly cspSource: string;
  readonly stylesheets: readonly string[];
  readonly script: string;
}

// The English of lines the tests look for. The page says them through `l10n.t`, with the same
// words (the unit tests, which render the page in English, check that they agree).
export const ARXIV_LOADING = 'Loading arXiv details…';
export const ARXIV_DISABLED = 'arXiv details are not fetched: network use is turned off (Weekly Papers › Network: Enabled).';
export const NOT_FOUND_NOTICE = 'This paper is no longer in any issue. Your note and reading status are kept.';

function linkButton(kind: PanelLinkKind, l10n: L10n): { readonly label: string; readonly name: string; readonly icon: string } {
  switch (kind) {
    case 'arxiv':
      return { label: 'arXiv', name: l10n.t('Open the arXiv page'), icon: 'book' };
    case 'pdf':
      return { label: 'PDF', name: l10n.t('Open the PDF'), icon: 'file-pdf' };
    case 'code':
      return { label: l10n.t('Code'), name: l10n.t('Open the code'), icon: 'code' };
    case 'huggingface':
      return { label: 'Hugging Face', name: l10n.t('Open the Hugging Face page'), icon: 'smiley' };
    case 'web':
      return { label: l10n.t('Web page'), name: l10n.t('Open the web page'), icon: 'globe' };
    case 'project':
      return { label: l10n.t('Project page'), name: l10n.t('Open the project page'), icon: 'home' };
  }
}


/**
 * The links a paper offers, in button order. A paper on arXiv always has its page, PDF and
 * Hugging Face page; the web link is offered only to papers that are not on arXiv. The panel
 * opens a link only when its kind is in this list.
 */
export function offeredLinks(paper: Parameters<typeof paperLinks>[0]): OfferedLink[] {
  const links = paperLinks(paper);
  const offered: OfferedLink[] = [];
  const add = (kind: PanelLinkKind, url: string | null) => {
    if (url !== null) offered.push({ kind, url });
  };
  add('arxiv', links.arxiv);
  add('pdf', links.pdf);
  add('code', links.code);
  add('huggingface', links.huggingface);
  if (links.arxiv === null) add('web', links.web);
  return offered;
}

/** What the reader has added to a paper: shown and edited in the panel. */
export interface ReaderState {
  readonly note: string;
  readonly status: ReadingStatus | null;
}

/**
 * The view of the paper with `key`: from the newest issue that holds it, else from what the
 * store remembers of it (its title, issue and arXiv id), so its note stays reachable.
 */
export function summaryView(
  key: string,
  entry: PaperEntry | undefined,
  reader: ReaderState,
  l10n: L10n,
  remembered?: Pick<PaperState, 'title' | 'issueLabel' | 'arxivId'>,
  arxiv: ArxivPanelView | null = null,
  match: MatchPanelView | null = null,
  huggingFace: HuggingFacePanelView | null = null,
): SummaryView {
  const { note, status } = reader;
  if (!entry) {
    return {
      key,
      title: remembered?.title || key,
      byline: null,
      issueLabel: remembered?.issueLabel ?? null,
      summary: [],
      links: offeredLinks({ arxivId: remembered?.arxivId ?? null, links: [] }),
      found: false,
      note,
      status,
      arxiv,
      completeness: 'complete',
      contentsTitle: null,
      match: null,
      huggingFace,
    };
  }
  const paper = entry.paper;
  const complete = !('complete' in paper) || paper.complete;
  const contentsTitle = 'shortTitle' in paper && paper.shortTitle !== null && paper.shortTitle !== paper.title ? paper.shortTitle : null;
  return {
    key,
    title: paper.title,
    byline: 'section' in paper ? l10n.t('Extras: {0}', paper.section) : paper.org,
    issueLabel: issueLabel(entry.entry.issue),
    summary: paper.summary,
    links: huggingFace?.state === 'ready' && huggingFace.paper.projectPage ? [...offeredLinks(paper), { kind: 'project', url: huggingFace.paper.projectPage }] : offeredLinks(paper),
    found: true,
    note,
    status,
    arxiv,
    completeness: complete ? 'complete' : paper.summary.length > 0 ? 'paywalled' : 'contentsOnly',
    contentsTitle,
    match,
    huggingFace,
  };
}

/** The whole page. `nonce` must be fresh for every render (see `createNonce`). */
export function renderSummaryHtml(view: SummaryView, resources: PanelResources, nonce: string, l10n: L10n): string {
  const csp = [
    `default-src 'none'`,
    `style-src ${resources.cspSource} 'nonce-${nonce}'`,
    `font-src ${resources.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${resources.cspSource} data:`,
  ].join('; ');
  const stylesheets = resources.stylesheets
    .map((href) => `<link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(href)}">`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${stylesheets}
    <title>${escapeHtml(view.title)}</title>
  </head>
  <body data-key="${escapeAttribute(view.key)}">
    <main>
      <header class="paper-header">
        ${view.issueLabel ? `<p class="issue">${escapeHtml(view.found ? view.issueLabel : l10n.t('Last seen in {0}', view.issueLabel))}</p>` : ''}
        <h1>${escapeHtml(view.title)}</h1>
        ${view.byline ? `<p class="byline"><span class="codicon codicon-organization" aria-hidden="true"></span>${escapeHtml(view.byline)}</p>` : ''}
      </header>
      ${view.found ? '' : `<p class="notice" role="status"><span class="codicon codicon-info" aria-hidden="true"></span>${escapeHtml(l10n.t('This paper is no longer in any issue. Your note and reading status are kept.'))}</p>`}
      ${renderCompleteness(view, l10n)}
      <div id="arxiv-match">${renderMatch(view.match, l10n)}</div>
      ${renderLinks(view.links, l10n)}
      ${renderStatus(view.status, l10n)}
      ${renderSummary(view.summary, l10n)}
      <div id="arxiv-details">${renderDetails(view, l10n)}</div>
      ${renderNote(view.note, l10n)}
    </main>
    <script nonce="${nonce}" src="${escapeAttribute(resources.script)}"></script>
  </body>
</html>
`;
}

/** Says plainly what the issue does not hold of the paper, and what the contents list called it. */
function renderCompleteness(view: SummaryView, l10n: L10n): string {
  const contents = view.contentsTitle ? `<p class="contents-title">${escapeHtml(l10n.t('In the contents: “{0}”', view.contentsTitle))}</p>` : '';
  if (view.completeness === 'complete') return contents;
  const text =
    view.completeness === 'paywalled'
      ? l10n.t('The rest of this summary is behind the paywall: the issue you have stops here. Import the full issue to read it; your note and status stay with the paper.')
      : l10n.t('Only the contents line of this paper is in the issue you have: its summary is behind the paywall. Import the full issue to read it; your note and status stay with the paper.');
  return `${contents}<p class="notice incomplete" role="note"><span class="codicon codicon-lock" aria-hidden="true"></span>${escapeHtml(text)}</p>`;
}

/** What arXiv and Hugging Face say about the paper: one region, replaced in place as their answers arrive. */
export function renderDetails(view: Pick<SummaryView, 'arxiv' | 'huggingFace'>, l10n: L10n): string {
  return `${renderArxiv(view.arxiv, l10n)}${renderHuggingFace(view.huggingFace, l10n)}`;
}

function renderLinks(all: readonly OfferedLink[], l10n: L10n): string {
  // The project page's button is on the Hugging Face line, which names where it comes from.
  const links = all.filter((link) => link.kind !== 'project');
  if (links.length === 0) return '';
  const buttons = links.map(({ kind, url }) => {
    const button = linkButton(kind, l10n);
    return `<button type="button" class="link-button" data-link="${kind}" aria-label="${escapeAttribute(button.name)}" title="${escapeAttribute(url)}"><span class="codicon codicon-${button.icon}" aria-hidden="true"></span><span>${escapeHtml(button.label)}</span></button>`;
  });
  return `<nav class="links" aria-label="${escapeAttribute(l10n.t('Links'))}">${buttons.join('')}</nav>`;
}

function renderStatus(status: ReadingStatus | null, l10n: L10n): string {
  const option = (value: ReadingStatus | null, label: string, icon: string | null) => {
    const id = `status-${value ?? 'none'}`;
    const checked = value === status ? ' checked' : '';
    const iconHtml = icon ? `<span class="codicon codicon-${icon}" aria-hidden="true"></span>` : '';
    return `<input type="radio" name="status" id="${id}" value="${value ?? ''}"${checked}><label for="${id}">${iconHtml}${escapeHtml(label)}</label>`;
  };
  const options = [option(null, l10n.t('None'), null), ...ReadingStatus.options.map((value) => option(value, statusLabel(value, l10n), STATUS_CODICONS[value]))];
  return `<fieldset class="status"><legend>${escapeHtml(l10n.t('Reading status'))}</legend><div class="segments">${options.join('')}</div></fieldset>`;
}

function renderSummary(blocks: readonly SummaryBlock[], l10n: L10n): string {
  if (blocks.length === 0) return '';
  const html = blocks.map((block) =>
    block.type === 'paragraph'
      ? `<p>${escapeHtml(block.text)}</p>`
      : `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
  );
  return sectionHtml('summary', 'summary-heading', l10n.t('Summary'), html.join('\n'));
}

function renderNote(note: string, l10n: L10n): string {
  const words = { saving: l10n.t('Saving…'), saved: l10n.t('Saved'), empty: l10n.t('Saved as you type') };
  // The page script says the same words as the note is typed and saved: it reads them from the textarea's data attributes.
  const data = Object.entries(words).map(([name, text]) => ` data-${name}="${escapeAttribute(text)}"`).join('');
  // The HTML parser drops one newline right after <textarea>: this one, not the note's own.
  return `<section class="note" aria-labelledby="note-label">
        <div class="note-heading"><h2><label id="note-label" for="note">${escapeHtml(l10n.t('Note'))}</label></h2><span id="note-state" class="note-state" aria-live="polite">${escapeHtml(note.length > 0 ? words.saved : words.empty)}</span></div>
        <textarea id="note" rows="8" spellcheck="true" placeholder="${escapeAttribute(l10n.t('Your thoughts on this paper…'))}"${data} aria-describedby="note-state">
${escapeHtml(note)}</textarea>
      </section>`;
}
