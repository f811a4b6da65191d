// The quick pick over every paper (papers and extras, each key once): "Open Paper…", and every
// paper command run from the palette. It matches words anywhere in the summary, which the quick
// pick's own matching cannot (it only sees label, description and detail): the items are
// computed per keystroke from the search index and marked `alwaysShow`, so the quick pick keeps
// them while still highlighting what it matches itself.
import * as vscode from 'vscode';
import { STATUS_CODICONS, statusLabel } from '../util/statusLabel';
import { issueGone } from '../papers/paperTarget';
import { matchingPaperKeys } from '../papers/paperSearch';
import { findPaperTarget, paperKeyOf, type PaperTarget } from '../papers/paperTarget';
import type { CommandServices } from './services';
import { showUntilHidden } from './quickInput';

export interface PaperPickItem extends vscode.QuickPickItem {
  readonly key: string;
}

export interface PickOptions {
  /** The quick pick's title, e.g. "Open Code". */
  readonly title: string;
  /** Only papers this accepts are offered (Open Code: papers with code). */
  readonly accept?: (target: PaperTarget) => boolean;
  /** Said instead of showing an empty quick pick. */
  readonly nothingMessage?: string;
}

type PickServices = Pick<CommandServices, 'library' | 'store' | 'search'>;
export type ResolveServices = PickServices & Pick<CommandServices, 'ready'>;

/**
 * Each paper's item as the quick pick shows it, or null when the command does not offer the
 * paper: built once per quick pick, not once per keystroke.
 */
export type PickItemCache = Map<string, PaperPickItem | null>;

/**
 * The items for a query: papers whose title, organisation, issue or summary hold every word
 * (those matching in the title first), then papers only the store remembers (their issue is
 * gone) whose title matches.
 */
export function paperPickItems(services: PickServices, query: string, accept?: (target: PaperTarget) => boolean, cache: PickItemCache = new Map()): PaperPickItem[] {
  const { library, store } = services;
  const alwaysShow = query.trim().length > 0;
  const items: PaperPickItem[] = [];
  const add = (key: string) => {
    let item = cache.get(key);
    if (item === undefined) {
      const target = findPaperTarget(library, store, key);
      item = target && (!accept || accept(target)) ? pickItem(services, target) : null;
      cache.set(key, item);
    }
    if (item) items.push(alwaysShow ? { ...item, alwaysShow } : item);
  };
  for (const key of matchingPaperKeys(services, query)) add(key);
  return items;
}

function pickItem({ store }: PickServices, target: PaperTarget): PaperPickItem {
  const status = store.status(target.key);
  const hasNote = store.note(target.key).trim().length > 0;
  const detail = [
    status ? `$(${STATUS_CODICONS[status]}) ${statusLabel(status, vscode.l10n)}` : null,
    target.found ? target.issueLabel : `$(history) ${target.issueLabel ? vscode.l10n.t('{0}: issue no longer available', target.issueLabel) : issueGone()}`,
    hasNote ? `$(note) ${vscode.l10n.t('note')}` : null,
  ].filter(Boolean);
  return { key: target.key, label: target.title, description: target.org ?? undefined, detail: detail.join(' · '), alwaysShow: false };
}

/**
 * Asks for a paper; undefined when the reader cancels or nothing can be offered. Run from the
 * palette, the command may be what activated the extension: the first load is waited for.
 */
export async function pickPaper(services: ResolveServices, options: PickOptions): Promise<PaperTarget | undefined> {
  await services.ready;
  const cache: PickItemCache = new Map();
  const initial = paperPickItems(services, '', options.accept, cache);
  if (initial.length === 0) {
    void vscode.window.showInformationMessage(options.nothingMessage ?? vscode.l10n.t('Weekly Papers has no papers yet: open a folder with newsletter issues.'));
    return undefined;
  }
  const quickPick = vscode.window.createQuickPick<PaperPickItem>();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Search papers: words of the title, organisation, issue or summary');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = initial;
  return showUntilHidden<PaperTarget>(quickPick, (choose) => [
    quickPick.onDidChangeValue((value) => {
      quickPick.items = paperPickItems(services, value, options.accept, cache);
    }),
    quickPick.onDidAccept(() => {
      const key = quickPick.selectedItems[0]?.key ?? quickPick.activeItems[0]?.key;
      choose(key ? findPaperTarget(services.library, services.store, key) : undefined);
    }),
  ]);
}

/**
 * The paper an invocation means: the row or key it was given (told when the key is unknown),
 * else the one the reader picks.
 */
export async function resolvePaper(services: ResolveServices, arg: unknown, options: PickOptions): Promise<PaperTarget | undefined> {
  const key = paperKeyOf(arg);
  if (key === undefined) return pickPaper(services, options);
  await services.ready;
  const target = findPaperTarget(services.library, services.store, key);
  if (!target) void vscode.window.showWarningMessage(vscode.l10n.t('Weekly Papers knows no paper "{0}": no issue has it and it has no note.', key));
  return target;
}
