/**
 * At most `max` open connections per client IP. Past it, a new connection is answered 429
 * OVERLOADED with Retry-After and closed, its request never read: a client that opens hundreds of
 * sockets and trickles bytes into them (slowloris) holds at most `max` of the gateway's
 * connections, and everyone else's requests still get through.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import { TensorhopError, encodeInferResponse } from '@tensorhop/protocol';
import { errorReply } from '@tensorhop/kit';
import { STAGE } from './respond.js';

export interface ConnectionLimit {
  /** The socket was refused on arrival: a request the HTTP parser still reads from it is ignored. */
  isRefused(socket: Socket): boolean;
  /** Open connections of a client address now. */
  count(address: string): number;
}

/** Time a refused socket is given to take its 429 before it is destroyed. */
const REFUSED_LINGER_MS = 1000;

/** The 429 reply, written to the socket before the HTTP layer has read anything. */
function refusal(address: string, max: number): Buffer {
  const error = new TensorhopError(
    'OVERLOADED',
    `too many connections from ${address} (limit ${max}): reuse connections or wait`,
    { retryAfterSeconds: 1 },
  );
  const body = Buffer.from(encodeInferResponse(errorReply(error, STAGE).reply, 'json'));
  const head =
    'HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\nretry-after: 1\r\n' +
    `cache-control: no-store\r\nconnection: close\r\ncontent-length: ${body.byteLength}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

/** Counts connections per client address on `server`; `max` 0 turns the limit off, `exempt` addresses have none. */
export function limitConnections(
  server: http.Server,
  limits: { max: number; exempt: readonly string[] },
  onRefused: (address: string) => void,
): ConnectionLimit {
  const { max } = limits;
  const exempt = new Set(limits.exempt);
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  // Prepended, so the count is settled before the HTTP layer sets the socket up.
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
    if (max <= 0 || count <= max || exempt.has(address)) return;
    refused.add(socket);
    onRefused(address);
    socket.end(refusal(address, max));
    setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
  });
  return {
    isRefused: (socket) => refused.has(socket),
    count: (address) => open.get(address) ?? 0,
  };
}
