// "Choose arXiv Match..." and "Remove arXiv Match": the reader says which arXiv record a paper
// the newsletter gave no id is (from the possible matches a search kept, or an id or link they
// paste), or that it has none. The choice is kept with the notes and always beats a search.
// While the paper lacks its real title and its issue names its web page, the page is offered too:
// imported, it gives every paper of the issue its real title to be searched by.
import * as vscode from 'vscode';
import { Command } from '../constants';
import { arxivIdFromInput } from '../core/parse/links';
import { arxivChoosable, paperSlot } from '../core/model/paperIdentity';
import type { WeeklyPapersCommand } from './commandManager';
import { resolvePaper } from './paperPicker';
import type { PaperTarget } from '../papers/paperTarget';
import { titlesPageOf } from '../papers/issuePage';
import type { CommandServices } from './services';

type MatchServices = Pick<CommandServices, 'library' | 'store' | 'search' | 'ready' | 'matcher'>;

interface MatchItem extends vscode.QuickPickItem {
  readonly choice: { readonly arxivId: string | null; readonly title: string | null } | 'enter' | { readonly page: string };
}

/** The issue's web page as a choice, while it would give the paper its real title (see papers/issuePage.ts). */
export function webPageItem(target: PaperTarget): (vscode.QuickPickItem & { readonly page: string }) | undefined {
  const url = titlesPageOf(target.found);
  if (!url) return undefined;
  return {
    page: url.toString(),
    label: `$(globe) ${vscode.l10n.t('Import the issue’s web page for the real titles...')}`,
    description: `${url.host}${url.pathname}`,
    detail: vscode.l10n.t('Its contents list links each paper to its real title; Weekly Papers then looks for these titles on arXiv.'),
  };
}

/** The slot of a paper whose arXiv id the reader may choose: one the newsletter gave none. */
export function matchableSlot(target: PaperTarget): string | null {
  const found = target.found;
  return found && arxivChoosable(found.paper) ? paperSlot(found.entry.issue, found.paper) : null;
}

export class ChooseArxivMatchCommand implements WeeklyPapersCommand {
  readonly id = Command.chooseArxivMatch;

  constructor(private readonly services: MatchServices) {}

  /** `(paper)` asks; `(paper, idOrLink)` sets it (null or "none": not on arXiv). */
  async execute(arg?: unknown, choiceArg?: unknown): Promise<void> {
    const target = await resolvePaper(this.services, arg, {
      title: vscode.l10n.t('Choose arXiv Match'),
      accept: (candidate) => matchableSlot(candidate) !== null,
      nothingMessage: vscode.l10n.t('Every paper has its arXiv id from the newsletter: there is nothing to match.'),
    });
    if (!target) return;
    const slot = matchableSlot(target);
    if (slot === null) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has its arXiv id from the newsletter.', target.title));
      return;
    }
    const choice = choiceArg === undefined ? await this.ask(target, slot) : choiceFromArgument(choiceArg);
    if (choice === undefined || choice === 'enter') return;
    if ('page' in choice) {
      await vscode.commands.executeCommand(Command.importIssueFromUrl, choice.page);
      return;
    }
    await setChoice(this.services, target, slot, choice);
  }

  private async ask(target: PaperTarget, slot: string): Promise<MatchItem['choice'] | undefined> {
    const current = this.services.store.choice(slot);
    const currentId = current ? current.arxivId : target.arxivId;
    const candidates = this.services.matcher?.candidates(slot) ?? [];
    const items: MatchItem[] = candidates.map((candidate) => ({
      choice: { arxivId: candidate.id, title: candidate.title },
      label: candidate.title,
      description: `${candidate.id}${candidate.published ? ` · ${candidate.published.slice(0, 10)}` : ''}`,
      detail: candidate.id === currentId ? vscode.l10n.t('the current match') : undefined,
    }));
    if (currentId !== null && !candidates.some((candidate) => candidate.id === currentId)) {
      const paper = target.found?.paper;
      const title = (paper && 'arxivMatch' in paper ? paper.arxivMatch?.title : null) ?? null;
      items.unshift({ choice: { arxivId: currentId, title }, label: title ?? currentId, description: currentId, detail: vscode.l10n.t('the current match') });
    }
    const page = webPageItem(target);
    if (page) items.push({ ...page, choice: { page: page.page } });
    items.push(
      { choice: 'enter', label: `$(edit) ${vscode.l10n.t('Enter an arXiv id or link...')}` },
      { choice: { arxivId: null, title: null }, label: `$(circle-slash) ${vscode.l10n.t('Not on arXiv')}`, description: vscode.l10n.t('no automatic match either') },
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Choose arXiv Match'),
      placeHolder: vscode.l10n.t('Which arXiv record is “{0}”?', target.title),
      matchOnDescription: true,
    });
    if (!picked) return undefined;
    if (picked.choice !== 'enter') return picked.choice;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Choose arXiv Match'),
      prompt: vscode.l10n.t('The arXiv id (2511.18659) or the address of its arXiv or Hugging Face page'),
      validateInput: (value) => (arxivIdFromInput(value) ? undefined : vscode.l10n.t('Not an arXiv id or an arXiv or Hugging Face paper address.')),
    });
    const ref = typed === undefined ? null : arxivIdFromInput(typed);
    return ref ? { arxivId: ref.id, title: null } : undefined;
  }
}

export class RemoveArxivMatchCommand implements WeeklyPapersCommand {
  readonly id = Command.removeArxivMatch;

  constructor(private readonly services: MatchServices) {}

  async execute(arg?: unknown): Promise<void> {
    const target = await resolvePaper(this.services, arg, {
      title: vscode.l10n.t('Remove arXiv Match'),
      accept: (candidate) => matchableSlot(candidate) !== null && candidate.arxivId !== null,
      nothingMessage: vscode.l10n.t('No paper has an arXiv match found by a search or chosen by you.'),
    });
    if (!target) return;
    const slot = matchableSlot(target);
    if (slot === null || target.arxivId === null) return;
    await setChoice(this.services, target, slot, { arxivId: null, title: null });
  }
}

/** The choice an argument names: an id or link, or null / "none" for "not on arXiv"; undefined when it names none. */
function choiceFromArgument(arg: unknown): MatchItem['choice'] | undefined {
  if (arg === null || arg === 'none') return { arxivId: null, title: null };
  if (typeof arg !== 'string') return undefined;
  const ref = arxivIdFromInput(arg);
  if (!ref) {
    void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is not an arXiv id or an arXiv or Hugging Face paper address.', arg.slice(0, 100)));
    return undefined;
  }
  return { arxivId: ref.id, title: null };
}

/**
 * Keeps the choice and moves the paper's note and status to its new key. A key no other paper
 * has (a match found by a search that the reader now replaces) leaves with them.
 */
async function setChoice(services: MatchServices, target: PaperTarget, slot: string, choice: { readonly arxivId: string | null; readonly title: string | null }): Promise<void> {
  const before = target.key;
  await services.store.setChoice(slot, choice);
  const after = services.library.currentKey(slot);
  if (before !== after && services.library.findPaper(before).length === 0) await services.store.move([{ from: before, to: after }]);
}
