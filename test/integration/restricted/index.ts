// The restricted-mode test index: `node scripts/vscode/run-tests.mjs --untrusted` opens the test
// workspace UNTRUSTED (workspace trust on, no prompt) and has the extension host run this. It is
// a separate run because trust is decided when the window opens: one window cannot hold both
// the trusted suites (test/integration/suite/) and these.
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  return runMocha(__dirname, 'restricted');
}
