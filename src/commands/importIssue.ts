// "Import Issue from Clipboard / File... / URL...": each turns its input into the text the parser
// reads and hands it to the IssueImporter (preview, then save as vol-N.txt). Each returns the
// ImportOutcome, so tests (and other extensions) can pass `{ confirm: false }` and check it.
import * as vscode from 'vscode';
import { readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import { MAX_ISSUE_FILE_BYTES } from '../core/parse/parse';
import { readBoundedFile } from '../util/boundedFile';
import { Command, Setting } from '../constants';
import { UnreadableHtmlError } from '../core/formats/boundedHtml';
import { looksLikeFeed, looksLikeHtml, readFeed, type FeedEntry } from '../core/formats/htmlToText';
import { fetchPage, ImportError, webUrl } from '../import/fetchPage';
import { unreadableHtml } from '../import/importMessages';
import { isApiAddressText, reachableFrom } from '../core/net/localAddress';
import type { ImportOptions, ImportOutcome } from '../import/issueImporter';
import { decodeText } from '../core/parse/text';
import type { WeeklyPapersCommand } from './commandManager';
import type { CommandServices } from './services';

export const DEFAULT_FEED_URL = SETTING_DEFAULTS[Setting.feedUrl];
const CANCELLED: ImportOutcome = { status: 'cancelled' };

/** "Import Issue from Clipboard": the clipboard's text, as copied from the web page, an e-mail or Markdown. */
export class ImportIssueFromClipboardCommand implements WeeklyPapersCommand {
  readonly id = Command.importIssueFromClipboard;

  constructor(private readonly services: CommandServices) {}

  async execute(options?: unknown): Promise<ImportOutcome> {
    const text = await this.services.clipboard.readText();
    if (text.trim() === '') return this.services.importer.fail(vscode.l10n.t('The clipboard is empty: copy the text of an issue (its web page, the e-mail or Markdown) first.'));
    const { importer } = this.services;
    return looksLikeHtml(text) ? importer.importHtml(text, { kind: 'clipboard' }, importOptions(options)) : importer.importText(text, { kind: 'clipboard' }, importOptions(options));
  }
}

/** "Import Issue from File...": a text, Markdown, e-mail or saved HTML page. `(uri, options?)` imports that file without asking which. */
export class ImportIssueFromFileCommand implements WeeklyPapersCommand {
  readonly id = Command.importIssueFromFile;

  constructor(private readonly services: CommandServices) {}

  async execute(source?: unknown, options?: unknown): Promise<ImportOutcome> {
    const uri =
      source instanceof vscode.Uri
        ? source
        : (await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import Issue'),
            openLabel: vscode.l10n.t('Import'),
            filters: { [vscode.l10n.t('Newsletter issues')]: ['txt', 'md', 'eml', 'html', 'htm'], [vscode.l10n.t('All files')]: ['*'] },
          }))?.[0];
    if (!uri) return CANCELLED;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    let text: string;
    try {
      const file = await readBoundedFile(uri, MAX_ISSUE_FILE_BYTES);
      if (file.kind === 'tooLarge') {
        return this.services.importer.fail(
          vscode.l10n.t('{0} is over {1} MB, the most an issue file may be. Nothing was saved.', name, MAX_ISSUE_FILE_BYTES / (1024 * 1024)),
        );
      }
      text = decodeText(file.bytes);
    } catch (error) {
      return this.services.importer.fail(vscode.l10n.t('Weekly Papers could not read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
    }
    const isHtml = /\.html?$/i.test(name) || looksLikeHtml(text);
    const opts = importOptions(source instanceof vscode.Uri ? options : source);
    return isHtml ? this.services.importer.importHtml(text, { kind: 'file', name }, opts) : this.services.importer.importText(text, { kind: 'file', name }, opts);
  }
}

/**
 * "Import Issue from URL...": a post's address, or the newsletter's feed (then a post is picked
 * from its list). `(url, options?)` imports from that address without asking.
 */
export class ImportIssueFromUrlCommand implements WeeklyPapersCommand {
  readonly id = Command.importIssueFromUrl;

  constructor(private readonly services: CommandServices) {}

  async execute(address?: unknown, options?: unknown): Promise<ImportOutcome> {
    const opts = importOptions(typeof address === 'string' ? options : address);
    const { importer } = this.services;
    if (!readSetting(Setting.networkEnabled)) {
      return importer.fail(vscode.l10n.t('Weekly Papers may not use the network (the setting "{0}" is off). Turn it on, or copy the issue and import it from the clipboard.', Setting.networkEnabled), {
        title: vscode.l10n.t('Open Settings'),
        run: () => vscode.commands.executeCommand('workbench.action.openSettings', Setting.networkEnabled),
      });
    }
    const url = typeof address === 'string' ? address : await askForAddress();
    if (url === undefined) return CANCELLED;
    try {
      const typed = webUrl(url, vscode.l10n);
      let page = await fetchPage(url, vscode.l10n, { timeoutMs: opts.timeoutMs });
      if (looksLikeFeed(page.text) || /(rss|atom)\+xml/i.test(page.contentType)) {
        // A feed on the internet cannot send the import to this computer: such entries are not offered.
        const entry = await pickFromFeed(reachableFrom(typed, readFeed(page.text) ?? []), url, opts.feedItem);
        if (entry === undefined) return CANCELLED;
        page = await fetchPage(entry.url, vscode.l10n, { timeoutMs: opts.timeoutMs, typed: url });
      }
      const origin = { kind: 'page', url: page.url } as const;
      return await (/^text\/plain/i.test(page.contentType) ? importer.importText(page.text, origin, opts) : importer.importHtml(page.text, origin, opts));
    } catch (error) {
      if (error instanceof ImportError) return importer.fail(error.message);
      if (error instanceof UnreadableHtmlError) return importer.fail(unreadableHtml({ kind: 'page', url }, error)); // the feed
      throw error;
    }
  }
}

function importOptions(value: unknown): ImportOptions {
  if (typeof value !== 'object' || value === null) return {};
  const { confirm, timeoutMs, feedItem } = value as Record<string, unknown>;
  return {
    ...(typeof confirm === 'boolean' ? { confirm } : {}),
    ...(typeof timeoutMs === 'number' && timeoutMs > 0 ? { timeoutMs } : {}),
    ...(typeof feedItem === 'number' ? { feedItem } : {}),
  };
}

async function askForAddress(): Promise<string | undefined> {
  const feed = offeredFeed();
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import Issue from URL'),
    prompt: vscode.l10n.t('The address of a newsletter post, or of its feed to choose from the latest issues'),
    value: feed,
    ignoreFocusOut: true,
    validateInput: (input) => {
      try {
        webUrl(input, vscode.l10n);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  return value?.trim() || undefined;
}

/** The feed the address box starts with: the setting's, unless it is no https:// address (then the newsletter's own, and the reader is told). */
function offeredFeed(): string {
  const configured = readSetting(Setting.feedUrl);
  if (isApiAddressText(configured)) return configured;
  void vscode.window.showWarningMessage(
    vscode.l10n.t('The weeklyPapers.feedUrl setting is not used: {0} is not an https:// address (http:// is allowed only for 127.0.0.1 or localhost). The newsletter’s own feed is offered instead.', configured),
  );
  return DEFAULT_FEED_URL;
}

/** The feed's entry to import: `index` when given, else the reader's choice in a quick pick. */
async function pickFromFeed(entries: readonly FeedEntry[], feedUrl: string, index: number | undefined): Promise<FeedEntry | undefined> {
  if (entries.length === 0) throw new ImportError(vscode.l10n.t('The feed at {0} lists no posts.', feedUrl));
  if (index !== undefined) {
    const entry = entries[index];
    if (!entry) throw new ImportError(vscode.l10n.t('The feed at {0} has no entry {1}.', feedUrl, index + 1));
    return entry;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.title, description: entry.published ?? '', detail: entry.url, entry })),
    { title: vscode.l10n.t('Import Issue from the Feed'), placeHolder: vscode.l10n.t('Choose an issue to import'), matchOnDetail: true },
  );
  return picked?.entry;
}
