import * as vscode from 'vscode';
import { Command } from '../constants';
import { paperLinks, type PaperLinkKind } from '../core/model/paperLinks';
import { PaperCommand } from './paperCommand';
import type { PickOptions } from './paperPicker';
import type { PaperTarget } from '../papers/paperTarget';
import type { CommandServices } from './services';

/** What each command says: its quick pick's title, when no paper has its link, and when the chosen one has none. */
interface LinkTexts {
  readonly title: string;
  readonly nothing: string;
  readonly missing: (title: string) => string;
}

/** Each kind of link: its command, and its words (read when the command runs, in the reader's language). */
const LINKS: Readonly<Record<PaperLinkKind, { readonly id: string; readonly texts: () => LinkTexts }>> = {
  arxiv: { id: Command.openArxiv, texts: () => ({ title: vscode.l10n.t('Open on arXiv'), nothing: vscode.l10n.t('No paper in your issues has an arXiv page.'), missing: (title) => vscode.l10n.t('“{0}” has no arXiv page in its issue.', title) }) },
  pdf: { id: Command.openPdf, texts: () => ({ title: vscode.l10n.t('Open PDF'), nothing: vscode.l10n.t('No paper in your issues has a PDF.'), missing: (title) => vscode.l10n.t('“{0}” has no PDF in its issue.', title) }) },
  code: { id: Command.openCode, texts: () => ({ title: vscode.l10n.t('Open Code'), nothing: vscode.l10n.t('No paper in your issues has a code link.'), missing: (title) => vscode.l10n.t('“{0}” has no code link in its issue.', title) }) },
  huggingface: { id: Command.openHuggingFace, texts: () => ({ title: vscode.l10n.t('Open on Hugging Face'), nothing: vscode.l10n.t('No paper in your issues has a Hugging Face page.'), missing: (title) => vscode.l10n.t('“{0}” has no Hugging Face page in its issue.', title) }) },
};

/** "Open on arXiv", "Open PDF", "Open Code", "Open on Hugging Face": one of a paper's links, in the browser. */
export class OpenLinkCommand extends PaperCommand<string> {
  readonly id: string;

  constructor(private readonly kind: PaperLinkKind, services: CommandServices) {
    super(services);
    this.id = LINKS[kind].id;
  }

  private linkOf(target: PaperTarget): string | null {
    return paperLinks(target)[this.kind];
  }

  protected pickOptions(): PickOptions {
    const { title, nothing } = LINKS[this.kind].texts();
    return { title, accept: (candidate) => this.linkOf(candidate) !== null, nothingMessage: nothing };
  }

  /** Resolves to the address opened, or undefined when nothing was. */
  protected async run(target: PaperTarget): Promise<string | undefined> {
    const url = this.linkOf(target);
    if (!url) {
      void vscode.window.showInformationMessage(LINKS[this.kind].texts().missing(target.title));
      return undefined;
    }
    return (await this.services.open(url)) ? url : undefined;
  }
}
