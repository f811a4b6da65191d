// Runs inside a real VS Code extension host (see scripts/vscode/run-tests.mjs): `vscode` is the real API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, ViewContainer } from '../../../src/constants';

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
});
