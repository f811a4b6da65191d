// package.json's `main`: Node's extension host (desktop, remote, Codespaces). It loads the same
// bundle VS Code for the Web runs (extension.web.ts, kept external by esbuild.js so the .vsix
// carries the extension once), switches web requests to Node's way, and gives it a way to read the
// start of a file alone (workspace.fs has none) and `file:` files without a round trip each.
import type * as shared from './extension.web';
import { nodeFileStart, nodeLocalFiles } from './platform/nodeFileStart';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle beside this one, loaded at run time
const extension = require('./web/extension.js') as typeof shared;
extension.useNodeRequests();
extension.useNodeFiles(nodeFileStart, nodeLocalFiles);
// The restricted-mode test run installs the extension as a reader has it (Production mode), so
// VS Code's Test mode cannot say it is under test there: that run starts the host with this.
if (process.env.WEEKLY_PAPERS_TEST_HOOKS === '1') extension.exposeTestHooks();

export const activate = extension.activate;
export const deactivate = extension.deactivate;
