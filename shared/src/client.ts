/**
 * The protocol client for Node: client-core.ts with keep-alive agents, so that a stage forwarding
 * many requests to its next hop reuses connections. Browsers use client-core.ts directly.
 */
import http from 'node:http';
import https from 'node:https';
import * as core from './client-core.js';
import type { InferResponse, InferRequest, Metadata } from './messages.js';
import type { Tensor } from './tensor.js';

export {
  InferError,
  buildInferRequest,
  type CallOptions,
  type HttpAgents,
  type InferOptions,
  type RawReply,
} from './client-core.js';

/** The keep-alive agents every Node call uses unless its options name others. */
export const nodeAgents: core.HttpAgents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 1000 }),
};

const withAgents = <T extends core.CallOptions>(options: T): T => ({ agents: nodeAgents, ...options });

/** Sends a ready-made InferRequest and returns the status and the decoded reply, 2xx or not. */
export function inferRaw(
  target: string,
  request: InferRequest,
  options: core.CallOptions = {},
): Promise<core.RawReply> {
  return core.inferRaw(target, request, withAgents(options));
}

/**
 * Runs inference at `target` (a service URL). Resolves with the reply (row errors included);
 * rejects with an InferError for a request-level failure and a TensorhopError when unreachable.
 */
export function infer(
  target: string,
  inputs: Tensor[] | Record<string, Tensor>,
  options: core.InferOptions = {},
): Promise<InferResponse> {
  return core.infer(target, inputs, withAgents(options));
}

/** The metadata of the service at `target`. */
export function metadata(target: string, options: core.CallOptions = {}): Promise<Metadata> {
  return core.metadata(target, withAgents(options));
}
