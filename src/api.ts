// What other extensions and users' scripts may rely on (`vscode.extensions.getExtension(...).exports`),
// kept small on purpose: plain data about issues and papers, a readiness promise, a change event.
// Everything else the extension is made of is handed out only to its own tests, when VS Code runs
// it in Test mode, so no script comes to depend on an internal class.
import * as vscode from 'vscode';
import type { IssueFacts, PaperFacts } from './core/chat/toolText';
import type { PaperQueries } from './chat/paperQueries';

/** The version of WeeklyPapersApi: raised when a change could break a script that uses it. */
export const API_VERSION = 1;

/** The most papers `search` returns, whatever is asked. */
export const API_SEARCH_LIMIT = 200;

export interface WeeklyPapersApi {
  readonly apiVersion: typeof API_VERSION;
  /** Settles when every source of issues (the sample, the workspace, imports) was read once. */
  readonly ready: Promise<void>;
  /** Every issue, newest first, with its papers: title, organisation, arXiv id, reading status, whether it has a note. */
  readonly issues: () => IssueFacts[];
  /** The papers that words of their title, organisation or summary match, best first (at most API_SEARCH_LIMIT). */
  readonly search: (query: string, max?: number) => PaperFacts[];
  /** Fires (at most a few times a second) when an issue, a reading status or a note changed. */
  readonly onDidChange: vscode.Event<void>;
}

/** The public API, answered by the same queries as the chat, so both always agree. */
export function publicApi(queries: PaperQueries, changes: vscode.Event<void>): WeeklyPapersApi {
  return {
    apiVersion: API_VERSION,
    ready: queries.ready,
    issues: () => queries.issues(),
    search: (query, max = API_SEARCH_LIMIT) => queries.search(String(query), Math.max(0, Math.min(API_SEARCH_LIMIT, Math.floor(Number(max) || 0)))).papers,
    onDidChange: changes,
  };
}

/**
 * What activate() returns: the public API, and the test hooks beside it only when VS Code runs the
 * extension's tests (ExtensionMode.Test). An installed extension never exposes its internals.
 */
export function exportsFor<Hooks extends object>(mode: vscode.ExtensionMode, api: WeeklyPapersApi, hooks: Hooks): WeeklyPapersApi | (WeeklyPapersApi & Hooks) {
  return mode === vscode.ExtensionMode.Test ? { ...hooks, ...api } : api;
}
