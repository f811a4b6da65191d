// What the summary panel shows of a paper, and the parts of it that arrive after the page is
// built: arXiv's details, Hugging Face's, and the line about where the paper's arXiv id stands.
// They are asked for when a paper is shown (never waited for); when one changes for the paper on
// show, the panel is told which section, so it can replace that section in place and leave the
// note being typed alone.
import * as vscode from 'vscode';
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import type { IssueLibrary, PaperEntry } from '../core/model/library';
import type { HuggingFaceMetadata } from '../huggingface/huggingFaceMetadata';
import type { ArxivMatcher } from '../papers/arxivMatcher';
import { paperSnapshot } from '../papers/paperTarget';
import type { PaperSnapshot, PaperStateStore } from '../storage/paperStateStore';
import type { HuggingFacePanelView } from './huggingFaceHtml';
import type { ExtensionMessage } from './messages';
import { matchViewOf, slotOfEntry } from './panelMatch';
import { renderDetails, renderMatch, summaryView, type ArxivPanelView, type ReaderState, type SummaryView } from './summaryHtml';

/** A part of the page replaced in place: arXiv's and Hugging Face's details, or the match line. */
export type PanelSection = 'details' | 'match';

export interface PanelSources {
  readonly library: IssueLibrary;
  readonly store: PaperStateStore;
  readonly arxiv?: ArxivMetadata;
  readonly huggingFace?: HuggingFaceMetadata;
  readonly matcher?: ArxivMatcher;
}

/** The view without the reader's own note and status, which the page updates in place. */
export function contentOf(view: SummaryView): string {
  return JSON.stringify({ ...view, note: undefined, status: undefined });
}

export class PanelSections implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * `shownKey` is the key of the paper on show (undefined: the panel is closed); `changed` hears
   * which section of it changed.
   */
  constructor(
    private readonly sources: PanelSources,
    private readonly shownKey: () => string | undefined,
    private readonly changed: (section: PanelSection, key: string) => void,
  ) {
    const { arxiv, huggingFace, matcher } = sources;
    if (arxiv) this.disposables.push(arxiv.onDidChange((ids) => this.detailsChanged(ids)));
    if (huggingFace) this.disposables.push(huggingFace.onDidChange((ids) => this.detailsChanged(ids)));
    if (matcher) this.disposables.push(matcher.onDidChange((slots) => this.matchChanged(slots)));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables.length = 0;
  }

  /** Everything the page shows of the paper `key`, with the reader's note and status as given. */
  view(key: string, reader: ReaderState): SummaryView {
    const [entry] = this.sources.library.findPaper(key);
    const remembered = this.sources.store.get(key);
    const arxivId = entry ? entry.paper.arxivId : (remembered?.arxivId ?? null);
    return summaryView(key, entry, reader, vscode.l10n, remembered, arxivId ? this.arxivView(arxivId) : null, matchViewOf(entry, this.sources.matcher), arxivId ? this.huggingFaceView(arxivId, entry?.paper) : null);
  }

  /** The key the paper once keyed `key` has now: it got an arXiv id (a match, the full issue). */
  resolve(key: string): string {
    return this.sources.store.currentKey(this.sources.library.currentKey(key));
  }

  /** True when a key names a paper an issue has or the store remembers. */
  knows(key: string): boolean {
    return this.sources.library.findPaper(key).length > 0 || this.sources.store.get(key) !== undefined;
  }

  /** What the store keeps about the paper besides the note: from its issue, else as remembered. */
  snapshot(key: string): PaperSnapshot {
    return paperSnapshot(this.sources.library, this.sources.store, key);
  }

  /** The paper `key` is about to be shown: ask for its details, and put its match search first. */
  request(key: string): void {
    this.requestDetails(key);
    const slot = slotOfEntry(this.sources.library.findPaper(key)[0]);
    if (slot !== null) this.sources.matcher?.prioritize(slot);
  }

  /** Asks for arXiv's metadata of every paper in the issue of the one on show: one request for them all. */
  requestDetails(key: string): void {
    const arxiv = this.sources.arxiv;
    if (!arxiv) return;
    const [entry] = this.sources.library.findPaper(key);
    const ids = entry
      ? [entry.paper.arxivId, ...entry.entry.issue.papers.map((paper) => paper.arxivId), ...entry.entry.issue.extras.map((extra) => extra.arxivId)]
      : [this.sources.store.get(key)?.arxivId ?? null];
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    arxiv.request(wanted);
    // The paper on show first: Hugging Face is asked one paper at a time.
    this.sources.huggingFace?.request(wanted);
  }

  /** The message that replaces `section` of the page with what `view` has. */
  message(section: PanelSection, view: SummaryView): ExtensionMessage {
    return section === 'details' ? { type: 'arxivDetails', html: renderDetails(view, vscode.l10n) } : { type: 'matchDetails', html: renderMatch(view.match, vscode.l10n) };
  }

  private arxivView(id: string): ArxivPanelView | null {
    const arxiv = this.sources.arxiv;
    if (!arxiv) return null;
    const status = arxiv.status(id);
    // "none": asked for in this same render, so about to load.
    return status.state === 'none' ? { state: 'loading' } : status;
  }

  private huggingFaceView(id: string, paper: PaperEntry['paper'] | undefined): HuggingFacePanelView | null {
    const huggingFace = this.sources.huggingFace;
    if (!huggingFace) return null;
    const status = huggingFace.get(id);
    switch (status.state) {
      case 'ready':
        return { state: 'ready', paper: status.paper, codeFromHuggingFace: paper !== undefined && 'codeFrom' in paper && paper.codeFrom === 'huggingface' };
      case 'none':
        // Asked for in this same render, so about to load.
        return { state: 'loading' };
      default:
        return status;
    }
  }

  /** arXiv or Hugging Face has news about `ids` (`*`: about every paper). */
  private detailsChanged(ids: readonly string[]): void {
    const key = this.shownKey();
    if (key === undefined) return;
    const [entry] = this.sources.library.findPaper(key);
    const arxivId = entry ? entry.paper.arxivId : (this.sources.store.get(key)?.arxivId ?? null);
    if (arxivId !== null && (ids.includes(arxivId) || ids.includes('*'))) this.changed('details', key);
  }

  /** The search for papers' arXiv ids moved on for `slots`. */
  private matchChanged(slots: readonly string[]): void {
    const key = this.shownKey();
    if (key === undefined) return;
    const slot = slotOfEntry(this.sources.library.findPaper(key)[0]);
    if (slot !== null && slots.includes(slot)) this.changed('match', key);
  }
}
