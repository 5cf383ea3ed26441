import type { RuntimeInfo } from './engine.js';
import type { DynamicBatcher } from './dynamic-batcher.js';
import { badRequest, TensorhopError } from '../errors.js';
import type { InstancePool } from './instance-pool.js';
import type { InferOutcome, ModelInfo } from './model-info.js';
import type { InferOptions, ModelRuntime, RuntimeStats } from './model-runtime.js';
import { buildOutcome } from './outcome.js';
import { checkInput, type RowData } from './signature.js';

/** A loaded model version: what it is, its workers and its queue. */
export interface Entry {
  info: ModelInfo;
  pool: InstancePool;
  batcher: DynamicBatcher;
}

/** The {@link ModelRuntime} behind createModelRuntime. */
export class Runtime implements ModelRuntime {
  private readonly entries = new Map<string, Entry>();
  private readonly byName = new Map<string, ModelInfo[]>();
  private closing = false;

  constructor(
    readonly backend: RuntimeInfo,
    entries: Entry[],
    private readonly defaultModel: string | undefined,
    private readonly drainTimeoutMs: number,
  ) {
    for (const entry of entries) {
      this.entries.set(key(entry.info), entry);
      this.byName.set(entry.info.name, [...(this.byName.get(entry.info.name) ?? []), entry.info]);
    }
    for (const list of this.byName.values()) {
      list.sort((a, b) => b.version - a.version);
      for (const info of list) info.versions = list.map((i) => i.version);
    }
  }

  ready(): boolean {
    return !this.closing && [...this.entries.values()].every((e) => e.pool.live > 0);
  }

  models(): ModelInfo[] {
    return [...this.byName.keys()].sort().flatMap((name) => this.byName.get(name)!);
  }

  resolve(config: { model?: string | undefined; version?: number | string | undefined }): ModelInfo {
    const name = config.model ?? this.defaultModel;
    const known = [...this.byName.keys()].join(', ');
    if (name === undefined) throw badRequest(`no model named and no default model; name one of: ${known}`);
    const list = this.byName.get(name);
    if (!list) throw badRequest(`model '${name}' not found (models: ${known})`, 404);
    if (config.version === undefined || config.version === '') return list[0]!;
    const version =
      typeof config.version === 'number'
        ? config.version
        : /^\d+$/.test(config.version)
          ? Number(config.version)
          : NaN;
    if (!Number.isInteger(version) || version < 1)
      throw badRequest(`version must be a positive integer, got '${config.version}'`);
    const info = list.find((i) => i.version === version);
    if (!info)
      throw badRequest(
        `model '${name}' has no version ${version} (versions: ${list.map((i) => i.version).join(', ')})`,
        404,
      );
    return info;
  }

  async infer(
    model: ModelInfo,
    input: { data: RowData; shape: number[] },
    options: InferOptions = {},
  ): Promise<InferOutcome> {
    if (this.closing) throw new TensorhopError('UNAVAILABLE', 'model service is shutting down');
    const entry = this.entries.get(key(model));
    if (!entry) throw badRequest(`model '${model.name}' version ${model.version} is not loaded`, 404);
    const k = options.topK ?? entry.info.topK;
    if (!Number.isInteger(k) || k < 0) throw badRequest(`top_k must be an integer ≥ 0, got ${k}`);
    checkInput(entry.info.signature.inputs[0]!, input.data, input.shape);
    const result = await entry.batcher.submit(input.data, input.shape, options.signal);
    return buildOutcome(entry.info, input.shape[0]!, result, k);
  }

  stats(): RuntimeStats {
    const models = [...this.entries.values()].map((e) => ({
      name: e.info.name,
      version: e.info.version,
      ...e.batcher.stats,
      restarts: e.pool.restarts,
      instances: e.pool.size,
      liveInstances: e.pool.live,
    }));
    const sum = (field: Exclude<keyof RuntimeStats['models'][number], 'name' | 'version'>): number =>
      models.reduce((n, m) => n + m[field], 0);
    return {
      queueRows: sum('queueRows'),
      inflightRows: sum('inflightRows'),
      requests: sum('requests'),
      batches: sum('batches'),
      batchedRows: sum('batchedRows'),
      rejected: sum('rejected'),
      failedRows: sum('failedRows'),
      queueSeconds: sum('queueSeconds'),
      computeSeconds: sum('computeSeconds'),
      restarts: sum('restarts'),
      instances: sum('instances'),
      liveInstances: sum('liveInstances'),
      models,
    };
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const entries = [...this.entries.values()];
    const deadline = Date.now() + this.drainTimeoutMs;
    while (entries.some((e) => e.batcher.busyRows > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const stopped = new TensorhopError('UNAVAILABLE', 'model service is shutting down');
    for (const e of entries) e.batcher.rejectQueued(stopped);
    await Promise.all(entries.map((e) => e.pool.close()));
  }
}

function key(info: { name: string; version: number }): string {
  return `${info.name}:${info.version}`;
}
