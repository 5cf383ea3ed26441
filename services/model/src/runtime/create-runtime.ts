/** Builds a {@link ModelRuntime} from a repository: backend probe, worker pools, batchers. */
import { availableParallelism } from 'node:os';
import type { Logger } from '../logger.js';
import type { BatchingConfig } from '../repository/model-config.js';
import { loadRepository, type RepositoryVersion } from '../repository/repository.js';
import type { BackendInfo, BackendRequest } from '../tfjs/backend.js';
import { DynamicBatcher } from './dynamic-batcher.js';
import { InstancePool } from './instance-pool.js';
import type { ModelInfo } from './model-info.js';
import type { ModelRuntime } from './model-runtime.js';
import { probeBackend } from './probe-backend.js';
import { Runtime, type Entry } from './runtime.js';

/** Options of {@link createModelRuntime}. */
export interface ModelRuntimeOptions {
  /** Model repository directory (`TENSORHOP_MODEL_REPOSITORY`). */
  repository: string;
  /** `TENSORHOP_MODEL_BACKEND`. @default 'auto' */
  backend?: BackendRequest;
  /** Instances per model version, over tensorhop.json. @default 1 on tfjs-node, else one per core */
  instances?: number;
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
  const backend = await probeBackend(options.backend ?? 'auto');
  log.info(
    { backend: backend.name, detail: backend.detail, skipped: backend.skipped },
    'model backend selected',
  );
  const versions = repo.models.flatMap((m) => m.versions);
  const started = await Promise.allSettled(versions.map((v) => startEntry(v, backend, options)));
  const entries = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(entries.map((e) => e.pool.close()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return new Runtime(backend, entries, defaultModel, options.drainTimeoutMs ?? 10_000);
}

async function startEntry(
  version: RepositoryVersion,
  backend: BackendInfo,
  options: ModelRuntimeOptions,
): Promise<Entry> {
  const native = backend.name.startsWith('tensorflow');
  const instances = options.instances ?? version.config.instances ?? (native ? 1 : availableParallelism());
  const pool = await InstancePool.start({
    version,
    backend: backend.name,
    instances,
    logger: options.logger,
    crashValue: options.crashValue,
  });
  const input = pool.signature.inputs[0]!;
  if (input.dtype !== 'float32' && input.dtype !== 'int32') {
    await pool.close();
    throw new Error(
      `model ${version.name} version ${version.version}: input dtype ${input.dtype} is not served`,
    );
  }
  const batching = { ...version.config.batching, ...options.batching };
  const batcher = new DynamicBatcher(batching, pool, input.dtype);
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
  };
  return { info, pool, batcher };
}
