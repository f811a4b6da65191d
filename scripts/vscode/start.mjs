#!/usr/bin/env node
// `npm start`: a real VS Code (code-server) in your browser with this extension loaded in
// development mode, on a workspace holding the sample issue. Runs install.sh and
// `npm run build` first, prints one address to open, and runs until Ctrl-C.
//   env PORT           port on 127.0.0.1 (default 8080 when free, else any free port)
//   env SKIP_BUILD=1   do not run `npm run build` (e.g. when `npm run watch` is running)
// State (settings, opened editors) is kept in .cache/start/ between runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, freePort, isPortFree, requireCodeServer, startCodeServer, workbenchUrl, writeUserData,
} from './lib.mjs';

const log = (msg) => console.log(`[start] ${msg}`);

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`[start] \`${cmd} ${args.join(' ')}\` failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port`);
    if (!(await isPortFree(port))) throw new Error(`PORT=${port} is in use on 127.0.0.1`);
    return port;
  }
  return (await isPortFree(8080)) ? 8080 : freePort();
}

async function main() {
  run('bash', [path.join(ROOT, 'scripts', 'vscode', 'install.sh')]);
  if (!process.env.SKIP_BUILD) run('npm', ['run', '--silent', 'build']);
  requireCodeServer();

  const state = path.join(ROOT, '.cache', 'start');
  const workspace = path.join(state, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'media', 'sample', 'vol-132.txt'), path.join(workspace, 'vol-132.txt'));
  writeUserData(path.join(state, 'user-data'));
  fs.mkdirSync(path.join(state, 'extensions'), { recursive: true });

  const port = await choosePort();
  log(`starting code-server on 127.0.0.1:${port}`);
  const server = await startCodeServer({
    port,
    userDataDir: path.join(state, 'user-data'),
    extensionsDir: path.join(state, 'extensions'),
    configFile: path.join(state, 'code-server.yaml'),
    folder: workspace,
  });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping code-server');
    await server.stop();
    process.exit(code);
  };
  for (const [signal, code] of [['SIGINT', 0], ['SIGTERM', 0], ['SIGHUP', 0]]) process.on(signal, () => void stop(code));
  server.proc.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server exited (code ${code}, signal ${signal})`);
    console.error(server.output().split('\n').slice(-30).join('\n'));
    void stop(1);
  });

  const url = workbenchUrl({ port, folder: workspace, extensionDevelopmentPath: ROOT });
  console.log('');
  console.log('Weekly Papers is running in VS Code (code-server). Open this address in a browser:');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('The extension is loaded from this folder in development mode: after `npm run build`');
  console.log('(or with `npm run watch`), run "Developer: Reload Window" in VS Code. Ctrl-C stops it.');
}

main().catch((err) => {
  console.error(`[start] ${err?.message ?? err}`);
  if (err?.output) console.error(err.output.split('\n').slice(-30).join('\n'));
  process.exit(1);
});
