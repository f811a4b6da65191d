// A person imports from an address that answers with a gzip bomb (a body that inflates to 1 GB):
// while the download is under way Open Paper still lists papers, and the import then says the page
// is too large, a few seconds later, with nothing saved. The bomb is made streaming (1 MB of zeros
// at a time, about 1 MB compressed) by test/support/hostileHttp.ts, on a server on 127.0.0.1 that
// holds the rest of the body back until Open Paper has answered, so the two truly overlap.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import hostileHttpModule from '../../out/test/support/hostileHttp.js';
import { openSidebar, runCommand, useWorkbench } from './workbench.mjs';

const { gzipOfZeros, hostileServer } = hostileHttpModule;
const CLARA = 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning';
/** What inflates to 1 GB: 1,024 MB of zeros. */
const BOMB_MB = 1024;
/** Sent before the pause: a few KB, far under the 5 MB it may inflate to. */
const FIRST_PART_BYTES = 1024;

describe('a gzip bomb behind Import Issue from URL (packaged extension in code-server, driven in Chromium)', function () {
  this.timeout(180_000);
  let server;
  let bomb;
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const workbench = useWorkbench('gzip-bomb', async () => {
    bomb = await gzipOfZeros(BOMB_MB);
    server = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': bomb.byteLength });
      response.write(bomb.subarray(0, FIRST_PART_BYTES));
      // The rest only once the test has seen Open Paper answer while this request is open.
      void released.then(() => response.end(bomb.subarray(FIRST_PART_BYTES)));
    });
    return {};
  });
  after(async () => {
    release();
    await server?.close();
  });

  it('keeps Open Paper answering during the download, then says the page is larger than 5 MB and saves nothing', async () => {
    const { page, workspace } = workbench();
    assert.ok(bomb.byteLength < 2 * 1024 * 1024, `the bomb is ${bomb.byteLength} bytes compressed`);
    await openSidebar(page);

    await runCommand(page, 'Weekly Papers: Import Issue from URL...');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    await input.fill(server.url);
    await page.keyboard.press('Enter');
    const started = Date.now();
    for (const end = Date.now() + 20_000; server.requests() === 0; ) {
      assert.ok(Date.now() < end, 'the import never asked the server');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // The import is waiting on the body: Open Paper lists the sample's papers meanwhile.
    await runCommand(page, 'Weekly Papers: Open Paper');
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: CLARA }).first().waitFor({ timeout: 15_000 });
    assert.ok((await rows.count()) > 1, 'Open Paper lists the papers');
    const openPaperMs = Date.now() - started;
    await page.keyboard.press('Escape');

    release();
    const releasedAt = Date.now();
    const message = /^The page at http:\/\/127\.0\.0\.1:\d+\/ is larger than 5 MB; nothing was saved\.$/;
    // A generous guard against a hang, not a speed test: the time is printed for the report.
    await page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: message }).first().waitFor({ timeout: 20_000 });
    const messageMs = Date.now() - releasedAt;
    console.log(`      Open Paper answered ${openPaperMs} ms after the import asked; the message came ${messageMs} ms after the rest of the body was sent (${Date.now() - started} ms after the import asked)`);
    assert.equal(fs.existsSync(path.join(workspace, 'issues')), false, 'nothing was saved');
    assert.equal(server.requests(), 1);
  });
});
