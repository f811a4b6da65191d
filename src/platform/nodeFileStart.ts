// Node's way to read the start of a file alone (see fileStart.ts), and to stat and read a whole one
// (see localFiles.ts): only extension.node.ts (and the tests, which run in Node's extension host)
// import it, so the browser's bundle never holds node:fs.
import * as fs from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileStartReader } from './fileStart';
import type { LocalFiles } from './localFiles';

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

/**
 * Node's stat and read of a whole file (see localFiles.ts). node:fs's callbacks, not its promises:
 * promises.readFile opens a FileHandle and takes a promise per step, and read a thousand small
 * files in about three times the time.
 */
export const nodeLocalFiles: LocalFiles = {
  stat: (fsPath) =>
    new Promise((resolve, reject) => {
      fs.stat(fsPath, (error, found) => {
        if (error) return reject(error);
        resolve({ kind: found.isFile() ? 'file' : found.isDirectory() ? 'directory' : 'other', ctime: found.ctime.getTime(), mtime: found.mtime.getTime(), size: found.size });
      });
    }),
  read: (fsPath) =>
    new Promise((resolve, reject) => {
      fs.readFile(fsPath, (error, bytes) => (error ? reject(error) : resolve(bytes)));
    }),
};
