#!/usr/bin/env node
// Runs the extension's integration tests inside a REAL VS Code extension host: code-server
// (VS Code 1.100, from .cache/code-server, see install.sh) opened in Debian's Chromium,
// driven by playwright-core. Recipe: shared/docs/real-vscode-tests.md.
//
//   node scripts/vscode/run-tests.mjs [options]
//     --workspace <dir>       folder to open (default: a temp copy of test/workspace/, else an empty temp folder)
//     --extension <dir>       the extension: its development path, or what --untrusted installs (default: the repo root)
//     --tests <file.js>       extension test index (default: out/test/integration/index.js, or
//                             out/test/integration/restricted/index.js with --untrusted)
//     --untrusted             workspace trust on: the folder opens in restricted mode (no prompt, no
//                             banner), and the extension is installed rather than under development
//     --timeout <seconds>     bound on the whole run (default 300, or env VSCODE_TEST_TIMEOUT)
//   env VSCODE_TEST_SCREENSHOT=1  on failure keep a screenshot and the workbench logs in test-results/
//   env VSCODE_TEST_VERBOSE=1     also print code-server's output and the browser console
//   env WEEKLY_PAPERS_TEST_GREP=x  run only the tests whose full title matches x (while working on one suite)
//
// Exit status: 0 all tests passed; 1 a test failed (or the index rejected); 2 the run ended
// without an exit code from the workbench (timeout, crash, code-server died) or could not start;
// 130/143 interrupted. code-server and the browser are stopped in every case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util, { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, CHROMIUM_ARGS, ROOT, UNTRUSTED_SETTINGS, freePort, requireCodeServer, startCodeServer, workbenchUrl, writeUserData,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string' },
    extension: { type: 'string' },
    tests: { type: 'string' },
    timeout: { type: 'string' },
    untrusted: { type: 'boolean', default: false },
  },
});

const timeoutSec = Number(opts.timeout ?? process.env.VSCODE_TEST_TIMEOUT ?? 300);
const keepEvidence = /^(1|true|yes)$/i.test(process.env.VSCODE_TEST_SCREENSHOT ?? '');
const verbose = /^(1|true|yes)$/i.test(process.env.VSCODE_TEST_VERBOSE ?? '');
const extensionPath = path.resolve(opts.extension ?? ROOT);
const untrusted = opts.untrusted === true;
const defaultTests = path.join(ROOT, 'out', 'test', 'integration', ...(untrusted ? ['restricted'] : []), 'index.js');
const testsPath = path.resolve(opts.tests ?? defaultTests);
/** What the closing line calls the run. */
const runName = untrusted ? 'restricted-mode tests' : 'integration tests';

const log = (msg) => console.log(`[vscode-tests] ${msg}`);
const fail = (msg) => console.error(`\n[vscode-tests] ✘ ${msg}\n`);

/** Everything to undo at the end, newest first. */
const cleanups = [];
let finishing = false;

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    const t0 = Date.now();
    try {
      await fn();
      if (verbose) log(`cleanup step took ${Date.now() - t0} ms`);
    } catch (err) {
      console.error(`[vscode-tests] cleanup: ${err?.message ?? err}`);
    }
  }
}

async function finish(code) {
  if (finishing) return;
  finishing = true;
  await cleanup();
  process.exit(code);
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    fail(`interrupted (${signal}): stopping code-server and the browser`);
    void finish(code);
  });
}

async function main() {
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new Error(`bad timeout: ${timeoutSec}`);
  requireCodeServer();
  if (!fs.existsSync(testsPath)) {
    throw new Error(`test index ${path.relative(ROOT, testsPath)} not found: run \`npm run compile\` first.`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (manifest.main && !fs.existsSync(path.join(extensionPath, manifest.main))) {
    throw new Error(`the extension's main ${manifest.main} is missing: run \`npm run build\` first.`);
  }

  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-vscode-'));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));

  let workspace;
  if (opts.workspace) {
    workspace = path.resolve(opts.workspace);
  } else {
    workspace = path.join(tmp, 'workspace');
    const template = path.join(ROOT, 'test', 'workspace');
    if (fs.existsSync(template)) fs.cpSync(template, workspace, { recursive: true });
    else fs.mkdirSync(workspace);
  }
  // Every address setting is a user setting only (scope `application`): the workspace's settings
  // cannot point one at a closed port (test/workspace's own arXiv address is there to show it is
  // ignored), so the user settings do, in every run. In the restricted run arXiv's is another
  // closed port, so the restricted suite can tell which applies.
  const closedAddresses = {
    'weeklyPapers.arxivApiUrl': untrusted ? 'http://127.0.0.1:1/api/query' : 'http://127.0.0.1:9/api/query',
    'weeklyPapers.arxivPagesUrl': 'http://127.0.0.1:9',
    'weeklyPapers.huggingFaceApiUrl': 'http://127.0.0.1:9',
    'weeklyPapers.feedUrl': 'http://127.0.0.1:9/feed',
  };
  // The folder is new to this user-data folder, so with trust on it is untrusted. Restricted mode
  // ignores the workspace's values of the settings package.json declares restricted, so the user
  // settings turn the network off where the workspace turns it on.
  const restricted = { 'weeklyPapers.network.enabled': false };
  writeUserData(path.join(tmp, 'user-data'), untrusted ? { ...closedAddresses, ...UNTRUSTED_SETTINGS, ...restricted } : closedAddresses);
  fs.mkdirSync(path.join(tmp, 'extensions'));
  let developmentPath = extensionPath;
  if (untrusted) {
    // VS Code never disables an extension under development, whatever its manifest says about
    // untrusted workspaces: loaded that way, the run would prove nothing about
    // `capabilities.untrustedWorkspaces`. So the extension is installed, as a reader has it (a
    // link in the extensions folder), and the development path, without which VS Code runs no
    // extensionTestsPath, is an empty folder.
    const id = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
    fs.symlinkSync(extensionPath, path.join(tmp, 'extensions', id), 'dir');
    developmentPath = path.join(tmp, 'no-extension');
    fs.mkdirSync(developmentPath);
  }

  const port = await freePort();
  log(`starting code-server on 127.0.0.1:${port}`);
  const server = await startCodeServer({
    port,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    configFile: path.join(tmp, 'code-server.yaml'),
    folder: workspace,
    workspaceTrust: untrusted,
    // Installed as a reader has it, the extension runs in Production mode and exports only its
    // public API; its Node entry hands the restricted suite its test hooks when asked this way.
    env: untrusted ? { WEEKLY_PAPERS_TEST_HOOKS: '1' } : {},
    onLine: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
  });
  cleanups.push(() => server.stop());

  // The run's outcome: settled by codeAutomationExit, or by anything that means there will be none.
  let settle;
  const outcome = new Promise((resolve) => { settle = resolve; });
  const noExit = (why) => settle({ code: null, why });
  const timer = setTimeout(() => noExit(`timed out after ${timeoutSec}s`), timeoutSec * 1000);
  cleanups.push(() => clearTimeout(timer));
  server.proc.once('exit', (code, signal) => noExit(`code-server exited (code ${code}, signal ${signal})`));

  log(`starting Chromium (${CHROMIUM})`);
  const context = await chromium.launchPersistentContext(path.join(tmp, 'browser'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => Promise.race([context.close(), new Promise((r) => setTimeout(r, 5000))]));
  context.on('close', () => noExit('the browser closed'));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('crash', () => noExit('the page crashed'));
  if (verbose) page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));

  await page.exposeFunction('codeAutomationLog', (type, args) => printLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code, logs) => settle({ code: Number(code), logs }));

  const url = workbenchUrl({ port, folder: workspace, extensionDevelopmentPath: developmentPath, extensionTestsPath: testsPath });
  log(`opening the workbench${untrusted ? ' in restricted mode (untrusted)' : ''}; running ${path.relative(ROOT, testsPath) || testsPath} (time bound ${timeoutSec}s)`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  const result = await outcome;
  if (finishing) return 1; // interrupted: the signal handler reports and exits
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (result.code === 0) {
    log(`${runName} passed (${seconds}s)`);
    return 0;
  }
  if (keepEvidence) await saveEvidence(page, result.logs);
  if (result.code === null) {
    fail(`the test run ended without an exit code: ${result.why}. No test result; counting as FAILED.`);
    console.error('--- last lines of code-server output ---');
    console.error(server.output().split('\n').slice(-40).join('\n'));
    return 2;
  }
  fail(`${runName} FAILED (exit code ${result.code}, ${seconds}s)`);
  return result.code || 1;
}

/** Workbench chatter that says nothing about the tests (no network, no gallery, start-up steps). */
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /ENOTFOUND|EAI_AGAIN|open-vsx\.org|gallery/i,
  /refused to show dialog in tests/,
];

/**
 * Prints what the workbench forwards: the extension host's console (mocha's reporter output)
 * and the workbench's own log lines. `args` holds the console call's arguments.
 */
function printLog(type, args) {
  const text = Array.isArray(args) ? util.format(...args) : typeof args === 'string' ? args : util.inspect(args);
  if (!verbose && NOISE.some((re) => re.test(text))) return;
  const stream = type === 'error' ? process.stderr : process.stdout;
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** On failure: a screenshot and the workbench's logs in test-results/. */
async function saveEvidence(page, logs) {
  const dir = path.join(ROOT, 'test-results');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.mkdirSync(dir, { recursive: true });
  try {
    const file = path.join(dir, `vscode-${stamp}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    log(`screenshot: ${path.relative(ROOT, file)}`);
  } catch (err) {
    log(`no screenshot: ${err?.message ?? err}`);
  }
  if (Array.isArray(logs) && logs.length) {
    const logDir = path.join(dir, `vscode-${stamp}-logs`);
    for (const { relativePath, contents } of logs) {
      const file = path.join(logDir, relativePath);
      if (!file.startsWith(logDir)) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, contents);
    }
    log(`workbench logs: ${path.relative(ROOT, logDir)}/`);
  }
}

main().then(
  (code) => finish(code),
  (err) => {
    fail(err?.message ?? String(err));
    if (err?.output) console.error(err.output.split('\n').slice(-40).join('\n'));
    return finish(2);
  },
);
