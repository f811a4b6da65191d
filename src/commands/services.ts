// What commands need, built once in activate and passed in: no command reaches for a global.
import type * as vscode from 'vscode';
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import type { IssueLibrary } from '../core/model/library';
import type { IssueImporter } from '../import/issueImporter';
import type { LibrarySearch } from '../core/search/librarySearch';
import type { Refreshable } from '../sources/refreshable';
import type { PaperStateStore } from '../storage/paperStateStore';
import type { NoteFileSystem } from './noteDocuments';
import type { ArxivMatcher } from '../papers/arxivMatcher';

/** Opens a web address; resolves to whether it was opened. Tests pass one that records. */
export type OpenUrl = (url: string) => Thenable<boolean>;

export interface CommandServices {
  readonly library: IssueLibrary;
  readonly store: PaperStateStore;
  readonly search: LibrarySearch;
  /** The Issues tree, for its filter. */
  readonly issues: IssuesFilter;
  /** Every source of issues, for "Refresh". */
  readonly sources: readonly Refreshable[];
  /** Multi-line notes, edited as documents. */
  readonly notes: NoteFileSystem;
  readonly open: OpenUrl;
  readonly clipboard: Pick<vscode.Clipboard, 'writeText' | 'readText'>;
  /** Settles when every source's first load is done: a command run at activation waits for it. */
  readonly ready: Promise<void>;
  /** Saves imported issues (Import Issue from Clipboard, File, URL). */
  readonly importer: IssueImporter;
  /** arXiv's metadata, for BibTeX; absent, BibTeX is built from what the issues know. */
  readonly arxiv?: ArxivMetadata;
  /** Matches papers the newsletter gave no arXiv id; absent, Choose arXiv Match offers no candidates. */
  readonly matcher?: ArxivMatcher;
}

/** The Issues view's filter, as the Filter commands see it (the view implements it; commands never import views). */
export interface IssuesFilter {
  readonly filter: string;
  setFilter(text: string): void;
}
