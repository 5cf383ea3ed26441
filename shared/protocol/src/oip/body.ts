/**
 * The HTTP body of an OIP call: JSON alone, or (binary tensor data extension) a JSON header of
 * `Inference-Header-Content-Length` bytes followed by the tensors' binary parts in order.
 */
import { badRequest } from '../errors.js';
import { allocBytes, utf8Decode, utf8Encode } from '../utils/bytes.js';

/** The header naming the JSON part's length when binary parts follow it. */
export const INFERENCE_HEADER = 'inference-header-content-length';

export interface OipBody {
  json: unknown;
  /** What follows the JSON header (empty when there is no binary part). */
  binary: Uint8Array;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Decode(bytes));
  } catch {
    throw badRequest('the body is not valid JSON');
  }
}

/** Splits a body by the `Inference-Header-Content-Length` header value (absent: all JSON). */
export function parseOipBody(body: Uint8Array, headerLength: string | undefined): OipBody {
  if (headerLength === undefined || headerLength === '') {
    return { json: parseJson(body), binary: new Uint8Array(0) };
  }
  const n = Number(headerLength);
  if (!/^\d{1,15}$/.test(headerLength.trim()) || n > body.length) {
    throw badRequest(
      `Inference-Header-Content-Length ${JSON.stringify(headerLength)} does not fit a body of ${body.length} bytes`,
    );
  }
  return { json: parseJson(body.subarray(0, n)), binary: body.subarray(n) };
}

export interface BuiltBody {
  body: Uint8Array;
  contentType: string;
  /** Set when binary parts follow the JSON: the value of Inference-Header-Content-Length. */
  headerLength?: number;
}

/** A body of `json` and, when there are any, its binary parts after it. */
export function buildOipBody(json: unknown, parts: readonly Uint8Array[]): BuiltBody {
  const text = JSON.stringify(json);
  if (parts.length === 0) return { body: utf8Encode(text), contentType: 'application/json' };
  // Trailing spaces (still valid JSON) start the parts 8-byte aligned, so a reader can view them
  // as typed arrays without a copy.
  const unpadded = utf8Encode(text);
  const header = utf8Encode(text + ' '.repeat((8 - (unpadded.length % 8)) % 8));
  const total = parts.reduce((n, p) => n + p.length, header.length);
  const body = allocBytes(total);
  body.set(header, 0);
  let at = header.length;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { body, contentType: 'application/octet-stream', headerLength: header.length };
}
