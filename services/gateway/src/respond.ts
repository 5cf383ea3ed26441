/**
 * The gateway's one place where failures become replies: a tensorhop InferResponse whose error
 * says why (stage `gateway`), with the code's status and Retry-After, in protobuf when the client
 * sent or asked for protobuf and in JSON otherwise.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_TYPES, encodeInferResponse, encodingOf, type Encoding } from '@tensorhop/protocol';
import { errorReply } from '@tensorhop/kit';
import { isOipPath, sendOipError } from './oip-routes.js';

export const STAGE = 'gateway';

/** Protobuf when the request body or its Accept header is protobuf, JSON otherwise. */
export function replyEncoding(req: IncomingMessage): Encoding {
  return encodingOf(req.headers['content-type']) ?? encodingOf(req.headers.accept) ?? 'json';
}

/** Sets headers given as a flat list (`name, value, name, value…`). */
export function setHeaders(res: ServerResponse, flat: readonly string[]): void {
  for (let i = 0; i < flat.length; i += 2) res.setHeader(flat[i] as string, flat[i + 1] as string);
}

/** Sends `error` as a tensorhop reply; a reply already under way is cut instead. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (isOipPath(req.url)) return sendOipError(res, error);
  const encoding = replyEncoding(req);
  const { status, reply, retryAfterSeconds } = errorReply(error, STAGE);
  const body = encodeInferResponse(reply, encoding);
  if (retryAfterSeconds !== undefined) {
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  }
  res.writeHead(status, {
    'content-type': CONTENT_TYPES[encoding],
    'content-length': String(body.byteLength),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Sends a small JSON document (health, readiness). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * After an early reply (401, 413, …) the rest of the request body is read and dropped so the reply
 * is not lost to a TCP reset while the client is still sending, for at most `ms`, then the
 * connection is closed.
 */
export function linger(req: IncomingMessage, ms = 2000): void {
  if (req.complete || req.destroyed) return;
  const timer = setTimeout(() => req.socket.destroy(), ms);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.resume();
}
