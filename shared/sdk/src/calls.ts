/**
 * The lower-level calls, by stage name or URL: `infer` sends tensors to one stage (with any route),
 * `metadata` describes one. The protocol client's calls, with the gateway's routes resolved.
 */
import * as core from './client-core.js';
import type { InferResponse, Metadata, Tensor } from '@tensorhop/protocol';
import { isStage, stageUrl, type Stage } from './endpoints.js';
import type { Endpoints } from './types.js';

export interface Where {
  /** @default 'http://127.0.0.1:8080' */
  gateway?: string;
  endpoints?: Partial<Endpoints>;
}

/** A stage name resolved against the gateway (or `endpoints`); anything else is taken as a URL. */
export function targetUrl(target: Stage | string, where: Where = {}): string {
  return isStage(target) ? stageUrl(target, where) : target;
}

/**
 * Runs one infer call at `target` (`'downloader'`, `'preprocessor'`, `'model'`, or a URL).
 * @throws InferError for a request-level failure; TensorhopError (HOP_UNAVAILABLE, HOP_TIMEOUT) when unreachable
 */
export async function infer(
  target: Stage | string,
  inputs: Tensor[] | Record<string, Tensor>,
  options: core.InferOptions & Where = {},
): Promise<InferResponse> {
  const url = targetUrl(target, options);
  const reply = await core.inferRaw(url, core.buildInferRequest(inputs, options), options);
  if (reply.status < 200 || reply.status >= 300) throw new core.InferError(reply, url);
  return reply.response;
}

/** The metadata of `target` (a stage name or a URL). */
/** The metadata of `target` (a stage name or a URL); `config: {model}` asks a model service for that model. */
export function metadata(
  target: Stage | string,
  options: core.CallOptions & Where & { config?: string | Record<string, unknown> } = {},
): Promise<Metadata> {
  return core.metadataRaw(targetUrl(target, options), options);
}
