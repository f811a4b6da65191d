// Reading the CLI's input with a byte limit: a file's size is looked at before it is read, and
// what is read (standard input, a pipe, a device, a file that grows) stops one byte past the limit,
// so a 2 GB file given by mistake costs a stat, and an endless pipe costs the limit, not the heap.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type InputRead = { readonly kind: 'ok'; readonly bytes: Uint8Array } | { readonly kind: 'tooLarge'; readonly bytes: number; readonly exact: boolean };

const CHUNK = 1024 * 1024;

/** The bytes of `file` ('-' for standard input) when there are at most `maxBytes`. Throws as fs does (ENOENT, EISDIR, ...). */
export function readInput(file: string, maxBytes: number): InputRead {
  const stdin = file === '-';
  const fd = stdin ? 0 : openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) return { kind: 'tooLarge', bytes: stat.size, exact: true };
    return readAtMost(fd, maxBytes);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

function readAtMost(fd: number, maxBytes: number): InputRead {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) return { kind: 'tooLarge', bytes: total, exact: false };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { kind: 'ok', bytes };
}
