/**
 * The model service: tensors → predictions, with dynamic batching across requests, model instances
 * in worker threads, and TF Serving's REST API on the same port. It listens at once and turns
 * ready when every model is loaded and warmed up.
 */
import express from 'express';
import { TensorhopError } from '@tensorhop/protocol';
import { createLogger, createService, type Listening, type Service } from '@tensorhop/kit';
import { grpcPortOf, type ModelConfig } from './config.js';
import { createModelRuntime, mountTfServingRoutes, type ModelInfo, type ModelRuntime } from './index.js';
import { createModelStage } from './stage.js';
import { modelCatalog } from './oip/catalog.js';
import { withGrpc } from './oip/grpc-lifecycle.js';
import { createModelMetrics } from './metrics.js';

export { loadModelConfig, type ModelConfig } from './config.js';
export { DEFAULT_REPOSITORY } from './repository/repository.js';

/** e.g. `onnxruntime-cpu, 2×1 threads` or `wasm simd, 2×1 threads`. */
function describeRuntime(m: ModelInfo): string {
  return `${m.runtime.name}${m.runtime.detail && m.runtime.name === 'wasm' ? ` ${m.runtime.detail}` : ''}, ${m.instances}×${m.threads} threads`;
}

export interface ModelService extends Service {
  /** Resolves when every model is loaded and warm; rejects when loading failed. */
  loaded: Promise<ModelRuntime>;
  /** Listens on the HTTP port and on the gRPC port (`grpcPort`). */
  listen(): Promise<Listening & { grpcPort?: number }>;
}

export function createServer(config: ModelConfig, options: { crashValue?: number } = {}): ModelService {
  const log = createLogger('model', config.logLevel);
  let runtime: ModelRuntime | undefined;
  const metrics = createModelMetrics(() => runtime);
  const loaded = createModelRuntime({
    repository: config.repository,
    backend: config.backend,
    logger: log,
    ...(config.instances > 0 ? { instances: config.instances } : {}),
    onnx: {
      provider: config.onnxProvider,
      ...(config.onnxThreads > 0 ? { threads: config.onnxThreads } : {}),
    },
    ...(config.maxBatchSize > 0 ? { batching: { maxBatchSize: config.maxBatchSize } } : {}),
    ...(config.default ? { defaultModel: config.default } : {}),
    ...(config.models.length ? { only: config.models } : {}),
    drainTimeoutMs: config.drainTimeoutMs,
    ...(options.crashValue === undefined ? {} : { crashValue: options.crashValue }),
    onBatch: metrics.onBatch,
  });
  let failure: Error | undefined;
  loaded.then(
    (r) => {
      runtime = r;
      log.info(
        {
          backend: r.backend.name,
          skipped: r.backend.skipped,
          models: r.models().map((m) => `${m.name}:${m.version} (${describeRuntime(m)})`),
        },
        'models ready',
      );
    },
    (error: Error) => {
      failure = error;
      log.error({ err: error }, 'model repository failed to load');
    },
  );
  const current = (): ModelRuntime => {
    if (runtime) return runtime;
    throw new TensorhopError(
      'UNAVAILABLE',
      failure ? `models failed to load: ${failure.message}` : 'models are still loading',
      {
        retryAfterSeconds: 2,
      },
    );
  };

  const tfServing = express.Router();
  const catalog = modelCatalog(current);
  const service = createService({
    stage: createModelStage(current, () => runtime !== undefined && runtime.ready()),
    config,
    logger: log,
    oip: catalog,
    routes: (app) => {
      app.use('/v1/models', (_req, res, next) => {
        if (runtime) return next();
        res
          .status(503)
          .set('retry-after', '2')
          .json({
            error: failure ? `models failed to load: ${failure.message}` : 'models are still loading',
          });
      });
      app.use(tfServing);
    },
  });
  metrics.register(service.metrics.registry);
  void loaded.then(
    (r) => {
      metrics.loaded(r);
      mountTfServingRoutes(tfServing, { runtime: r, logger: log, trace: service.startTrace });
    },
    () => undefined,
  );

  const close = service.close;
  const model = Object.assign(service, {
    loaded,
    close: async () => {
      await close();
      await (await loaded.catch(() => undefined))?.close();
    },
  });
  const ready = async () => runtime !== undefined && runtime.ready() && !service.door.isDraining();
  return withGrpc(model, { catalog, ready }, config.host, grpcPortOf(config));
}
