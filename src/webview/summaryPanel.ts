// The summary panel: one webview panel that follows the selection (reused and updated in place,
// beside the editor, without taking focus) and comes back after a window reload through its
// serializer. Everything the webview sends is parsed with zod first; links are looked up here,
// by kind, for the paper on show, and opened only through openWebLink.
// Over 300 lines because it still holds the note draft (debounce, flush) and the in-place updates
// of the arXiv, Hugging Face and match sections beside the panel's lifecycle: splitting those out
// is the next step of the "Craft" issue.
import * as vscode from 'vscode';
import { Coalescer } from '../util/coalesce';
import * as z from 'zod';
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import { doiUrl, validDoi } from '../core/arxivAtom';
import type { IssueLibrary, PaperEntry } from '../core/library';
import { issueLabel } from '../core/format';
import type { PaperSnapshot, PaperStateStore } from '../storage/paperStateStore';
import { Command, SUMMARY_VIEW_TYPE } from '../constants';
import type { ArxivMatcher } from '../papers/arxivMatcher';
import type { HuggingFaceMetadata } from '../huggingface/huggingFaceMetadata';
import type { HuggingFacePanelView } from './huggingFaceHtml';
import { matchViewOf, slotOfEntry } from './panelMatch';
import { paperKeyOf } from '../papers/paperTarget';
import { openWebLink } from '../util/openExternal';
import { createNonce } from './html';
import { PanelState, WebviewMessage, type ExtensionMessage } from './messages';
import { NoteAppends } from './noteAppends';
import { NoteLengthWarning } from './noteLengthWarning';
import { appendToNote } from '../core/paperState';
import type { NoteAppended } from '../storage/paperStateStore';
import { renderDetails, renderMatch, renderSummaryHtml, summaryView, type ArxivPanelView, type PanelResources, type SummaryView } from './summaryHtml';

/** How long the reader may pause typing before the note is written to workspace state. */
export const NOTE_SAVE_DELAY_MS = 400;

/** What became of a message from the webview: rejected (bad shape; `noteTooLong`: a note over the bound, and the reader was told), ignored (nothing to do), or done. */
export type MessageOutcome = 'rejected' | 'noteTooLong' | 'ignored' | 'done';

export interface HandledMessage {
  /** The message's type, when it had a valid shape. */
  readonly type: WebviewMessage['type'] | undefined;
  readonly outcome: MessageOutcome;
}

export interface SummaryPanelOptions {
  readonly extensionUri: vscode.Uri;
  readonly library: IssueLibrary;
  readonly store: PaperStateStore;
  /** Settles when the first load of every source has finished: a restored panel waits for it. */
  readonly ready: Promise<void>;
  readonly log: vscode.LogOutputChannel;
  /** Opens a web link; `openWebLink` unless a test says otherwise. */
  readonly openLink?: (url: string) => Promise<boolean>;
  /** arXiv's metadata: shown after the summary when there is some; the panel never waits for it. */
  readonly arxiv?: ArxivMetadata;
  /** The search for papers the newsletter gave no arXiv id: the panel says how it stands. */
  readonly matcher?: ArxivMatcher;
  /** Hugging Face's paper pages: upvotes, models, datasets, the project page; never waited for. */
  readonly huggingFace?: HuggingFaceMetadata;
}

interface PendingNote {
  readonly key: string;
  readonly note: string;
  readonly seq: number;
}

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private key: string | undefined;
  private html: string | undefined;
  /** The rendered view less the reader's note and status: a library change re-renders only when it differs. */
  private shownContent: string | undefined;
  private pendingNote: PendingNote | undefined;
  /** Appends (a language-model tool) to the note on show that its page may not have yet. */
  private readonly appends = new NoteAppends();
  private readonly noteLength = new NoteLengthWarning();
  private readonly libraryChange = new Coalescer(() => this.libraryChanged());
  /** Whether the panel was visible at its last view-state change (it is, once opened). */
  private wasVisible = true;
  /** The nonce of the page on show: a partial update keeps the page, so it keeps its nonce. */
  private nonce: string | undefined;
  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private panelDisposables: vscode.Disposable[] = [];
  private readonly media: vscode.Uri;
  private readonly handledEmitter = new vscode.EventEmitter<HandledMessage>();
  /** Fires after each message from the webview (or `receive`) has been handled. */
  readonly onDidHandleMessage = this.handledEmitter.event;

  constructor(private readonly options: SummaryPanelOptions) {
    this.media = vscode.Uri.joinPath(options.extensionUri, 'media');
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.revive(panel, state),
      }),
      options.store.onDidAppendNote((append) => this.noteAppended(append)),
      options.store.onDidChange((keys) => this.storeChanged(keys)),
      // Coalesced: a folder of issues being read changes the library once per file.
      { dispose: options.library.onDidChange(() => this.libraryChange.schedule()) },
      this.libraryChange,
      this.handledEmitter,
    );
    if (options.arxiv) this.disposables.push(options.arxiv.onDidChange((ids) => this.arxivChanged(ids)));
    if (options.huggingFace) this.disposables.push(options.huggingFace.onDidChange((ids) => this.arxivChanged(ids)));
    if (options.matcher) this.disposables.push(options.matcher.onDidChange((slots) => this.matchChanged(slots)));
  }

  dispose(): void {
    const panel = this.panel;
    this.closePanel();
    this.panel = undefined;
    panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The key of the paper on show, if the panel is open. */
  currentKey(): string | undefined {
    return this.key;
  }

  /** The HTML of the last render (for tests). */
  lastHtml(): string | undefined {
    return this.html;
  }

  /**
   * Opens the panel on the paper `target` names, or shows that paper in the open panel.
   * `target` is a paper key, or a row of the Issues view or the Reading List.
   */
  show(target: unknown): boolean {
    const named = paperKeyOf(target);
    if (named === undefined) {
      this.options.log.warn('Show Summary needs a paper; it was run without one.');
      return false;
    }
    const key = this.resolve(named);
    if (this.panel) {
      if (key !== this.key) {
        this.key = key;
        this.render();
      }
      this.panel.reveal(undefined, true);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      SUMMARY_VIEW_TYPE,
      key,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      this.webviewOptions(),
    );
    this.adopt(panel, key);
    return true;
  }

  /** The serializer's half: brings the panel back after a reload, on the paper it showed. */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = PanelState.safeParse(state);
    if (!parsed.success) {
      this.options.log.warn('A summary panel could not be restored: it did not say which paper it showed.');
      panel.dispose();
      return;
    }
    await this.options.ready;
    if (this.panel) {
      // There is only ever one summary panel: a newer one was opened while this one waited.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel, this.resolve(parsed.data.key));
  }

  /**
   * Handles one message as if the webview had sent it: the same path real messages take.
   * Anything that does not parse is logged and ignored.
   */
  async receive(message: unknown): Promise<MessageOutcome> {
    const parsed = WebviewMessage.safeParse(message);
    if (parsed.data?.type === 'setNote') this.noteLength.accepted();
    let outcome = await this.handle(parsed);
    if (outcome === 'rejected' && this.noteLength.refused(message)) outcome = 'noteTooLong';
    this.handledEmitter.fire({ type: parsed.data?.type, outcome });
    return outcome;
  }

  private async handle(parsed: z.ZodSafeParseResult<WebviewMessage>): Promise<MessageOutcome> {
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`);
      this.options.log.warn(`Summary panel: ignored a message it does not understand (${problems.join('; ')}).`);
      return 'rejected';
    }
    this.followKey();
    const key = this.key;
    if (!this.panel || key === undefined) return 'ignored';
    // A page rendered before its paper's key changed (it got its arXiv id) still names the old key.
    const data = 'key' in parsed.data ? { ...parsed.data, key: this.resolve(parsed.data.key) } : parsed.data;
    if (data.type === 'ready') {
      // The page may have been rebuilt from older HTML (it is not kept while hidden).
      await this.post({ type: 'paperState', note: this.currentNote(key), status: this.options.store.status(key) });
      return 'done';
    }
    if (data.key !== key) {
      // A message from the page of a paper no longer on show arrives late. Its note is the
      // reader's last keystrokes there: save it under that paper, never drop it.
      if (data.type !== 'setNote' || !this.knows(data.key)) return 'ignored';
      if (this.options.store.note(data.key) !== data.note) await this.options.store.setNote(data.key, data.note, this.snapshot(data.key));
      return 'done';
    }
    switch (data.type) {
      case 'setNote':
        this.pendingNote = { key, note: this.appends.complete(key, data.note, data.appended), seq: data.seq };
        this.clearNoteTimer();
        if (data.flush) {
          await this.saveNote();
        } else {
          this.noteTimer = setTimeout(() => void this.saveNote().catch((error: unknown) => this.saveFailed(error)), NOTE_SAVE_DELAY_MS);
        }
        return 'done';
      case 'setStatus':
        if (this.options.store.status(key) === data.status) return 'ignored';
        await this.options.store.setStatus(key, data.status, this.snapshot(key));
        return 'done';
      case 'openLink': {
        const link = this.view(key).links.find((offered) => offered.kind === data.kind);
        if (!link) {
          this.options.log.info(`Summary panel: ${key} has no ${data.kind} link to open.`);
          return 'ignored';
        }
        await (this.options.openLink ?? openWebLink)(link.url);
        return 'done';
      }
      case 'openDoi': {
        const arxiv = this.view(key).arxiv;
        const doi = arxiv?.state === 'ready' ? validDoi(arxiv.entry.doi) : null;
        if (!doi) {
          this.options.log.info(`Summary panel: ${key} has no DOI to open.`);
          return 'ignored';
        }
        await (this.options.openLink ?? openWebLink)(doiUrl(doi));
        return 'done';
      }
      case 'chooseMatch':
        // A fixed command on the key of the page on show, never a command or an argument the page names.
        await vscode.commands.executeCommand(Command.chooseArxivMatch, key);
        return 'done';
    }
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.media], retainContextWhenHidden: false, enableFindWidget: true };
  }

  private adopt(panel: vscode.WebviewPanel, key: string): void {
    this.panel = panel;
    this.key = key;
    this.wasVisible = panel.visible;
    panel.iconPath = vscode.Uri.joinPath(this.media, 'weekly-papers.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message).catch((error: unknown) => this.saveFailed(error))),
      // A hidden page is not kept (retainContextWhenHidden is off): shown again, it is rebuilt from
      // the HTML, so give it HTML with the note and status as they are now.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible && !this.wasVisible) this.render();
        this.wasVisible = webviewPanel.visible;
      }),
      panel.onDidDispose(() => {
        this.closePanel();
        this.panel = undefined;
      }),
    ];
    this.render();
  }

  /** Forgets the panel: the note being typed is saved first. */
  private closePanel(): void {
    void this.saveNote();
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.key = undefined;
    this.html = undefined;
    this.nonce = undefined;
    this.shownContent = undefined;
  }

  private render(): void {
    const panel = this.panel;
    const key = this.key;
    if (!panel || key === undefined) return;
    // A note typed for the previous page is saved before that page goes.
    if (this.pendingNote) void this.saveNote();
    this.requestArxiv(key);
    const slot = slotOfEntry(this.options.library.findPaper(key)[0]);
    if (slot !== null) this.options.matcher?.prioritize(slot);
    const view = this.view(key);
    const webview = panel.webview;
    this.nonce = createNonce();
    // The new page is built with the note as it is now, appends and all.
    this.appends.clear();
    this.html = renderSummaryHtml(view, this.resources(webview), this.nonce, vscode.l10n);
    this.shownContent = contentOf(view);
    panel.title = view.title;
    webview.html = this.html;
  }

  private resources(webview: vscode.Webview): PanelResources {
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.media, ...path)).toString();
    return { cspSource: webview.cspSource, stylesheets: [uri('codicons', 'codicon.css'), uri('panel.css')], script: uri('panel.js') };
  }

  private view(key: string): SummaryView {
    const [entry] = this.options.library.findPaper(key);
    const reader = { note: this.currentNote(key), status: this.options.store.status(key) };
    const remembered = this.options.store.get(key);
    const arxivId = entry ? entry.paper.arxivId : (remembered?.arxivId ?? null);
    return summaryView(key, entry, reader, vscode.l10n, remembered, arxivId ? this.arxivView(arxivId) : null, matchViewOf(entry, this.options.matcher), arxivId ? this.huggingFaceView(arxivId, entry?.paper) : null);
  }

  private huggingFaceView(id: string, paper: PaperEntry['paper'] | undefined): HuggingFacePanelView | null {
    const huggingFace = this.options.huggingFace;
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

  /** The search for the paper on show moved on: its line is replaced in place (a note being typed stays). */
  private matchChanged(slots: readonly string[]): void {
    const key = this.key;
    if (!this.panel || key === undefined) return;
    const [entry] = this.options.library.findPaper(key);
    const slot = slotOfEntry(entry);
    if (slot === null || !slots.includes(slot)) return;
    const view = this.view(key);
    if (contentOf(view) === this.shownContent) return;
    if (!this.panel.visible || this.nonce === undefined) return this.render();
    void this.post({ type: 'matchDetails', html: renderMatch(view.match, vscode.l10n) });
    this.html = renderSummaryHtml(view, this.resources(this.panel.webview), this.nonce, vscode.l10n);
    this.shownContent = contentOf(view);
  }

  private arxivView(id: string): ArxivPanelView | null {
    const arxiv = this.options.arxiv;
    if (!arxiv) return null;
    const status = arxiv.status(id);
    // "none": asked for in this same render, so about to load.
    return status.state === 'none' ? { state: 'loading' } : status;
  }

  /** Asks for arXiv's metadata of every paper in the issue of the one on show: one request for them all. */
  private requestArxiv(key: string): void {
    const arxiv = this.options.arxiv;
    if (!arxiv) return;
    const [entry] = this.options.library.findPaper(key);
    const ids = entry
      ? [entry.paper.arxivId, ...entry.entry.issue.papers.map((paper) => paper.arxivId), ...entry.entry.issue.extras.map((extra) => extra.arxivId)]
      : [this.options.store.get(key)?.arxivId ?? null];
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    arxiv.request(wanted);
    // The paper on show first: Hugging Face is asked one paper at a time.
    this.options.huggingFace?.request(wanted);
  }

  private arxivChanged(ids: readonly string[]): void {
    const key = this.key;
    if (!this.panel || key === undefined) return;
    const [entry] = this.options.library.findPaper(key);
    const arxivId = entry ? entry.paper.arxivId : (this.options.store.get(key)?.arxivId ?? null);
    if (arxivId === null || !(ids.includes(arxivId) || ids.includes('*'))) return;
    const view = this.view(key);
    if (contentOf(view) === this.shownContent) return;
    if (!this.panel.visible || this.nonce === undefined) return this.render();
    // After the cache was cleared or a fetch failed for good, ask again (as a render would).
    this.requestArxiv(key);
    // Only the arXiv section changes: replace it in place, so a note being typed keeps its text,
    // caret and focus (arXiv's answer, or a retry, can come at any moment).
    void this.post({ type: 'arxivDetails', html: renderDetails(view, vscode.l10n) });
    this.html = renderSummaryHtml(view, this.resources(this.panel.webview), this.nonce, vscode.l10n);
    this.shownContent = contentOf(view);
  }

  /** True when a key names a paper an issue has or the store remembers. */
  private knows(key: string): boolean {
    return this.options.library.findPaper(key).length > 0 || this.options.store.get(key) !== undefined;
  }

  private saveFailed(error: unknown): void {
    this.options.log.error(`Summary panel: saving the note failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Weekly Papers could not save your note; it is kept in the panel and will be saved with your next change.'));
  }

  /** The note as the reader last typed it, saved or not. */
  private currentNote(key: string): string {
    return this.pendingNote?.key === key ? this.pendingNote.note : this.options.store.note(key);
  }

  /** What the store keeps about the paper besides the note: from its issue, else as remembered. */
  private snapshot(key: string): PaperSnapshot {
    const [entry] = this.options.library.findPaper(key);
    if (entry) return { title: entry.paper.title, issueLabel: issueLabel(entry.entry.issue), arxivId: entry.paper.arxivId };
    const remembered = this.options.store.get(key);
    return { title: remembered?.title ?? key, issueLabel: remembered?.issueLabel ?? null, arxivId: remembered?.arxivId ?? null };
  }

  /** Saves the note being typed now (window closing, reload): see deactivate(). */
  flush(): Promise<void> {
    return this.saveNote();
  }

  private async saveNote(): Promise<void> {
    this.clearNoteTimer();
    const pending = this.pendingNote;
    if (!pending) return;
    this.pendingNote = undefined;
    if (this.options.store.note(pending.key) !== pending.note) {
      try {
        await this.options.store.setNote(pending.key, pending.note, this.snapshot(pending.key));
      } catch (error) {
        // Keep the text to save again with the next keystroke or the next flush.
        this.pendingNote ??= pending;
        throw error;
      }
    }
    if (pending.key === this.key) await this.post({ type: 'noteSaved', seq: pending.seq });
  }

  private clearNoteTimer(): void {
    if (this.noteTimer !== undefined) clearTimeout(this.noteTimer);
    this.noteTimer = undefined;
  }

  /** The key the paper once keyed `key` has now: it got an arXiv id (a match, the full issue). */
  private resolve(key: string): string {
    return this.options.store.currentKey(this.options.library.currentKey(key));
  }

  /** Keeps the panel on its paper when the paper's key changes; true when it did. */
  private followKey(): boolean {
    const key = this.key;
    if (key === undefined) return false;
    const current = this.resolve(key);
    if (current === key) return false;
    this.key = current;
    if (this.pendingNote?.key === key) this.pendingNote = { ...this.pendingNote, key: current };
    return true;
  }

  /**
   * Text was appended to a note. A draft of it not saved yet gets the text too (its save must not
   * drop it); the page adds it to what the reader is typing, or shows the note with it.
   */
  private noteAppended(append: NoteAppended): void {
    const pending = this.pendingNote;
    if (pending && this.resolve(pending.key) === append.key) this.pendingNote = { ...pending, note: appendToNote(pending.note, append.text) };
    this.followKey();
    if (!this.panel || this.key !== append.key) return;
    this.appends.add(append);
    void this.post({ type: 'noteAppended', id: append.id, text: append.text, note: this.currentNote(append.key) });
  }

  private storeChanged(keys: readonly string[]): void {
    if (this.followKey()) return this.render();
    const key = this.key;
    if (!this.panel || key === undefined || !keys.includes(key)) return;
    if (this.panel.visible) {
      // The page keeps what the reader is typing: it applies the note only when it has no unsaved edits.
      void this.post({ type: 'paperState', note: this.currentNote(key), status: this.options.store.status(key) });
    } else {
      // A hidden page is rebuilt from its HTML when shown again: keep that HTML current.
      this.render();
    }
  }

  private libraryChanged(): void {
    if (this.followKey()) return this.render();
    const key = this.key;
    if (!this.panel || key === undefined) return;
    if (contentOf(this.view(key)) !== this.shownContent) this.render();
  }

  private async post(message: ExtensionMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }
}

/** The view without the reader's own note and status, which the page updates in place. */
function contentOf(view: SummaryView): string {
  return JSON.stringify({ ...view, note: undefined, status: undefined });
}
