import type { OnnxOptions } from '../onnx/options.js';
import type { BackendName } from '../tfjs/backend.js';
import type { RuntimeInfo } from './engine.js';
import { TensorhopError } from '../errors.js';
import { Instance, type ReadyReport } from './instance.js';
import { silentLogger, type Logger } from '../logger.js';
import type { RepositoryVersion } from '../repository/repository.js';
import type { RowData, Signature } from './signature.js';
import type { RawTensor, WorkerInit } from './worker-protocol.js';

/** Options of {@link InstancePool.start}. */
export interface PoolOptions {
  version: RepositoryVersion;
  /** The TensorFlow.js backend the probe found (model.json). */
  backend: BackendName;
  /** Provider and threads (model.onnx). */
  onnx: OnnxOptions;
  instances: number;
  /** @default silent */
  logger?: Logger;
  /** Test hook, see {@link WorkerInit.crashValue}. */
  crashValue?: number | undefined;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * The worker instances of one model version. Dispatch goes to the least busy live instance; a
 * dead instance's batches fail (INFER_FAILED, raised by {@link Instance}) and it is replaced,
 * with exponential back-off when replacements keep dying.
 */
export class InstancePool {
  readonly signature: Signature;
  /** What the first instance runs on (they all run on the same). */
  readonly backend: RuntimeInfo;
  /** Instances replaced after dying. */
  restarts = 0;
  private closing = false;
  private readonly crashes: number[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleListeners = new Set<() => void>();

  private constructor(
    private readonly options: PoolOptions,
    private readonly slots: Instance[],
    first: ReadyReport,
  ) {
    this.signature = first.signature!;
    this.backend = first.backend;
    this.crashes = slots.map(() => 0);
  }

  /**
   * Starts every instance and waits until all are loaded and warm.
   * @throws when any fails to load (the others are stopped).
   */
  static async start(options: PoolOptions): Promise<InstancePool> {
    const slots: Instance[] = [];
    let pool: InstancePool | undefined;
    const onExit = (instance: Instance, reason: string): void => pool?.replace(instance, reason);
    for (let i = 0; i < options.instances; i++) slots.push(new Instance(workerInit(options), onExit));
    try {
      const reports = await Promise.all(slots.map((s) => s.ready));
      pool = new InstancePool(options, slots, reports[0]!);
      const log = options.logger ?? silentLogger;
      const { name, version } = options.version;
      log.info(
        {
          model: name,
          version,
          instances: slots.length,
          // What runs it, and why a preferred runtime did not (e.g. CUDA without its library).
          runtime: reports[0]!.backend.name,
          detail: reports[0]!.backend.detail,
          skipped: reports[0]!.backend.skipped,
          loadMs: Math.round(reports[0]!.loadMs),
          warmupMs: Math.round(reports[0]!.warmupMs),
        },
        'model loaded',
      );
      return pool;
    } catch (error) {
      await Promise.all(slots.map((s) => s.terminate()));
      const { name, version } = options.version;
      throw new Error(`model ${name} version ${version}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Instances that can take a batch now or soon. */
  get live(): number {
    return this.slots.filter((s) => s.state === 'live').length;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Live instances running nothing. */
  idleCount(): number {
    return this.slots.filter((s) => s.state === 'live' && s.inflightRows === 0).length;
  }

  /** Calls `listener` whenever an instance may have become free (a batch ended, one came up). */
  onIdle(listener: () => void): void {
    this.idleListeners.add(listener);
  }

  /** Runs a batch on the least busy live instance; the data's buffer is transferred. */
  async run(data: RowData, shape: number[]): Promise<RawTensor[]> {
    let best: Instance | undefined;
    for (const s of this.slots) {
      if (s.state === 'live' && (!best || s.inflightRows < best.inflightRows)) best = s;
    }
    if (!best) throw new TensorhopError('INFER_FAILED', 'no model instance is running (restarting)');
    const slot = this.slots.indexOf(best);
    try {
      const outputs = await best.run(data, shape);
      this.crashes[slot] = 0;
      return outputs;
    } finally {
      this.emitIdle();
    }
  }

  /** Stops every instance. */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all(this.slots.map((s) => s.terminate()));
  }

  private emitIdle(): void {
    for (const listener of this.idleListeners) listener();
  }

  private replace(dead: Instance, reason: string): void {
    const slot = this.slots.indexOf(dead);
    if (this.closing || slot < 0) return;
    const crashes = this.crashes[slot]!;
    const delay = crashes === 0 ? 0 : Math.min(100 * 2 ** crashes, MAX_BACKOFF_MS);
    this.crashes[slot] = crashes + 1;
    this.restarts++;
    const { name, version } = this.options.version;
    (this.options.logger ?? silentLogger).error(
      { model: name, version, slot, reason, delayMs: delay },
      'model instance died; restarting',
    );
    // Not unref'd: queued requests are waiting for this instance, and close() clears it.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const fresh = new Instance(workerInit(this.options), (i, r) => this.replace(i, r));
      this.slots[slot] = fresh;
      fresh.ready.then(
        () => this.emitIdle(),
        () => undefined,
      );
    }, delay);
    this.timers.add(timer);
  }
}

function workerInit(options: PoolOptions): WorkerInit {
  const { version } = options;
  return {
    probe: false,
    backend: options.backend,
    onnx: options.onnx,
    dir: version.dir,
    format: version.format,
    config: { inputs: version.config.inputs, outputs: version.config.outputs },
    crashValue: options.crashValue,
  };
}
