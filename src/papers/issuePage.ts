// The web page of a paper's issue, where reading it would give the paper its real title: the
// issue names its page (an e-mail's "View this post on the web at") and the paper has no title
// hint yet. The page's contents list links each paper to its section, whose address spells the
// real title (Paper.titleHint); imported beside the e-mail, it lends those titles to the copy
// shown (core/model/titleHints.ts). Offered by Choose arXiv Match and named in the panel.
import type { PaperEntry } from '../core/model/library';
import { webUrlOrNull } from '../import/fetchPage';

/** The issue's web page (http or https) when it would give this paper its real title; null otherwise. */
export function titlesPageOf(found: Pick<PaperEntry, 'paper' | 'kind' | 'entry'> | null | undefined): URL | null {
  if (!found || found.kind !== 'paper' || !('titleHint' in found.paper) || found.paper.titleHint !== null) return null;
  const address = found.entry.issue.webUrl;
  // Read from the file as written: an address longer than the import reads is not offered.
  return address === null ? null : webUrlOrNull(address);
}
