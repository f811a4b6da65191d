// Shared helpers for run-tests.mjs and start.mjs: paths, a free port, starting and stopping
// code-server (installed by install.sh into .cache/code-server), and the workbench URL.
// See shared/docs/real-vscode-tests.md for the recipe these follow.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_ENTRY = path.join(ROOT, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function requireCodeServer() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${path.relative(ROOT, CODE_SERVER_ENTRY)} missing): run \`bash scripts/vscode/install.sh\` first.`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`bash scripts/vscode/install.sh\` (or set CHROMIUM_PATH).`);
  }
}

/** Is `port` free on 127.0.0.1? */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * User settings for a run in restricted mode: workspace trust on, so the folder (never trusted
 * in a fresh user-data folder) opens untrusted, with neither the start-up prompt (a modal
 * dialog that would wait forever) nor the banner. code-server must then be started with
 * `workspaceTrust: true`, or its --disable-workspace-trust flag overrides these.
 */
export const UNTRUSTED_SETTINGS = Object.freeze({
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
});

/**
 * Writes the user-data folder code-server gets: settings that keep dialogs and the
 * welcome page off the workbench. Workspace trust is off unless extraSettings turn it on
 * (UNTRUSTED_SETTINGS).
 */
export function writeUserData(dir, extraSettings = {}) {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.openRepositoryInParentFolders': 'never',
    ...extraSettings,
  };
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** The environment for code-server: ours, less the variables of a VS Code we may run inside. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group (so its extension host and
 * other children can be stopped with it) and resolves once it prints "HTTP server listening".
 * Returns { proc, output(), stop() }. onLine receives each output line (optional).
 * workspaceTrust: false (the default) passes --disable-workspace-trust, which turns trust off
 * whatever the settings say; true leaves it to the user settings (see UNTRUSTED_SETTINGS).
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, configFile, folder, onLine, workspaceTrust = false, readyTimeoutMs = 60_000, env = {} }) {
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines = [];
  let stopped = false;

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report "HTTP server listening" within ${readyTimeoutMs / 1000}s`)), readyTimeoutMs);
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > 400) lines.shift();
        onLine?.(line);
        if (line.includes('HTTP server listening')) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited before it was ready (code ${code}, signal ${signal})`));
    });
  });

  const killGroup = (signal) => {
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort if our process exits without stop(): never leave code-server behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  /** Stops code-server and everything it started: SIGTERM, then SIGKILL after a grace period. */
  async function stop(graceMs = 3000) {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    const exited = proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => proc.once('exit', resolve));
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs + 1000))]);
    clearTimeout(timer);
    // Children that ignored SIGTERM (the extension host may linger): make sure.
    killGroup('SIGKILL');
  }

  try {
    await ready;
  } catch (err) {
    await stop();
    err.output = lines.join('\n');
    throw err;
  }
  return { proc, output: () => lines.join('\n'), stop };
}

/**
 * The workbench address: opens `folder`, loads the extension at extensionDevelopmentPath in
 * development mode and, when extensionTestsPath is given, runs that test index.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `http://${authority}/?folder=${encodeURI(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
