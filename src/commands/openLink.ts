import * as vscode from 'vscode';
import { Command } from '../constants';
import { paperLinks, type PaperLinkKind } from '../core/model/paperLinks';
import type { WeeklyPapersCommand } from './commandManager';
import { resolvePaper } from './paperPicker';
import type { PaperTarget } from '../papers/paperTarget';
import type { CommandServices } from './services';

const IDS: Readonly<Record<PaperLinkKind, string>> = {
  arxiv: Command.openArxiv,
  pdf: Command.openPdf,
  code: Command.openCode,
  huggingface: Command.openHuggingFace,
};

/** What each command says: its quick pick's title, when no paper has its link, and when the chosen one has none. */
function texts(kind: PaperLinkKind): { title: string; nothing: string; missing: (title: string) => string } {
  switch (kind) {
    case 'arxiv':
      return {
        title: vscode.l10n.t('Open on arXiv'),
        nothing: vscode.l10n.t('No paper in your issues has an arXiv page.'),
        missing: (title) => vscode.l10n.t('“{0}” has no arXiv page in its issue.', title),
      };
    case 'pdf':
      return {
        title: vscode.l10n.t('Open PDF'),
        nothing: vscode.l10n.t('No paper in your issues has a PDF.'),
        missing: (title) => vscode.l10n.t('“{0}” has no PDF in its issue.', title),
      };
    case 'code':
      return {
        title: vscode.l10n.t('Open Code'),
        nothing: vscode.l10n.t('No paper in your issues has a code link.'),
        missing: (title) => vscode.l10n.t('“{0}” has no code link in its issue.', title),
      };
    case 'huggingface':
      return {
        title: vscode.l10n.t('Open on Hugging Face'),
        nothing: vscode.l10n.t('No paper in your issues has a Hugging Face page.'),
        missing: (title) => vscode.l10n.t('“{0}” has no Hugging Face page in its issue.', title),
      };
  }
}

/** "Open on arXiv", "Open PDF", "Open Code", "Open on Hugging Face": one of a paper's links, in the browser. */
export class OpenLinkCommand implements WeeklyPapersCommand {
  readonly id: string;

  constructor(private readonly kind: PaperLinkKind, private readonly services: CommandServices) {
    this.id = IDS[kind];
  }

  /** Resolves to the address opened, or undefined when nothing was. */
  async execute(arg?: unknown): Promise<string | undefined> {
    const { title, nothing, missing } = texts(this.kind);
    const linkOf = (target: PaperTarget) => paperLinks(target)[this.kind];
    const target = await resolvePaper(this.services, arg, {
      title,
      accept: (candidate) => linkOf(candidate) !== null,
      nothingMessage: nothing,
    });
    if (!target) return undefined;
    const url = linkOf(target);
    if (!url) {
      void vscode.window.showInformationMessage(missing(target.title));
      return undefined;
    }
    return (await this.services.open(url)) ? url : undefined;
  }
}
