/**
 * The tensorhop SDK (`@tensorhop/sdk`): `classify()` for labels, `pipe()` for streams of
 * inputs, `infer()` and `metadata()` for single calls. It runs in Node and in browsers: nothing on
 * this path imports Node modules (keep-alive agents for Node are in `@tensorhop/sdk/node`).
 */
export { classify } from './classify.js';
export { pipe } from './pipe.js';
export { infer, metadata, targetUrl, type Where } from './calls.js';
export { DEFAULT_GATEWAY, STAGES, isStage, stageUrl, type Stage } from './endpoints.js';
export { isRetryable } from './retry.js';
export type { InputCollection } from './inputs.js';
export type * from './types.js';
export {
  InferError,
  buildInferRequest,
  inferRaw,
  type CallOptions,
  type HttpAgents,
  type InferOptions,
  type RawReply,
} from './client-core.js';
// The wire types and tensor helpers, so an app needs one import.
export * from '@tensorhop/protocol';
export { preprocessConfig } from './preprocess-hint.js';
