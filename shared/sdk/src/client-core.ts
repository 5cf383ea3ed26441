/**
 * The raw layer of the SDK's calls (axios), free of Node-only imports so that it runs in browsers
 * too: `inferRaw` sends a ready-made InferRequest to a URL and returns the status and the decoded
 * reply whatever it is; `metadataRaw` reads a URL's metadata. The layers above, by stage name or
 * URL, are `infer`/`metadata` (calls.ts), then `classify`/`pipe`.
 *
 * Every call has a deadline; a call is retried once, and only when its connection failed before
 * anything was sent (refused, or a reused keep-alive socket that the server had closed).
 */
import axios, { type AxiosError, type AxiosResponse } from 'axios';
import {
  TensorhopError,
  isErrorCode,
  inferRequest,
  type Hop,
  type InferRequest,
  type InferResponse,
  type Metadata,
  type RouteMode,
  type Tensor,
  asBytes,
  deadline,
  parseRetryAfter,
  CONTENT_TYPES,
  decodeInferResponse,
  decodeMetadata,
  encodeInferRequest,
  encodeMetadataRequest,
  encodingOf,
  type Encoding,
} from '@tensorhop/protocol';

/** Node `http.Agent`/`https.Agent` instances for axios; ignored in browsers. */
export interface HttpAgents {
  http?: unknown;
  https?: unknown;
}

export interface CallOptions {
  /** Deadline of the whole call, retry included. @default 30000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Body encoding; the reply comes in the same one. @default 'protobuf' */
  encoding?: Encoding;
  /** Extra headers, e.g. an API key for the gateway. */
  headers?: Record<string, string>;
  /** Connection agents (Node). @default axios's: Node's global agent */
  agents?: HttpAgents;
}

export interface InferOptions extends CallOptions {
  /** This stage's options: JSON text or an object. */
  config?: string | Record<string, unknown>;
  /** One key per row; @default "0".."N-1" */
  keys?: string[];
  inputNames?: string[];
  outputNames?: string[];
  /** Hops to run after the target: names from its hop table, or full hops. */
  route?: { next?: (string | Hop)[]; mode?: RouteMode; hopsLeft?: number };
  traceId?: string;
}

export interface RawReply {
  status: number;
  response: InferResponse;
  retryAfterSeconds?: number;
}

/** A non-2xx reply: the code of its first error, with the whole decoded reply attached. */
export class InferError extends TensorhopError {
  /** The HTTP status of the reply (a hop's failure may travel with a status other than its code's). */
  readonly httpStatus: number;
  constructor(
    readonly reply: RawReply,
    target: string,
  ) {
    const first = reply.response.errors.find((e) => e.key === '') ?? reply.response.errors[0];
    const code = isErrorCode(first?.code) ? first.code : 'INTERNAL';
    super(code, `${target}: ${first?.message ?? `HTTP ${reply.status}`}`, {
      ...(reply.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: reply.retryAfterSeconds }),
      ...(first?.stage ? { stage: first.stage } : {}),
    });
    this.httpStatus = reply.status;
  }
}

function isRetryable(error: AxiosError): boolean {
  if (error.code === 'ECONNREFUSED') return true;
  const reused = (error.request as { reusedSocket?: boolean } | undefined)?.reusedSocket === true;
  return reused && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
}

/** A reply with its body as bytes (axios gives a Buffer in Node and an ArrayBuffer in browsers). */
type BytesResponse = AxiosResponse<unknown> & { body: Uint8Array };

async function post(url: string, body: Uint8Array, options: CallOptions): Promise<BytesResponse> {
  const encoding = options.encoding ?? 'protobuf';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limit = deadline(timeoutMs, options.signal);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await axios.post<unknown>(url, body, {
          headers: {
            'content-type': CONTENT_TYPES[encoding],
            accept: CONTENT_TYPES[encoding],
            ...options.headers,
          },
          responseType: 'arraybuffer',
          transformRequest: (d: unknown) => d,
          transformResponse: (d: unknown) => d,
          validateStatus: () => true,
          maxBodyLength: Infinity,
          maxContentLength: Infinity,
          maxRedirects: 0,
          decompress: false,
          ...(options.agents?.http ? { httpAgent: options.agents.http } : {}),
          ...(options.agents?.https ? { httpsAgent: options.agents.https } : {}),
          signal: limit.signal,
        });
        return Object.assign(res, { body: asBytes(res.data) });
      } catch (error) {
        const e = error as AxiosError;
        if (attempt === 0 && !limit.signal.aborted && isRetryable(e)) continue;
        if (limit.timedOut)
          throw new TensorhopError('HOP_TIMEOUT', `${url}: no reply within ${timeoutMs} ms`);
        if (options.signal?.aborted)
          throw new TensorhopError('HOP_TIMEOUT', `${url}: call aborted by the caller`);
        throw new TensorhopError('HOP_UNAVAILABLE', `${url}: ${e.code ?? e.message}`, { cause: e });
      }
    }
  } finally {
    limit.dispose();
  }
}

function replyEncoding(res: AxiosResponse, fallback: Encoding): Encoding {
  return encodingOf(String(res.headers['content-type'] ?? '')) ?? fallback;
}

/** The decoded error reply of a non-2xx answer, or HOP_UNAVAILABLE when its body is not one. */
function decodeReply(res: BytesResponse, target: string, encoding: Encoding): InferResponse {
  try {
    return decodeInferResponse(res.body, replyEncoding(res, encoding));
  } catch {
    throw new TensorhopError(
      'HOP_UNAVAILABLE',
      `${target}: HTTP ${res.status} with a body that is not a tensorhop reply`,
    );
  }
}

/** Sends a ready-made InferRequest and returns the status and the decoded reply, 2xx or not. */
export async function inferRaw(
  target: string,
  request: InferRequest,
  options: CallOptions = {},
): Promise<RawReply> {
  const encoding = options.encoding ?? 'protobuf';
  const res = await post(target, encodeInferRequest(request, encoding), options);
  const response = decodeReply(res, target, encoding);
  const retryAfter = parseRetryAfter(res.headers['retry-after'] as string | undefined);
  return {
    status: res.status,
    response,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

/** Builds the InferRequest that `infer` sends. */
export function buildInferRequest(
  inputs: Tensor[] | Record<string, Tensor>,
  options: InferOptions = {},
): InferRequest {
  const named = !Array.isArray(inputs);
  const tensors = named ? Object.values(inputs) : inputs;
  const route = options.route ?? {};
  return inferRequest({
    inputs: tensors,
    inputNames: options.inputNames ?? (named ? Object.keys(inputs) : []),
    outputNames: options.outputNames ?? [],
    keys: options.keys ?? [],
    config: typeof options.config === 'object' ? JSON.stringify(options.config) : (options.config ?? ''),
    route: {
      next: (route.next ?? []).map((h) => (typeof h === 'string' ? { target: h } : h)),
      mode: route.mode ?? 'DEFAULT',
      hopsLeft: route.hopsLeft ?? 0,
    },
    traceId: options.traceId ?? '',
  });
}

/** The metadata of the service at `target`. */
export async function metadataRaw(
  target: string,
  options: CallOptions & { config?: string | Record<string, unknown> } = {},
): Promise<Metadata> {
  const encoding = options.encoding ?? 'protobuf';
  const config = typeof options.config === 'object' ? JSON.stringify(options.config) : (options.config ?? '');
  const res = await post(target, encodeMetadataRequest(encoding, config), options);
  if (res.status < 200 || res.status >= 300) {
    throw new InferError({ status: res.status, response: decodeReply(res, target, encoding) }, target);
  }
  return decodeMetadata(res.body, replyEncoding(res, encoding));
}
