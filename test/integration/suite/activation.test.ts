// Runs inside a real VS Code extension host (see scripts/vscode/run-tests.mjs): `vscode` is the real API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, Setting, ViewContainer } from '../../../src/constants';

const showContainer = `workbench.view.extension.${ViewContainer.id}`;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('activation', () => {
  it(`the extension ${EXTENSION_ID} is installed`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not among the installed extensions`);
  });

  it(`contributes the view container command ${showContainer}`, async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(showContainer), `${showContainer} is not a registered command`);
  });

  it('activates when the Weekly Papers view container is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.equal(extension.isActive, false, 'something activated the extension before its view was opened');
    await vscode.commands.executeCommand(showContainer);
    assert.ok(await waitFor(() => extension.isActive, 10_000), 'the extension did not activate within 10 s of opening its view container');
  });

  it('takes the address settings from the user’s settings only, never from a trusted workspace’s', async () => {
    // test/workspace/.vscode/settings.json sets arXiv's address (port 2); run-tests.mjs sets the
    // user's (port 9). `application` scope means the workspace's is ignored, trusted or not.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json')))) as Record<string, unknown>;
    assert.equal(file[Setting.arxivApiUrl], 'http://127.0.0.1:2/api/query', 'the workspace sets an arXiv address');
    const config = vscode.workspace.getConfiguration();
    assert.equal(config.inspect(Setting.arxivApiUrl)?.workspaceValue, undefined, 'VS Code read the workspace’s value');
    assert.equal(config.get(Setting.arxivApiUrl), 'http://127.0.0.1:9/api/query');
    assert.ok(vscode.workspace.isTrusted, 'this run is to show it in a trusted workspace');
  });
});
