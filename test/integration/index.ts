// The extension-test index: VS Code's extension host loads this file (extensionTestsPath)
// and awaits run(). It runs every compiled suite under out/test/integration/suite/ with
// mocha, inside the real extension host, so `vscode` is the real API.
// Used by scripts/vscode/run-tests.mjs (code-server). `npm run test:desktop` (@vscode/test-cli)
// runs the same suites with its own runner and does not need this file.
import * as path from 'node:path';
import { runMocha } from './runMocha';

export function run(): Promise<void> {
  return runMocha(path.resolve(__dirname, 'suite'), 'integration');
}
