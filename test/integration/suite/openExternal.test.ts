// Opening a link hands VS Code exactly the address that was checked: the text, not a Uri, which
// VS Code's opener would decode (`a%2Fb` -> `a/b`, `%26` -> `&`, `%23` -> `#`) before opening.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkUrl } from '../../../src/core/parse/links';
import { openWebLink } from '../../../src/util/openExternal';
import { activate } from '../helpers';

/** Percent-encoding in the path, the query and the fragment: each means something else decoded. */
const HREF = 'https://example.com/a%2Fb.md?q=a%26b%3Dc#x%23y';

describe('opening a link', () => {
  it('is a link the parser keeps as written', () => {
    const check = checkUrl(HREF);
    assert.ok(check.ok);
    assert.equal(check.href, HREF);
  });

  it('hands the opener the checked text itself, not a Uri', async () => {
    const received: unknown[] = [];
    assert.equal(await openWebLink(HREF, (target) => (received.push(target), Promise.resolve(true))), true);
    assert.deepEqual(received, [HREF]);
    assert.equal(typeof received[0], 'string');
  });

  it('would open another address if it handed over a Uri (why it does not)', () => {
    // VS Code's opener opens a Uri as encodeURI(uri.toString(true)) (openerService.ts).
    assert.equal(encodeURI(vscode.Uri.parse(HREF).toString(true)), 'https://example.com/a/b.md?q=a&b=c#x#y');
  });

  it('goes through env.openExternal as the text, from the extension as shipped too', async () => {
    const api = await activate();
    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const original = env.openExternal;
    const received: unknown[] = [];
    env.openExternal = (target) => (received.push(target), Promise.resolve(true));
    try {
      // Patching env is allowed while extension tests run (VS Code freezes it otherwise).
      assert.notEqual(env.openExternal, original, 'vscode.env.openExternal could not be replaced in this host');
      await openWebLink(HREF);
      await api.commandServices.open(HREF);
    } finally {
      env.openExternal = original;
    }
    assert.deepEqual(received, [HREF, HREF]);
  });

  it('opens nothing that is not a web link', async () => {
    const received: unknown[] = [];
    assert.equal(await openWebLink('command:workbench.action.terminal.new', (target) => (received.push(target), Promise.resolve(true))), false);
    assert.deepEqual(received, []);
  });
});
