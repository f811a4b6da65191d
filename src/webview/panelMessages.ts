// What the summary panel's page asks for: a note, a status, a link by its kind, the DOI, Choose
// arXiv Match. Every message is parsed with zod first (the page is fed newsletter text and is
// never trusted); links are looked up here, by kind, for the paper on show, and opened only
// through openWebLink; the page never names a URL or a command.
import * as vscode from 'vscode';
import { Command } from '../constants';
import { doiUrl, validDoi } from '../core/formats/arxivAtom';
import type { PaperStateStore } from '../storage/paperStateStore';
import { openWebLink } from '../util/openExternal';
import { WebviewMessage, type ExtensionMessage } from './messages';
import type { PanelNote } from './panelNote';
import type { PanelSections } from './panelSections';
import type { SummaryView } from './summaryHtml';

/** What became of a message from the webview: rejected (bad shape; `noteTooLong`: a note over the bound, and the reader was told), ignored (nothing to do), or done. */
export type MessageOutcome = 'rejected' | 'noteTooLong' | 'ignored' | 'done';

export interface HandledMessage {
  /** The message's type, when it had a valid shape. */
  readonly type: WebviewMessage['type'] | undefined;
  readonly outcome: MessageOutcome;
}

/** The panel, as the messages of its page see it. */
export interface ShownPage {
  /** The key of the paper on show (after following a change of its key); undefined when the panel is closed. */
  shownKey(): string | undefined;
  view(key: string): SummaryView;
  /** Never rejects. */
  post(message: ExtensionMessage): Promise<void>;
}

export interface PanelMessagesOptions {
  readonly store: PaperStateStore;
  readonly sections: PanelSections;
  readonly note: PanelNote;
  readonly log: vscode.LogOutputChannel;
  /** Opens a web link; `openWebLink` unless a test says otherwise. */
  readonly openLink?: (url: string) => Promise<boolean>;
}

export class PanelMessages {
  constructor(
    private readonly page: ShownPage,
    private readonly options: PanelMessagesOptions,
  ) {}

  /** Something the page asked for (other than saving the note, which reports itself) failed. */
  failed(error: unknown): void {
    this.options.log.error(`Summary panel: a request from the page failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Weekly Papers could not do what the summary panel asked: {0}', String(error)));
  }

  /** Handles one message from the page. Anything that does not parse is logged and ignored. */
  async handle(message: unknown): Promise<HandledMessage> {
    const parsed = WebviewMessage.safeParse(message);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`);
      this.options.log.warn(`Summary panel: ignored a message it does not understand (${problems.join('; ')}).`);
      return { type: undefined, outcome: 'rejected' };
    }
    return { type: parsed.data.type, outcome: await this.apply(parsed.data) };
  }

  private async apply(message: WebviewMessage): Promise<MessageOutcome> {
    const { store, sections } = this.options;
    const key = this.page.shownKey();
    if (key === undefined) return 'ignored';
    // A page rendered before its paper's key changed (it got its arXiv id) still names the old key.
    const data = 'key' in message ? { ...message, key: sections.resolve(message.key) } : message;
    if (data.type === 'ready') {
      // The page may have been rebuilt from older HTML (it is not kept while hidden).
      await this.page.post({ type: 'paperState', note: this.options.note.current(key), status: store.status(key) });
      return 'done';
    }
    if (data.key !== key) {
      // A message from the page of a paper no longer on show arrives late. Its note is the
      // reader's last keystrokes there: save it under that paper, never drop it.
      if (data.type !== 'setNote' || !sections.knows(data.key)) return 'ignored';
      if (store.note(data.key) !== data.note) await store.setNote(data.key, data.note, sections.snapshot(data.key));
      return 'done';
    }
    switch (data.type) {
      case 'setNote': {
        // Never rejects: a failed save is reported to the reader by the draft.
        const { draft, appends } = this.options.note;
        await draft.edit({ key, note: appends.complete(key, data.note, data.appended), seq: data.seq }, data.flush);
        return 'done';
      }
      case 'setStatus':
        if (store.status(key) === data.status) return 'ignored';
        await store.setStatus(key, data.status, sections.snapshot(key));
        return 'done';
      case 'openLink': {
        const link = this.page.view(key).links.find((offered) => offered.kind === data.kind);
        if (!link) {
          this.options.log.info(`Summary panel: ${key} has no ${data.kind} link to open.`);
          return 'ignored';
        }
        await (this.options.openLink ?? openWebLink)(link.url);
        return 'done';
      }
      case 'openDoi': {
        const arxiv = this.page.view(key).arxiv;
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
}
