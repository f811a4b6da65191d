// Wiring only: build the services once, register the views, own every disposable.
import * as vscode from 'vscode';
import { ArxivMetadata, arxivSettings } from './arxiv/arxivMetadata';
import { RequestThrottle } from './core/net/requestThrottle';
import { ArxivMatcher } from './papers/arxivMatcher';
import { PageTitles } from './papers/pageTitles';
import { HuggingFaceMetadata } from './huggingface/huggingFaceMetadata';
import { Coalescer } from './util/coalesce';
import { IssueLibrary } from './core/model/library';
import { Command } from './constants';
import { IssuesTreeProvider, IssuesView, type IssuesNode } from './views/issuesTree';
import { ReadingListProvider, ReadingListView, type ReadingListNode } from './views/readingList';
import { LibrarySearch } from './core/search/librarySearch';
import { registerCommands, type CommandServices } from './commands';
import { NoteFileSystem } from './commands/noteDocuments';
import { findPaperTarget } from './papers/paperTarget';
import type { Refreshable } from './sources/refreshable';
import { openWebLink } from './util/openExternal';
import { loadSampleIssue } from './sources/sampleIssue';
import { followShowSampleSetting } from './sources/sampleVisibility';
import { WorkspaceIssues } from './sources/workspaceIssues';
import { GlobalIssues } from './sources/globalIssues';
import { UnreadIssueFiles } from './sources/unreadIssueFiles';
import { IssueImporter } from './import/issueImporter';
import { IssueProblems } from './diagnostics/problems';
import { PaperStateStore } from './storage/paperStateStore';
import { PaperKeyMigration } from './papers/keyMigration';
import { SummaryPanel } from './webview/summaryPanel';
import { PaperQueries } from './chat/paperQueries';
import { paperTools, registerPaperTools } from './chat/paperTools';
import { ChatParticipant, type ToolName } from './constants';
import { papersChatHandler } from './chat/papersParticipant';
import { exportsFor, publicApi, type WeeklyPapersApi } from './api';

export type { WeeklyPapersApi } from './api';

/** What the extension hands, beside its public API, to its own tests (in ExtensionMode.Test only). */
export interface WeeklyPapersTestHooks {
  readonly library: IssueLibrary;
  readonly issuesTree: vscode.TreeDataProvider<IssuesNode>;
  /** Notes and reading status, by paper key. */
  readonly store: PaperStateStore;
  /** Settles when the first load of every source has finished. */
  readonly ready: Promise<void>;
  /** The summary panel (a webview): what it shows, its last HTML, and its message handling. */
  readonly summaryPanel: SummaryPanel;
  readonly readingList: vscode.TreeDataProvider<ReadingListNode>;
  /** What the commands are built with: tests build them again with a recording `open`. */
  readonly commandServices: CommandServices;
  /** arXiv's metadata (cached in global storage, fetched in the background). */
  readonly arxiv: ArxivMetadata;
  /** Moves notes to their papers' new keys (a paper from a contents line that got its arXiv id). */
  readonly keyMigration: PaperKeyMigration;
  /** Finds the arXiv record of papers the newsletter gave no id. */
  readonly matcher: ArxivMatcher;
  readonly pageTitles: PageTitles;
  /** Hugging Face's paper pages (cached in global storage, fetched in the background). */
  readonly huggingFace: HuggingFaceMetadata;
  /** The language-model tools, by name, as registered: tests call them (prepareInvocation too) directly. */
  readonly tools: Readonly<Record<ToolName, vscode.LanguageModelTool<unknown>>>;
  /** `@papers`'s request handler: tests call it with a recording stream. */
  readonly chatHandler: vscode.ChatRequestHandler;
  /** How long activate() itself took, and activation until every source was first read (ms). */
  readonly timings: { readonly activateMs: number; readonly readyMs: Promise<number> };
}

/** What the extension's own tests get: the public API and the test hooks. */
export type WeeklyPapersTestApi = WeeklyPapersApi & WeeklyPapersTestHooks;

export function activate(context: vscode.ExtensionContext): WeeklyPapersApi | WeeklyPapersTestApi {
  const started = performance.now();
  // The log first: everything built below writes to it.
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Weekly Papers'), { log: true });
  context.subscriptions.push(log);
  const library = new IssueLibrary();
  const store = new PaperStateStore(context.workspaceState, (count) => {
    void vscode.window.showWarningMessage(
      count === 1
        ? vscode.l10n.t('Weekly Papers found a stored note or status it could not read. They were kept aside, untouched; everything else works as before.')
        : vscode.l10n.t('Weekly Papers found {0} stored notes or statuses it could not read. They were kept aside, untouched; everything else works as before.', count),
    );
  });
  context.subscriptions.push(store);
  const search = new LibrarySearch(library);
  const problems = new IssueProblems();
  const unreadFiles = new UnreadIssueFiles(problems, log);
  context.subscriptions.push(problems, unreadFiles);
  const issuesTree = new IssuesTreeProvider(library, store, search, unreadFiles);
  const readingList = new ReadingListProvider(library, store);
  context.subscriptions.push(search, issuesTree, new IssuesView(issuesTree), readingList, new ReadingListView(readingList));

  const sample: Refreshable = {
    refresh: () =>
      loadSampleIssue(context.extensionUri, library).catch((error: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('Weekly Papers could not load its sample issue: {0}', String(error)));
      }),
  };
  const sampleReady = sample.refresh();
  // Issue files in the workspace arrive in the library as they are read: activation never waits.
  const workspaceIssues = new WorkspaceIssues(library, problems, unreadFiles, log);
  context.subscriptions.push(followShowSampleSetting(library), workspaceIssues);
  // Issues imported with no folder open live in global storage.
  const globalIssues = new GlobalIssues(library, vscode.Uri.joinPath(context.globalStorageUri, 'issues'), unreadFiles, log);
  const ready = Promise.all([sampleReady, workspaceIssues.ready, globalIssues.refresh()]).then(() => undefined);
  const keyMigration = new PaperKeyMigration(library, store, log);
  context.subscriptions.push(keyMigration);
  // arXiv asks for one request at a time, 3 s apart: look-ups and searches wait in one queue.
  const arxivQueue = new RequestThrottle(3000);
  const arxiv = new ArxivMetadata({ storageUri: context.globalStorageUri, log, throttle: arxivQueue });
  // A paywalled issue's real titles, from the newsletter's site: its papers are searched by them.
  const pageTitles = new PageTitles({ library, memento: context.workspaceState, log });
  const matcher = new ArxivMatcher({ library, store, memento: context.workspaceState, throttle: arxivQueue, arxiv, log, settings: arxivSettings, pageTitles });
  library.setResolver(matcher.resolver);
  // Hugging Face's paper page names a paper's repository: its code link where the newsletter gave none.
  const huggingFace = new HuggingFaceMetadata({ storageUri: context.globalStorageUri, log });
  library.setCodeLinks((id) => huggingFace.cachedRepository(id));
  const codeLinksChanged = new Coalescer(() => library.resolutionsChanged(), 100);
  // Only an answer that names a repository changes a code link: anything else (loading, a 404, a
  // settings change) leaves the trees alone, so they are not redrawn under the reader's click.
  const namesRepository = (id: string) => huggingFace.cachedRepository(id) !== null;
  context.subscriptions.push(
    arxiv,
    pageTitles,
    matcher,
    huggingFace,
    codeLinksChanged,
    huggingFace.onDidChange((ids) => {
      if (ids.some(namesRepository)) codeLinksChanged.schedule();
    }),
  );
  const summaryPanel = new SummaryPanel({ extensionUri: context.extensionUri, library, store, ready, log, arxiv, matcher, huggingFace });
  context.subscriptions.push(summaryPanel, vscode.commands.registerCommand(Command.showSummary, (target: unknown) => summaryPanel.show(target)));

  const sources: Refreshable[] = [sample, workspaceIssues, globalIssues];
  const importer = new IssueImporter(globalIssues.folder, globalIssues);
  const notes = new NoteFileSystem(store, (key) => findPaperTarget(library, store, key));
  const commandServices: CommandServices = { library, store, search, issues: issuesTree, sources, notes, open: openWebLink, clipboard: vscode.env.clipboard, ready, arxiv, importer, matcher };
  context.subscriptions.push(notes, registerCommands(commandServices));
  // Copilot Chat (or any chat): the tools read the same library and write through the same store.
  const queries = new PaperQueries({ library, store, search, ready, arxiv });
  const tools = paperTools(queries, store);
  context.subscriptions.push(...registerPaperTools(tools));
  const chatHandler = papersChatHandler(queries);
  const participant = vscode.chat.createChatParticipant(ChatParticipant.id, chatHandler);
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'weekly-papers.svg');
  context.subscriptions.push(participant);
  flushOnDeactivate = async () => {
    await summaryPanel.flush().catch(() => undefined);
    await store.flushed();
  };
  const activateMs = performance.now() - started;
  const readyMs = ready.then(() => {
    const ms = performance.now() - started;
    log.info(`Activated in ${activateMs.toFixed(1)} ms; read ${library.issues().length} issues in ${ms.toFixed(0)} ms.`);
    return ms;
  });
  const changed = new vscode.EventEmitter<void>();
  const changes = new Coalescer(() => changed.fire(), 250);
  const stopListening = library.onDidChange(() => changes.schedule());
  context.subscriptions.push(changed, changes, store.onDidChange(() => changes.schedule()), { dispose: stopListening });
  const api = publicApi(queries, changed.event);
  const hooks: WeeklyPapersTestHooks = { library, issuesTree, store, ready, summaryPanel, readingList, commandServices, arxiv, keyMigration, matcher, pageTitles, huggingFace, tools, chatHandler, timings: { activateMs, readyMs } };
  return exportsFor(testHooksExposed ? vscode.ExtensionMode.Test : context.extensionMode, api, hooks);
}

/** Set by the Node entry when the restricted-mode test run asks for the test hooks (see extension.node.ts). */
let testHooksExposed = false;

/** Exports the test hooks even outside ExtensionMode.Test: only the restricted-mode test run calls this. */
export function exposeTestHooks(): void {
  testHooksExposed = true;
}

/** Set by activate(): saves a note still being typed and waits for every write to land. */
let flushOnDeactivate: (() => Promise<void>) | undefined;

export async function deactivate(): Promise<void> {
  // VS Code waits for this before the window closes or reloads; disposing comes after.
  await flushOnDeactivate?.();
}
