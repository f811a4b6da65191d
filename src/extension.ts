// Wiring only: build the services once, register the views, own every disposable.
import * as vscode from 'vscode';
import { IssueLibrary } from './core/library';
import { View } from './constants';
import { IssuesTreeProvider, type IssuesNode } from './views/issuesTree';
import { loadSampleIssue } from './sources/sampleIssue';
import { PaperStateStore } from './storage/paperStateStore';

/** What the extension hands to its integration tests (and to other extensions). */
export interface WeeklyPapersApi {
  readonly library: IssueLibrary;
  readonly issuesTree: vscode.TreeDataProvider<IssuesNode>;
  /** Notes and reading status, by paper key. */
  readonly store: PaperStateStore;
  /** Settles when the first load of every source has finished. */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): WeeklyPapersApi {
  const library = new IssueLibrary();
  const store = new PaperStateStore(context.workspaceState, (count) => {
    void vscode.window.showWarningMessage(
      `Weekly Papers found ${count === 1 ? 'a stored note or status' : `${count} stored notes or statuses`} it could not read. They were kept aside, untouched; everything else works as before.`,
    );
  });
  context.subscriptions.push(store);
  const issuesTree = new IssuesTreeProvider(library);
  const treeView = vscode.window.createTreeView(View.issues, { treeDataProvider: issuesTree, showCollapseAll: true });
  context.subscriptions.push(issuesTree, treeView);

  const ready = loadSampleIssue(context.extensionUri, library).catch((error: unknown) => {
    void vscode.window.showErrorMessage(`Weekly Papers could not load its sample issue: ${String(error)}`);
  });
  return { library, issuesTree, store, ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
