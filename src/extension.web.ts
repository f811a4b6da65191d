// The extension's one bundle (dist/web/extension.js), for both extension hosts. esbuild builds it
// for the browser, so a Node built-in anywhere in its imports fails the build: everything goes
// through the VS Code API (workspace.fs, env.clipboard, global storage) and what Node 20 and a
// browser's web worker both have (fetch, Web Crypto, TextDecoder). It is package.json's `browser`
// entry (VS Code for the Web runs it as is) and, through extension.node.ts, its `main` entry. The
// one thing that differs, how web requests behave, is chosen here: the browser's way unless the
// Node entry says otherwise before activation.
import { useFileStartReader, type FileStartReader } from './platform/fileStart';
import { useLocalFiles, type LocalFiles } from './platform/localFiles';
import { browserRequests, nodeRequests, useRequests } from './platform/requests';

export { activate, deactivate, exposeTestHooks } from './extension';
export type { WeeklyPapersApi } from './extension';

useRequests(browserRequests);

/** Called by the Node entry (extension.node.ts) before activation. */
export function useNodeRequests(): void {
  useRequests(nodeRequests);
}

/** Called by the Node entry (extension.node.ts) before activation: the start of a large file can be read alone, and `file:` files without a round trip. */
export function useNodeFiles(readStart: FileStartReader, files?: LocalFiles): void {
  useFileStartReader(readStart);
  if (files) useLocalFiles(files);
}
