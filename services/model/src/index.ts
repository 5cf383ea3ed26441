/** @tensorhop/model core: model repository, runtime with dynamic batching, TF Serving REST logic. */
export { createModelRuntime } from './model-runtime.js';
export type { InferOptions, ModelRuntime, ModelRuntimeOptions, RuntimeStats } from './model-runtime.js';
export type { InferOutcome, ModelInfo, OutputTensor, RowFailure } from './model-info.js';
export { DEFAULT_REPOSITORY, loadRepository } from './repository.js';
export type {
  ModelFormat,
  ModelRepository,
  RepositoryModel,
  RepositoryOptions,
  RepositoryVersion,
} from './repository.js';
export { DEFAULT_BATCHING, parseModelConfig } from './model-config.js';
export type { BatchingConfig, ModelConfig, TensorOverride } from './model-config.js';
export type { RowData, Signature, TensorDType, TensorSpec } from './signature.js';
export { BACKEND_REQUESTS } from './backend.js';
export type { BackendInfo, BackendName, BackendRequest } from './backend.js';
export { badRequest, isTensorhopError, MODEL_ERROR_STATUS, TensorhopError } from './errors.js';
export type { ModelErrorCode, ModelErrorOptions } from './errors.js';
export { handleTfServing } from './tfserving.js';
export type { TfServingReply } from './tfserving.js';
export { mountTfServingRoutes } from './tfserving-routes.js';
export type { TfServingRouteOptions } from './tfserving-routes.js';
export { decodeB64Image, MAX_IMAGE_PIXELS } from './decode-image.js';
export { fileSystemHandler, WEIGHTS_FILE } from './file-io-handler.js';
export { benchCeiling, benchClients } from './bench.js';
export type { BenchOptions, CeilingRow, ClientsRow } from './bench.js';
export type { Logger } from './logger.js';
