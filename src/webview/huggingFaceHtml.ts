// The summary panel's Hugging Face line: upvotes, linked models and datasets, the project page,
// and where the code link came from. Nothing of vscode at run time (as summaryHtml.ts): the
// import below is for the type of `vscode.l10n`, which the page's words are translated with.
import type * as vscode from 'vscode';
import type { HuggingFacePaper } from '../core/formats/huggingFacePaper';
import { detailsSectionHtml, type DetailsService } from './detailsSection';
import { escapeAttribute, escapeHtml, stateLineHtml } from './html';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** What the panel shows of Hugging Face's page for the paper; null for a paper not on arXiv. */
export type HuggingFacePanelView =
  | { readonly state: 'ready'; readonly paper: HuggingFacePaper; readonly codeFromHuggingFace: boolean }
  | { readonly state: 'absent' }
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'disabled' };

/** A count the API caps (ARTIFACT_COUNT_LIMIT): "100+" when it may be more. */
function count(n: number): string {
  return n >= 100 ? '100+' : String(n);
}

const HUGGING_FACE: DetailsService = { name: 'Hugging Face', className: 'huggingface', headingId: 'hf-heading' };

export function renderHuggingFace(view: HuggingFacePanelView | null, l10n: L10n): string {
  if (view === null || view.state === 'disabled') return '';
  return detailsSectionHtml(view, HUGGING_FACE, l10n, (shown) =>
    shown.state === 'ready' ? renderPaper(shown.paper, shown.codeFromHuggingFace, l10n) : stateLineHtml(l10n.t('Not on Hugging Face.'), false),
  );
}

function renderPaper(paper: HuggingFacePaper, codeFromHuggingFace: boolean, l10n: L10n): string {
  const facts: string[] = [];
  if (paper.upvotes !== null) facts.push(escapeHtml(paper.upvotes === 1 ? l10n.t('1 upvote') : l10n.t('{0} upvotes', paper.upvotes)));
  if (paper.models !== null) facts.push(escapeHtml(paper.models === 1 ? l10n.t('1 model') : l10n.t('{0} models', count(paper.models))));
  if (paper.datasets !== null) facts.push(escapeHtml(paper.datasets === 1 ? l10n.t('1 dataset') : l10n.t('{0} datasets', count(paper.datasets))));
  if (paper.githubStars !== null && paper.githubRepo !== null) facts.push(escapeHtml(l10n.t('{0} stars on its repository', paper.githubStars)));
  const code = codeFromHuggingFace && paper.githubRepo
    ? `<p class="hf-code">${escapeHtml(l10n.t('The code link is the repository Hugging Face names for this paper (the newsletter gave none).'))}</p>`
    : '';
  const project = paper.projectPage
    ? `<button type="button" class="link-button" data-link="project" aria-label="${escapeAttribute(l10n.t('Open the project page'))}" title="${escapeAttribute(paper.projectPage)}"><span class="codicon codicon-home" aria-hidden="true"></span><span>${escapeHtml(l10n.t('Project page'))}</span></button>`
    : '';
  const line = facts.length > 0 ? `<p class="hf-facts">${facts.join(' · ')}</p>` : '';
  return `${line}${code}${project}`;
}
