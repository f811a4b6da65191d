// The summary panel: one webview panel that follows the selection (reused and updated in place,
// beside the editor, without taking focus) and comes back after a window reload through its
// serializer. Everything the webview sends is parsed with zod first; links are looked up here,
// by kind, for the paper on show, and opened only through openWebLink (panelMessages.ts). The note
// being typed is a PanelNote (panelNote.ts, noteDraft.ts); the sections that arrive after the page
// is built are PanelSections (panelSections.ts).
import * as vscode from 'vscode';
import { Coalescer } from '../util/coalesce';
import { Disposable, disposeAll } from '../util/dispose';
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import type { IssueLibrary } from '../core/model/library';
import type { PaperStateStore } from '../storage/paperStateStore';
import { SUMMARY_VIEW_TYPE } from '../constants';
import type { ArxivMatcher } from '../papers/arxivMatcher';
import type { HuggingFaceMetadata } from '../huggingface/huggingFaceMetadata';
import { paperKeyOf } from '../papers/paperTarget';
import { createNonce } from './html';
import { PanelState, type ExtensionMessage } from './messages';
import { PanelMessages, type HandledMessage, type MessageOutcome, type ShownPage } from './panelMessages';
import { PanelNote } from './panelNote';
import { contentOf, PanelSections, type PanelSection } from './panelSections';
import { renderSummaryHtml, type PanelResources, type SummaryView } from './summaryHtml';

export type { HandledMessage, MessageOutcome } from './panelMessages';
import { NoteLengthWarning } from './noteLengthWarning';

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

export class SummaryPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private key: string | undefined;
  private html: string | undefined;
  /** The rendered view less the reader's note and status: a library change re-renders only when it differs. */
  private shownContent: string | undefined;
  private readonly note: PanelNote;
  private readonly sections: PanelSections;
  private readonly messages: PanelMessages;
  private readonly noteLength = new NoteLengthWarning();
  private readonly libraryChange = new Coalescer(() => this.libraryChanged());
  /** Whether the panel was visible at its last view-state change (it is, once opened). */
  private wasVisible = true;
  /** The nonce of the page on show: a partial update keeps the page, so it keeps its nonce. */
  private nonce: string | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly media: vscode.Uri;
  private readonly handledEmitter = new vscode.EventEmitter<HandledMessage>();
  /** Fires after each message from the webview (or `receive`) has been handled. */
  readonly onDidHandleMessage = this.handledEmitter.event;

  constructor(private readonly options: SummaryPanelOptions) {
    super();
    this.media = vscode.Uri.joinPath(options.extensionUri, 'media');
    this.sections = new PanelSections(options, () => this.key, (section, key) => this.sectionChanged(section, key));
    this.note = new PanelNote({ ...options, sections: this.sections, shownKey: () => this.key, post: (message) => this.post(message) });
    const page: ShownPage = {
      shownKey: () => this.shownKey(),
      view: (key) => this.view(key),
      post: (message) => this.post(message),
    };
    this.messages = new PanelMessages(page, { ...options, sections: this.sections, note: this.note });
    for (const owned of [
      this.sections,
      vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.revive(panel, state),
      }),
      options.store.onDidAppendNote((append) => this.note.appended(append, () => this.shownKey())),
      options.store.onDidChange((keys) => this.storeChanged(keys)),
      // Coalesced: a folder of issues being read changes the library once per file.
      { dispose: options.library.onDidChange(() => this.libraryChange.schedule()) },
      this.libraryChange,
      this.handledEmitter,
    ]) this.register(owned);
  }

  override dispose(): void {
    const panel = this.panel;
    this.closePanel();
    this.panel = undefined;
    panel?.dispose();
    this.note.dispose();
    super.dispose();
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
    const key = this.sections.resolve(named);
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
    this.adopt(panel, this.sections.resolve(parsed.data.key));
  }

  /**
   * Handles one message as if the webview had sent it: the same path real messages take.
   * Anything that does not parse is logged and ignored.
   */
  async receive(message: unknown): Promise<MessageOutcome> {
    let handled = await this.messages.handle(message);
    if (handled.type === 'setNote') this.noteLength.accepted();
    // A note over the bound is refused like any bad message; the reader is told it is not being saved.
    if (handled.outcome === 'rejected' && this.noteLength.refused(message)) handled = { ...handled, outcome: 'noteTooLong' };
    this.handledEmitter.fire(handled);
    return handled.outcome;
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
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message).catch((error: unknown) => this.messages.failed(error))),
      // A hidden page is not kept (retainContextWhenHidden is off): its note is saved as it goes;
      // shown again, it is rebuilt from the HTML, so give it HTML with the note and status as they are now.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible && this.wasVisible) void this.note.draft.flush();
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

  /** Forgets the panel: the note being typed is saved first (a failure is reported by the draft). */
  private closePanel(): void {
    void this.note.draft.flush();
    disposeAll(this.panelDisposables.splice(0));
    this.key = undefined;
    this.html = undefined;
    this.nonce = undefined;
    this.shownContent = undefined;
  }

  private render(): void {
    const panel = this.panel;
    const key = this.key;
    if (!panel || key === undefined) return;
    // A note typed for the previous page is saved before that page goes (the draft reports a failure).
    if (this.note.draft.key !== undefined) void this.note.draft.flush();
    this.sections.request(key);
    const view = this.view(key);
    const webview = panel.webview;
    this.nonce = createNonce();
    // The new page is built with the note as it is now, appends and all.
    this.note.appends.clear();
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
    return this.sections.view(key, { note: this.note.current(key), status: this.options.store.status(key) });
  }

  /**
   * arXiv's or Hugging Face's details, or the match line, changed for the paper on show: that
   * section is replaced in place, so a note being typed keeps its text, caret and focus. A hidden
   * page gets fresh HTML instead.
   */
  private sectionChanged(section: PanelSection, key: string): void {
    const panel = this.panel;
    if (!panel || key !== this.key) return;
    const view = this.view(key);
    if (contentOf(view) === this.shownContent) return;
    if (!panel.visible || this.nonce === undefined) return this.render();
    // After the cache was cleared or a fetch failed for good, ask again (as a render would).
    if (section === 'details') this.sections.requestDetails(key);
    void this.post(this.sections.message(section, view));
    this.html = renderSummaryHtml(view, this.resources(panel.webview), this.nonce, vscode.l10n);
    this.shownContent = contentOf(view);
  }

  /** Saves the note being typed now (window closing, reload): see deactivate(). Never rejects. */
  flush(): Promise<void> {
    return this.note.draft.flush();
  }

  /** Keeps the panel on its paper when the paper's key changes; true when it did. */
  private followKey(): boolean {
    const key = this.key;
    if (key === undefined) return false;
    const current = this.sections.resolve(key);
    if (current === key) return false;
    this.key = current;
    this.note.draft.rekey(key, current);
    return true;
  }

  /** The key of the paper on show, after following a change of its key; undefined when closed. */
  private shownKey(): string | undefined {
    this.followKey();
    return this.panel ? this.key : undefined;
  }

  private storeChanged(keys: readonly string[]): void {
    if (this.followKey()) return this.render();
    const key = this.key;
    if (!this.panel || key === undefined || !keys.includes(key)) return;
    if (this.panel.visible) {
      // The page keeps what the reader is typing: it applies the note only when it has no unsaved edits.
      void this.post({ type: 'paperState', note: this.note.current(key), status: this.options.store.status(key) });
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

  /** Never rejects: a page that is gone gets nothing, and a fresh page is built with the state as it is. */
  private async post(message: ExtensionMessage): Promise<void> {
    try {
      await this.panel?.webview.postMessage(message);
    } catch (error) {
      this.options.log.warn(`Summary panel: the page did not get a ${message.type} message (${String(error)}).`);
    }
  }
}
