// Node's way to read the start of a file alone (see fileStart.ts): only extension.node.ts (and the
// tests, which run in Node's extension host) import it, so the browser's bundle never holds node:fs.
import { open } from 'node:fs/promises';
import type { FileStartReader } from './fileStart';

export const nodeFileStart: FileStartReader = async (fsPath, bytes) => {
  const file = await open(fsPath, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
};
