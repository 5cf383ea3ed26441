/**
 * A real HTTP origin for the downloader tests, on a loopback address and port 0. Each route is a
 * handler that also receives how many times its path was hit, and the origin keeps the numbers
 * the tests assert on: hits per path, requests in progress at once, TCP connections accepted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { DownloaderOptions, DownloadResult } from '../src/core/index.js';

/** A route: answers the request; its return value is ignored (promises are awaited for errors). */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

export interface Origin {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly base: string;
  readonly port: number;
  url(path: string): string;
  hits(path: string): number;
  /** Most requests seen in progress at the same time. */
  readonly maxConcurrent: number;
  /** TCP connections accepted so far. */
  readonly connections: number;
  resetCounters(): void;
  close(): Promise<void>;
}

export async function startOrigin(routes: Record<string, Handler>, host = '127.0.0.1'): Promise<Origin> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  let current = 0;
  let maxConcurrent = 0;
  let connections = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    current += 1;
    maxConcurrent = Math.max(maxConcurrent, current);
    res.on('close', () => (current -= 1));
    const handler = routes[path] ?? prefixRoute(routes, path);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res, hit)).catch(() => res.destroy());
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    base,
    port,
    url: (path) => base + path,
    hits: (path) => hits.get(path) ?? 0,
    get maxConcurrent() {
      return maxConcurrent;
    },
    get connections() {
      return connections;
    },
    resetCounters: () => {
      hits.clear();
      maxConcurrent = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Routes ending in `*` match any path with that prefix. */
function prefixRoute(routes: Record<string, Handler>, path: string): Handler | undefined {
  const key = Object.keys(routes).find((route) => route.endsWith('*') && path.startsWith(route.slice(0, -1)));
  return key === undefined ? undefined : routes[key];
}

/** Serves fixed bytes with a content type. */
export function serve(bytes: Buffer | string, contentType: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(bytes) });
    res.end(bytes);
  };
}

/** Real images of one small picture, in the formats the tests need. */
export interface TestImages {
  png: Buffer;
  jpeg: Buffer;
  webp: Buffer;
  gif: Buffer;
  tiff: Buffer;
  avif: Buffer;
}

export async function makeImages(): Promise<TestImages> {
  const picture = sharp({
    create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 40, b: 90 } },
  });
  const [png, jpeg, webp, gif, tiff, avif] = await Promise.all([
    picture.clone().png().toBuffer(),
    picture.clone().jpeg().toBuffer(),
    picture.clone().webp().toBuffer(),
    picture.clone().gif().toBuffer(),
    picture.clone().tiff().toBuffer(),
    picture.clone().avif().toBuffer(),
  ]);
  return { png, jpeg, webp, gif, tiff, avif };
}

/** Resolves after `ms`, or at once when the response closes early (the client gave up). */
export function pause(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Small limits so every failure case settles in well under a second; loopback allowed. */
export const FAST: Partial<DownloaderOptions> = {
  allow: ['127.0.0.0/8'],
  timeoutMs: 2000,
  connectTimeoutMs: 500,
  backoffBaseMs: 10,
  backoffCapMs: 50,
};

/** The failure a download resolved with; fails the test when it succeeded. */
export function failed(result: DownloadResult): { code: string; message: string } {
  assert.equal(result.ok, false, 'expected a failure');
  return result as { code: string; message: string };
}
