// A section of the panel that shows what a service (arXiv, Hugging Face) says about the paper:
// a live line while it loads or when it cannot be had, else the details. Nothing of vscode at run
// time (as summaryHtml.ts): the import is for the type of `vscode.l10n`.
import type * as vscode from 'vscode';
import { sectionHtml, stateLineHtml } from './html';

type L10n = Pick<typeof vscode.l10n, 't'>;

/** The states every such section has, and says the same of. */
type Waiting = { readonly state: 'loading' } | { readonly state: 'unavailable'; readonly reason: string };

/** The service, as the section names it, and the section's class and heading id. */
export interface DetailsService {
  readonly name: string;
  readonly className: string;
  readonly headingId: string;
}

function isWaiting(view: { readonly state: string }): view is Waiting {
  return view.state === 'loading' || view.state === 'unavailable';
}

/** The section "On <service>": a live line while loading or unavailable; any other state is `render`'s. */
export function detailsSectionHtml<V extends { readonly state: string }>(view: V, service: DetailsService, l10n: L10n, render: (view: Exclude<V, Waiting>) => string): string {
  const body = isWaiting(view)
    ? stateLineHtml(view.state === 'loading' ? l10n.t('Loading {0} details…', service.name) : l10n.t('{0} details unavailable: {1}.', service.name, view.reason), true)
    : render(view as Exclude<V, Waiting>);
  return sectionHtml(service.className, service.headingId, l10n.t('On {0}', service.name), body);
}
