import * as vscode from 'vscode';
import { Command } from '../constants';
import { bibtexFile } from '../core/formats/bibtex';
import type { SourcedIssue } from '../core/model/library';
import { issueLabel } from '../core/model/format';
import type { WeeklyPapersCommand } from './commandManager';
import { bibtexSource, libraryBibtexSources } from './bibtexSources';
import { findPaperTarget, type PaperTarget } from '../papers/paperTarget';
import type { CommandServices } from './services';

const BIB_FILTERS = { BibTeX: ['bib'] };

export interface BibtexExport {
  readonly uri: vscode.Uri;
  readonly entries: number;
}

/**
 * "Export BibTeX…": a .bib file for an issue (its row in the Issues tree) or, from anywhere else,
 * for the Reading List. arXiv's metadata is fetched first for papers that lack it (one batched
 * request) when the network is allowed; otherwise entries are built from what the issues know.
 * `(node, uri)` or `(uri)` writes there without asking.
 */
export class ExportBibtexCommand implements WeeklyPapersCommand {
  readonly id = Command.exportBibtex;

  constructor(private readonly services: CommandServices) {}

  async execute(first?: unknown, second?: unknown): Promise<BibtexExport | undefined> {
    await this.services.ready;
    const target = first instanceof vscode.Uri ? first : second instanceof vscode.Uri ? second : undefined;
    const issue = issueOf(first);
    const papers = issue ? this.issuePapers(issue) : this.readingListPapers();
    if (papers.length === 0) {
      void vscode.window.showInformationMessage(issue ? vscode.l10n.t('That issue has no papers to export.') : vscode.l10n.t('The Reading List is empty: mark papers To Read to export them.'));
      return undefined;
    }
    const name = issue ? `${issue.issue.volume !== null ? `vol-${issue.issue.volume}` : 'issue'}.bib` : 'reading-list.bib';
    const uri =
      target ??
      (await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export BibTeX'), saveLabel: vscode.l10n.t('Export'), defaultUri: defaultUri(name), filters: BIB_FILTERS }));
    if (!uri) return undefined;
    const arxiv = this.services.arxiv;
    const ids = papers.map((paper) => paper.arxivId).filter((id): id is string => id !== null);
    if (arxiv && ids.length > 0) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Fetching arXiv details…') }, () => arxiv.fetchMissing(ids));
    }
    const sources = papers.map((paper) => bibtexSource(paper, paper.arxivId ? arxiv?.entry(paper.arxivId) : undefined));
    // Keys unique across the library, as Copy BibTeX makes them: a paper keeps its key in every export.
    const text = bibtexFile(sources, libraryBibtexSources(this.services));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!target) {
      const missing = arxiv ? ids.filter((id) => !arxiv.entry(id)).length : 0;
      const sentences = [exported(papers.length, issue)];
      if (missing > 0) sentences.push(vscode.l10n.t("{0} without arXiv's details (built from the issue).", missing));
      const open = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage(sentences.join(' '), open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
      });
    }
    return { uri, entries: papers.length };
  }

  private issuePapers(issue: SourcedIssue): PaperTarget[] {
    const keys = [...issue.issue.papers.map((paper) => paper.key), ...issue.issue.extras.map((extra) => extra.key)];
    return this.targets(keys);
  }

  private readingListPapers(): PaperTarget[] {
    const keys = [...this.services.store.all()].filter(([, state]) => state.status !== null).map(([key]) => key);
    return this.targets(keys);
  }

  private targets(keys: readonly string[]): PaperTarget[] {
    return [...new Set(keys)]
      .map((key) => findPaperTarget(this.services.library, this.services.store, key))
      .filter((target): target is PaperTarget => target !== undefined);
  }
}

/** What an export says it wrote: how many entries, for the issue or for the Reading List. */
function exported(entries: number, issue: SourcedIssue | undefined): string {
  if (!issue) return entries === 1 ? vscode.l10n.t('Exported 1 BibTeX entry for the Reading List.') : vscode.l10n.t('Exported {0} BibTeX entries for the Reading List.', entries);
  const label = issueLabel(issue.issue);
  return entries === 1 ? vscode.l10n.t('Exported 1 BibTeX entry for {0}.', label) : vscode.l10n.t('Exported {0} BibTeX entries for {1}.', entries, label);
}

/** The issue an Issues-tree row names (an issue, or its Extras group). */
function issueOf(arg: unknown): SourcedIssue | undefined {
  if (typeof arg !== 'object' || arg === null || !('kind' in arg) || !('entry' in arg)) return undefined;
  if (arg.kind !== 'issue' && arg.kind !== 'extras') return undefined;
  return arg.entry as SourcedIssue;
}

function defaultUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
