// Local servers that answer badly on purpose, for the size limits of every request the extension
// sends: a body that never ends (written as it is read, never held whole), a small gzip body that
// inflates to 1 GB, a Content-Length that lies. All on 127.0.0.1.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';

export interface HostileServer {
  readonly url: string;
  /** Bytes the server has written of bodies so far. */
  readonly sent: () => number;
  /** Requests the server has had. */
  readonly requests: () => number;
  /** Resolves when a client has closed its connection (the download was stopped). */
  readonly closedByClient: Promise<void>;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** `gzip` of `megabytes` MB of zeros, made once, a megabyte at a time: about 1 KB a MB. */
export async function gzipOfZeros(megabytes: number): Promise<Buffer> {
  const zeros = Buffer.alloc(1024 * 1024);
  const gzip = zlib.createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

/** Serves `handler`'s answer on 127.0.0.1; `sent` counts what `write` wrote. */
export async function hostileServer(
  handler: (request: http.IncomingMessage, response: http.ServerResponse, write: (chunk: Buffer) => boolean) => void,
): Promise<HostileServer> {
  let sent = 0;
  let requests = 0;
  let closed!: () => void;
  const closedByClient = new Promise<void>((resolve) => (closed = resolve));
  const server = http.createServer((request, response) => {
    requests++;
    response.on('close', () => {
      if (!response.writableFinished) closed();
    });
    handler(request, response, (chunk) => {
      sent += chunk.byteLength;
      return response.write(chunk);
    });
  });
  return listen(server, () => sent, () => requests, closedByClient);
}

/** A body of `CHUNK`s written as fast as the client reads them, until it stops reading. */
export function endless(response: http.ServerResponse, write: (chunk: Buffer) => boolean, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  const pump = () => {
    while (!response.destroyed && write(CHUNK));
  };
  response.on('drain', pump);
  pump();
}

/** Raw HTTP over a socket: `Content-Length: declared`, then an endless body, which Node's server would not send. */
export async function lyingLengthServer(declared: number): Promise<HostileServer> {
  let sent = 0;
  let requests = 0;
  let closed!: () => void;
  const closedByClient = new Promise<void>((resolve) => (closed = resolve));
  const server = net.createServer((socket) => {
    requests++;
    socket.once('data', () => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${declared}\r\n\r\n`);
      const pump = () => {
        while (!socket.destroyed && socket.write(CHUNK)) sent += CHUNK.byteLength;
      };
      socket.on('drain', pump);
      pump();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => closed());
  });
  return listen(server, () => sent, () => requests, closedByClient);
}

async function listen(server: http.Server | net.Server, sent: () => number, requests: () => number, closedByClient: Promise<void>): Promise<HostileServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    requests,
    closedByClient,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The largest RSS seen while `work` runs, less the RSS before it, in MB. */
export async function rssGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / (1024 * 1024) };
  } finally {
    clearInterval(sampler);
  }
}
