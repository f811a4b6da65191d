// What several integration suites need: the activated extension's API, a bounded wait, the
// summary panel's tabs and the messages it handles, the workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SUMMARY_VIEW_TYPE } from '../../src/constants';
import type { WeeklyPapersTestApi } from '../../src/extension';
import type { HandledMessage } from '../../src/webview/panelMessages';

/** Activates the extension (once; later calls return the same API) and waits for its first load. */
export async function activate(): Promise<WeeklyPapersTestApi> {
  const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** Polls until `condition` holds; fails the test, naming `what`, after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The summary panel's tabs (the workbench prefixes webview view types). */
export function summaryTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(SUMMARY_VIEW_TYPE));
}

/** The test workspace's folder (the harness opens a temporary copy of test/workspace/). */
export function workspaceFolder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the tests need the test workspace open');
  return first.uri;
}

/** The next message of `type` the summary panel handles, from its real page or from `receive`. */
export function nextMessage(api: WeeklyPapersTestApi, type: HandledMessage['type']): Promise<HandledMessage> {
  return new Promise((resolve) => {
    const listener = api.summaryPanel.onDidHandleMessage((handled) => {
      if (handled.type !== type) return;
      listener.dispose();
      resolve(handled);
    });
  });
}
