/** Builds a {@link ModelRuntime} from a repository: backend probe, worker pools, batchers. */
import type { Logger } from '../logger.js';
import type { OnnxProvider } from '../onnx/options.js';
import type { BatchingConfig } from '../repository/model-config.js';
import { loadRepository, type RepositoryVersion } from '../repository/repository.js';
import type { BackendName, BackendRequest } from '../tfjs/backend.js';
import type { RuntimeInfo } from './engine.js';
import { DynamicBatcher } from './dynamic-batcher.js';
import { InstancePool } from './instance-pool.js';
import type { ModelInfo } from './model-info.js';
import type { ModelRuntime } from './model-runtime.js';
import { isInputDType } from './signature.js';
import { probeBackend } from './probe-backend.js';
import { placeModel } from './placement.js';
import { Runtime, type Entry } from './runtime.js';

/** Options of {@link createModelRuntime}. */
export interface ModelRuntimeOptions {
  /** Model repository directory (`TENSORHOP_MODEL_REPOSITORY`). */
  repository: string;
  /** TensorFlow.js backend (`TENSORHOP_MODEL_BACKEND`). @default 'auto' */
  backend?: BackendRequest;
  /** Instances per model version, over tensorhop.json. @default see {@link placeModel} */
  instances?: number;
  /** ONNX Runtime provider and intra-op threads per instance. @default auto, cores ÷ instances */
  onnx?: { provider?: OnnxProvider; threads?: number };
  /** Model for requests that name none (`TENSORHOP_MODEL_DEFAULT`). @default the only model */
  defaultModel?: string;
  logger: Logger;
  /** Load only these models. @default all */
  only?: readonly string[];
  /** Batching over every model's tensorhop.json (benchmarks). @default none */
  batching?: Partial<BatchingConfig>;
  /** How long close() lets queued and running rows finish. @default 10000 */
  drainTimeoutMs?: number;
  /** Test hook: a batch whose first value is this kills its worker mid-batch. @default none */
  crashValue?: number;
  /** Told of every batch each model version runs, with its rows (metrics). @default none */
  onBatch?: (model: { name: string; version: number }, rows: number) => void;
}

/**
 * Reads the repository, picks the backend and loads every model version into its worker
 * instances (each warmed up). Resolves when all are ready.
 * @throws when the repository is empty or invalid, the default model is unknown, or a model fails to load.
 */
export async function createModelRuntime(options: ModelRuntimeOptions): Promise<ModelRuntime> {
  const log = options.logger;
  const repo = await loadRepository(options.repository, {
    logger: log,
    ...(options.only ? { only: options.only } : {}),
  });
  if (repo.models.length === 0) throw new Error(`no models in repository ${repo.dir}`);
  const names = repo.models.map((m) => m.name);
  if (options.defaultModel !== undefined && !names.includes(options.defaultModel)) {
    throw new Error(
      `default model '${options.defaultModel}' is not in ${repo.dir} (models: ${names.join(', ')})`,
    );
  }
  const defaultModel = options.defaultModel ?? (names.length === 1 ? names[0] : undefined);
  const versions = repo.models.flatMap((m) => m.versions);
  // Only TensorFlow.js needs the probe; a repository of ONNX models never loads tfjs.
  const tfjs = versions.some((v) => v.format !== 'onnx')
    ? await probeBackend(options.backend ?? 'auto')
    : undefined;
  if (tfjs) {
    log.info({ backend: tfjs.name, detail: tfjs.detail, skipped: tfjs.skipped }, 'model backend selected');
  }
  const started = await Promise.allSettled(versions.map((v) => startEntry(v, tfjs?.name, options)));
  const entries = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(entries.map((e) => e.pool.close()));
    throw (failed as PromiseRejectedResult).reason;
  }
  const backend: RuntimeInfo = tfjs ?? entries[0]!.info.runtime;
  return new Runtime(backend, entries, defaultModel, options.drainTimeoutMs ?? 10_000);
}

async function startEntry(
  version: RepositoryVersion,
  tfjsBackend: BackendName | undefined,
  options: ModelRuntimeOptions,
): Promise<Entry> {
  const { instances, threads } = placeModel(version.format, tfjsBackend ?? '', {
    instances: options.instances,
    configInstances: version.config.instances,
    onnxThreads: options.onnx?.threads,
  });
  const pool = await InstancePool.start({
    version,
    // Probed whenever a model.json is served; an ONNX instance never reads it.
    backend: tfjsBackend ?? 'cpu',
    onnx: { provider: options.onnx?.provider ?? 'auto', threads },
    instances,
    logger: options.logger,
    crashValue: options.crashValue,
  });
  const input = pool.signature.inputs[0]!;
  if (!isInputDType(input.dtype)) {
    await pool.close();
    throw new Error(
      `model ${version.name} version ${version.version}: input dtype ${input.dtype} is not served`,
    );
  }
  const batching = { ...version.config.batching, ...options.batching };
  const { onBatch } = options;
  const model = { name: version.name, version: version.version };
  const batcher = new DynamicBatcher(
    batching,
    pool,
    input.dtype,
    onBatch && ((rows) => onBatch(model, rows)),
  );
  const info: ModelInfo = {
    name: version.name,
    version: version.version,
    versions: [],
    description: version.config.description,
    format: version.format,
    signature: pool.signature,
    labels: version.labels,
    preprocess: version.config.preprocess,
    batching,
    topK: version.labels ? version.config.topK : 0,
    instances,
    threads,
    runtime: pool.backend,
  };
  return { info, pool, batcher };
}
