/**
 * The one place where errors become replies: an InferResponse in the request's encoding, with the
 * code's HTTP status and Retry-After when the error has one. Unknown errors are INTERNAL, without
 * their message or stack on the wire. Written with Node's own response API (an Express response is
 * one too), so the kit's `POST /` path needs no Express on the way.
 */
import type { OutgoingMessage, ServerResponse } from 'node:http';
import {
  toTensorhopError,
  emptyResponse,
  type InferResponse,
  CONTENT_TYPES,
  encodeInferResponseParts,
  encodeResponseHead,
  type RowError,
  type StageTiming,
  type Encoding,
} from '@tensorhop/protocol';

/** The Content-Type values Express's `res.type()` set before, charset included, so replies stay byte-identical. */
const REPLY_TYPES: Record<Encoding, string> = {
  protobuf: CONTENT_TYPES.protobuf,
  json: `${CONTENT_TYPES.json}; charset=utf-8`,
};

export function sendReply(
  res: ServerResponse,
  status: number,
  reply: InferResponse,
  encoding: Encoding,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined)
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  res.statusCode = status;
  res.setHeader('content-type', REPLY_TYPES[encoding]);
  endWithParts(res, encodeInferResponseParts(reply, encoding));
}

/**
 * Sends `parts` as the whole body, in one write of the socket where it can (a request or a
 * response): an encoded message whose tensor data stayed in the caller's arrays goes out without
 * being gathered into a new buffer first.
 */
export function endWithParts(out: OutgoingMessage, parts: readonly Uint8Array[]): void {
  out.setHeader(
    'content-length',
    parts.reduce((n, part) => n + part.byteLength, 0),
  );
  if (parts.length === 1) {
    out.end(parts[0]);
    return;
  }
  out.cork();
  for (const part of parts) out.write(part);
  out.uncork();
  out.end();
}

/** The InferResponse and status for a request-level failure. */
export function errorReply(
  error: unknown,
  stage: string,
): { status: number; reply: InferResponse; retryAfterSeconds?: number } {
  const e = toTensorhopError(error);
  const reply = emptyResponse();
  reply.errors.push({ key: '', code: e.code, message: e.message, stage: e.stage ?? stage });
  return {
    status: e.status,
    reply,
    ...(e.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: e.retryAfterSeconds }),
  };
}

/** Sends an encoded message (metadata) with its encoding's Content-Type. */
export function sendEncoded(res: ServerResponse, status: number, body: Uint8Array, encoding: Encoding): void {
  res.statusCode = status;
  res.setHeader('content-type', REPLY_TYPES[encoding]);
  res.end(body);
}

export function sendError(res: ServerResponse, error: unknown, stage: string, encoding: Encoding): void {
  const { status, reply, retryAfterSeconds } = errorReply(error, stage);
  sendReply(res, status, reply, encoding, retryAfterSeconds);
}

/**
 * Sends a next hop's protobuf reply as it came, led by this stage's own errors and timing: the
 * downstream tensors are neither decoded into new buffers nor encoded again.
 */
export function sendSpliced(
  res: ServerResponse,
  outcome: { status: number; retryAfterSeconds?: number },
  parts: { errors: RowError[]; timing: StageTiming; bytes: Uint8Array },
): void {
  const head = encodeResponseHead(parts.errors, [parts.timing]);
  if (outcome.retryAfterSeconds !== undefined)
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(outcome.retryAfterSeconds))));
  res.statusCode = outcome.status;
  res.setHeader('content-type', REPLY_TYPES.protobuf);
  res.setHeader('content-length', head.byteLength + parts.bytes.byteLength);
  res.write(head);
  res.end(parts.bytes);
}
