import * as vscode from 'vscode';
import { Command } from '../constants';
import { paperLinks, type PaperLinkKind } from '../core/paperLinks';
import type { WeeklyPapersCommand } from './commandManager';
import { resolvePaper } from './paperPicker';
import type { PaperTarget } from './paperTarget';
import type { CommandServices } from './services';

const LINKS: Readonly<Record<PaperLinkKind, { id: string; title: string; what: string }>> = {
  arxiv: { id: Command.openArxiv, title: 'Open on arXiv', what: 'an arXiv page' },
  pdf: { id: Command.openPdf, title: 'Open PDF', what: 'a PDF' },
  code: { id: Command.openCode, title: 'Open Code', what: 'a code link' },
  huggingface: { id: Command.openHuggingFace, title: 'Open on Hugging Face', what: 'a Hugging Face page' },
};

/** "Open on arXiv", "Open PDF", "Open Code", "Open on Hugging Face": one of a paper's links, in the browser. */
export class OpenLinkCommand implements WeeklyPapersCommand {
  readonly id: string;

  constructor(private readonly kind: PaperLinkKind, private readonly services: CommandServices) {
    this.id = LINKS[kind].id;
  }

  /** Resolves to the address opened, or undefined when nothing was. */
  async execute(arg?: unknown): Promise<string | undefined> {
    const { title, what } = LINKS[this.kind];
    const linkOf = (target: PaperTarget) => paperLinks(target)[this.kind];
    const target = await resolvePaper(this.services, arg, {
      title,
      accept: (candidate) => linkOf(candidate) !== null,
      nothingMessage: `No paper in your issues has ${what}.`,
    });
    if (!target) return undefined;
    const url = linkOf(target);
    if (!url) {
      void vscode.window.showInformationMessage(`“${target.title}” has no ${what.replace(/^an? /, '')} in its issue.`);
      return undefined;
    }
    return (await this.services.open(url)) ? url : undefined;
  }
}
