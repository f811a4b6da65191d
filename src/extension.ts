// Wiring only: build the services once, register the views, own every disposable.
import * as vscode from 'vscode';
import { IssueLibrary } from './core/library';
import { View } from './constants';
import { IssuesTreeProvider, type IssuesNode } from './views/issuesTree';
import { loadSampleIssue } from './sources/sampleIssue';

/** What the extension hands to its integration tests (and to other extensions). */
export interface WeeklyPapersApi {
  readonly library: IssueLibrary;
  readonly issuesTree: vscode.TreeDataProvider<IssuesNode>;
  /** Settles when the first load of every source has finished. */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): WeeklyPapersApi {
  const library = new IssueLibrary();
  const issuesTree = new IssuesTreeProvider(library);
  const treeView = vscode.window.createTreeView(View.issues, { treeDataProvider: issuesTree, showCollapseAll: true });
  context.subscriptions.push(issuesTree, treeView);

  const ready = loadSampleIssue(context.extensionUri, library).catch((error: unknown) => {
    void vscode.window.showErrorMessage(`Weekly Papers could not load its sample issue: ${String(error)}`);
  });
  return { library, issuesTree, ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
