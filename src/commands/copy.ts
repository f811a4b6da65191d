import * as vscode from 'vscode';
import { Command } from '../constants';
import { bibtexEntry } from '../core/formats/bibtex';
import { primaryLink } from '../core/model/paperLinks';
import { bibtexSource, libraryBibtexSources } from './bibtexSources';
import { PaperCommand } from './paperCommand';
import type { PickOptions } from './paperPicker';
import type { PaperTarget } from '../papers/paperTarget';

const COPIED_MESSAGE_MS = 4000;

/** "Copy Link": the arXiv page, else the first link the issue gives. */
export class CopyLinkCommand extends PaperCommand<string> {
  readonly id = Command.copyLink;

  protected pickOptions(): PickOptions {
    return { title: vscode.l10n.t('Copy Link'), accept: (candidate) => primaryLink(candidate) !== null };
  }

  /** Resolves to what was copied. */
  protected async run(target: PaperTarget): Promise<string | undefined> {
    const link = primaryLink(target);
    if (!link) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no link in its issue.', target.title));
      return undefined;
    }
    await this.services.clipboard.writeText(link);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied {0}', link)}`, COPIED_MESSAGE_MS);
    return link;
  }
}

/**
 * "Copy BibTeX": an arXiv-style @misc entry, its key unique among the library's papers (the key
 * Export BibTeX gives the same paper); with
 * arXiv's authors, year, category and DOI when its metadata has been fetched.
 */
export class CopyBibtexCommand extends PaperCommand<string> {
  readonly id = Command.copyBibtex;

  protected pickOptions(): PickOptions {
    return { title: vscode.l10n.t('Copy BibTeX') };
  }

  protected async run(target: PaperTarget): Promise<string | undefined> {
    const arxiv = this.services.arxiv;
    if (arxiv && target.arxivId) {
      // Not waited for: the next copy has it.
      arxiv.request([target.arxivId]);
    }
    const entry = bibtexEntry(bibtexSource(target, target.arxivId ? arxiv?.entry(target.arxivId) : undefined), libraryBibtexSources(this.services));
    await this.services.clipboard.writeText(entry);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied BibTeX for “{0}”', target.title)}`, COPIED_MESSAGE_MS);
    return entry;
  }
}
