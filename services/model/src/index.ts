/** @tensorhop/model core: model repository, runtime with dynamic batching, TF Serving REST logic. */
export { createModelRuntime } from './runtime/create-runtime.js';
export type { ModelRuntimeOptions } from './runtime/create-runtime.js';
export type { InferOptions, ModelRuntime, RuntimeStats } from './runtime/model-runtime.js';
export type { InferOutcome, ModelInfo, OutputTensor, RowFailure } from './runtime/model-info.js';
export { DEFAULT_REPOSITORY, loadRepository } from './repository/repository.js';
export type {
  ModelFormat,
  ModelRepository,
  RepositoryModel,
  RepositoryOptions,
  RepositoryVersion,
} from './repository/repository.js';
export { DEFAULT_BATCHING, parseModelConfig } from './repository/model-config.js';
export type { BatchingConfig, ModelConfig, TensorOverride } from './repository/model-config.js';
export type { RowData, Signature, TensorDType, TensorSpec } from './runtime/signature.js';
export { BACKEND_REQUESTS } from './tfjs/backend.js';
export type { BackendInfo, BackendName, BackendRequest } from './tfjs/backend.js';
export { badRequest, isTensorhopError, MODEL_ERROR_STATUS, TensorhopError } from './errors.js';
export type { ModelErrorCode, ModelErrorOptions } from './errors.js';
export { handleTfServing } from './tfserving/tfserving.js';
export type { TfServingReply } from './tfserving/reply.js';
export { mountTfServingRoutes } from './tfserving/routes.js';
export type { TfServingRouteOptions } from './tfserving/routes.js';
export { decodeB64Image, MAX_IMAGE_PIXELS } from './tfserving/decode-image.js';
export { fileSystemHandler, WEIGHTS_FILE } from './tfjs/file-io-handler.js';
export type { Logger } from './logger.js';
