// Config for @vscode/test-cli: `npm run test:desktop` runs the SAME compiled integration
// suites as `npm run test:vscode` (code-server, scripts/vscode/run-tests.mjs), but in a
// downloaded desktop VS Code, on machines that can download it. test-cli uses its own
// mocha runner, so test/integration/index.ts is not used here; keep the mocha options
// below in step with the ones in that file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@vscode/test-cli';

// A throwaway copy of test/workspace/, as run-tests.mjs opens, so tests may change files.
const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-desktop-'));
if (fs.existsSync('test/workspace')) fs.cpSync('test/workspace', workspaceFolder, { recursive: true });
process.on('exit', () => fs.rmSync(workspaceFolder, { recursive: true, force: true }));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/suite/**/*.test.js',
  // The engines.vscode minimum, the VS Code that code-server 4.100.3 ships; override with
  // VSCODE_TEST_VERSION=stable to try the latest.
  version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
  workspaceFolder,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: {
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 20_000,
  },
});
