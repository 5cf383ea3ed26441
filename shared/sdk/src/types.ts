/** The SDK's inputs, results and options. */
import type { HttpAgents } from './client-core.js';
import type { Encoding } from '@tensorhop/protocol';

/** One image: its URL (fetched by the downloader) or its encoded bytes (sent to the preprocessor). */
export type ImageInput = string | URL | Uint8Array | ArrayBuffer | Blob;

/** One keyed input of `pipe()`: `{key, input}` or a `[key, input]` pair (a Map's entries). */
export type PipeItem = { key: string; input: ImageInput } | readonly [string, ImageInput];

export interface ClassifyOk {
  ok: true;
  /** Labels, best first. */
  classes: string[];
  /** Their scores, same order. */
  scores: number[];
}

export interface ClassifyFailure {
  ok: false;
  /** A stable error code, e.g. `DOWNLOAD_HTTP_STATUS`. */
  code: string;
  message: string;
  /** The stage that failed the row: a service name, `gateway`, or `client` for this SDK's side. */
  stage: string;
}

export type ClassifyResult = ClassifyOk | ClassifyFailure;

/** A `pipe()` result: the input's key with its outcome. */
export type KeyedResult = ClassifyResult & { key: string };

/**
 * Who carries the bytes. `client`: the SDK calls downloader, preprocessor and model itself.
 * `hybrid`: the SDK sends URLs to the downloader with `next=[preprocessor, model]` (EXACT).
 * `server`: the SDK sends URLs to the downloader with `next=[preprocessor]` (DEFAULT), and the
 * preprocessor's own default successor (the model) runs; the chain picks the model and its top-k.
 */
export type Mode = 'client' | 'server' | 'hybrid';

/** Base URLs of the three stages, when they are not the gateway's pool routes. */
export interface Endpoints {
  downloader: string;
  preprocessor: string;
  model: string;
}

export interface RetryOptions {
  /** Attempts per chunk, the first included. @default 5 */
  attempts?: number;
  /** First backoff; doubles per attempt, with full jitter. @default 200 */
  baseDelayMs?: number;
  /** Longest backoff, and longest Retry-After honoured. @default 10000 */
  maxDelayMs?: number;
}

export interface ClassifyOptions {
  /** @default 'hybrid' */
  mode?: Mode;
  /** The gateway's base URL; stages are its `/v1/<stage>` routes. @default 'http://127.0.0.1:8080' */
  gateway?: string;
  /** Stage URLs that replace the gateway routes, e.g. to call services directly. */
  endpoints?: Partial<Endpoints>;
  /** Model name; not with mode `server`, where the chain picks. @default the service's default model */
  model?: string;
  /** Classes per row. @default the model's (5 for mnist) */
  topK?: number;
  /** Aborts every call in progress; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Extra headers on every call, e.g. an API key for the gateway. */
  headers?: Record<string, string>;
  /** Deadline of each HTTP call. @default 60000 */
  timeoutMs?: number;
  /** @default 'protobuf' */
  encoding?: Encoding;
  /** Node keep-alive agents (see `@tensorhop/sdk/node`); ignored in browsers. */
  agents?: HttpAgents;
  /** Retries of a chunk refused as overloaded or unavailable. */
  retry?: RetryOptions;
  /** Rows per request. @default 64 */
  batchSize?: number;
  /** Requests in flight. @default 4 */
  concurrency?: number;
}

export interface PipeOptions extends ClassifyOptions {
  /** Yield results in input order instead of as chunks complete. @default false */
  ordered?: boolean;
  /**
   * How long a started chunk waits for more items from a slow source before it is sent partly
   * filled. This is never an end of stream: only the source ending ends the pipe. @default 50
   */
  maxWaitMs?: number;
}
