/**
 * The kit's own caller for hops: protobuf over Node's http with keep-alive, a deadline on every
 * call, and one retry only when the request provably never reached the hop (connection refused,
 * or a reused keep-alive socket the hop had already closed before any reply). A hop's reply comes
 * back as its status, its decoded message and its bytes, so a stage can pass it on unchanged.
 */
import http from 'node:http';
import https from 'node:https';
import {
  CONTENT_TYPES,
  TensorhopError,
  decodeInferResponse,
  decodeMetadata,
  deadline,
  isErrorCode,
  encodeInferRequestParts,
  encodeMetadataRequest,
  parseRetryAfter,
  type InferRequest,
  type InferResponse,
  type Metadata,
} from '@tensorhop/protocol';
import { endWithParts } from './respond.js';

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 }),
};

export interface HopCallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Largest reply accepted. @default 2 GiB */
  maxReplyBytes?: number;
}

export interface HopReply {
  status: number;
  response: InferResponse;
  retryAfterSeconds?: number;
  /** The reply exactly as the hop sent it (protobuf). */
  bytes: Uint8Array;
}

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function once(
  url: URL,
  body: readonly Uint8Array[],
  options: HopCallOptions,
  signal: AbortSignal,
): Promise<Exchange> {
  const lib = url.protocol === 'https:' ? https : http;
  const limit = options.maxReplyBytes ?? 2 ** 31;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, {
      method: 'POST',
      agent: url.protocol === 'https:' ? agents.https : agents.http,
      headers: {
        'content-type': CONTENT_TYPES.protobuf,
        accept: CONTENT_TYPES.protobuf,
        ...options.headers,
      },
      signal,
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(Object.assign(error, { reused: req.reusedSocket })),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) req.destroy(new Error(`reply over ${limit} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, size) }),
      );
      res.on('error', reject);
    });
    endWithParts(req, body);
  });
}

const neverDelivered = (e: NodeJS.ErrnoException & { reused?: boolean }): boolean =>
  e.code === 'ECONNREFUSED' || (e.reused === true && (e.code === 'ECONNRESET' || e.code === 'EPIPE'));

async function post(target: string, body: readonly Uint8Array[], options: HopCallOptions): Promise<Exchange> {
  const url = new URL(target);
  const limit = deadline(options.timeoutMs, options.signal);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(url, body, options, limit.signal);
      } catch (error) {
        const e = error as NodeJS.ErrnoException & { reused?: boolean };
        if (attempt === 0 && !limit.signal.aborted && neverDelivered(e)) continue;
        if (limit.timedOut)
          throw new TensorhopError('HOP_TIMEOUT', `${target}: no reply within ${options.timeoutMs} ms`);
        if (options.signal?.aborted)
          throw new TensorhopError('HOP_TIMEOUT', `${target}: call aborted by the caller`);
        throw new TensorhopError('HOP_UNAVAILABLE', `${target}: ${e.code ?? e.message}`, { cause: e });
      }
    }
  } finally {
    limit.dispose();
  }
}

function decodeOrUnavailable<T>(target: string, res: Exchange, decode: (b: Uint8Array) => T): T {
  try {
    return decode(res.body);
  } catch {
    throw new TensorhopError(
      'HOP_UNAVAILABLE',
      `${target}: HTTP ${res.status} with a body that is not a tensorhop reply`,
    );
  }
}

/** Sends an InferRequest to a hop; any HTTP status comes back decoded (transport failures throw). */
export async function callHop(
  target: string,
  request: InferRequest,
  options: HopCallOptions,
): Promise<HopReply> {
  const res = await post(target, encodeInferRequestParts(request, 'protobuf'), options);
  const response = decodeOrUnavailable(target, res, (b) => decodeInferResponse(b, 'protobuf'));
  const retryAfter = parseRetryAfter(res.headers['retry-after']);
  return {
    status: res.status,
    response,
    bytes: res.body,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

/** The metadata of a hop. */
export async function hopMetadata(target: string, options: HopCallOptions, config = ''): Promise<Metadata> {
  const res = await post(target, [encodeMetadataRequest('protobuf', config)], options);
  if (res.status < 200 || res.status >= 300) {
    // The hop's own error (NOT_FOUND for a model it does not have, UNAVAILABLE while loading).
    const first = decodeOrUnavailable(target, res, (b) => decodeInferResponse(b, 'protobuf')).errors[0];
    const code = first && isErrorCode(first.code) ? first.code : 'HOP_UNAVAILABLE';
    throw new TensorhopError(
      code,
      `${target}: metadata answered HTTP ${res.status}: ${first?.message ?? ''}`,
    );
  }
  return decodeOrUnavailable(target, res, (b) => decodeMetadata(b, 'protobuf'));
}
