import {
  createJob,
  gatherBatch,
  scatterOutputs,
  type BatchedResult,
  type Job,
  type Segment,
} from './batch-job.js';
import { TensorhopError } from '../errors.js';
import type { BatchingConfig } from '../repository/model-config.js';
import type { InputDType, RowData } from './signature.js';
import type { RawTensor } from './worker-protocol.js';

export type { BatchedResult, FailedRows } from './batch-job.js';

/** Where batches go; {@link InstancePool} is one. */
export interface BatchRunner {
  /** Live instances running nothing. */
  idleCount(): number;
  readonly live: number;
  /** Subscribes to "an instance may have become free". */
  onIdle(listener: () => void): void;
  run(data: RowData, shape: number[]): Promise<RawTensor[]>;
}

/** Counters for metrics. */
export interface BatcherStats {
  queueRows: number;
  inflightRows: number;
  requests: number;
  batches: number;
  batchedRows: number;
  rejected: number;
  failedRows: number;
  /** Seconds rows waited between being queued and their batch leaving, summed over rows. */
  queueSeconds: number;
  /** Seconds batches took on an instance (hand-off included), summed over batches. */
  computeSeconds: number;
}

/** Told of every batch that ran (or failed), with its rows. */
export type BatchObserver = (rows: number) => void;

/**
 * Dynamic batching for one model version, with Triton's knobs. Rows of concurrent requests
 * share a batch; a request larger than `maxBatchSize` spans batches; results are written back
 * at each row's own index, so every request gets its rows in order. Batches go only to an idle
 * instance, so under load the queue itself forms large batches. With an instance idle, a
 * partial batch leaves when it is full, when an event-loop turn brings no more rows (see
 * wait()), or when its oldest row has waited `maxQueueDelayMs`, whichever comes first.
 */
export class DynamicBatcher {
  readonly stats: BatcherStats = {
    queueRows: 0,
    inflightRows: 0,
    requests: 0,
    batches: 0,
    batchedRows: 0,
    rejected: 0,
    failedRows: 0,
    queueSeconds: 0,
    computeSeconds: 0,
  };
  private readonly queue: Job[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Requests submitted so far, and whether the last event-loop turn brought none (see wait()). */
  private arrivals = 0;
  private watching = false;
  private quiet = false;
  /** Moving average of batch time, for Retry-After. */
  private batchMs = 10;

  constructor(
    private readonly config: BatchingConfig,
    private readonly runner: BatchRunner,
    private readonly dtype: InputDType,
    private readonly observe: BatchObserver = () => undefined,
  ) {
    runner.onIdle(() => this.pump());
  }

  /**
   * Queues the rows of `data` (shape `[n, ...rowShape]`, already checked against the signature).
   * @throws PAYLOAD_TOO_LARGE when n exceeds `maxQueueRows`; OVERLOADED when the queue is full.
   */
  submit(data: RowData, shape: number[], signal?: AbortSignal): Promise<BatchedResult> {
    const rows = shape[0] ?? 0;
    if (rows > this.config.maxQueueRows) {
      throw new TensorhopError(
        'PAYLOAD_TOO_LARGE',
        `request has ${rows} rows; this model queues at most ${this.config.maxQueueRows} (max_queue_rows)`,
      );
    }
    if (this.stats.queueRows + rows > this.config.maxQueueRows) {
      this.stats.rejected++;
      throw new TensorhopError('OVERLOADED', `model queue is full (${this.stats.queueRows} rows waiting)`, {
        retryAfterSeconds: this.retryAfterSeconds(),
      });
    }
    signal?.throwIfAborted();
    this.stats.requests++;
    if (rows === 0) return Promise.resolve({ outputs: undefined, failures: [] });
    return new Promise((resolve, reject) => {
      const job = createJob(data, shape, { resolve, reject });
      this.queue.push(job);
      this.arrivals++;
      this.stats.queueRows += rows;
      signal?.addEventListener('abort', () => this.abort(job, signal.reason), { once: true });
      this.pump();
    });
  }

  /** Dispatches what can go now; called on submit, on timers and whenever an instance frees up. */
  pump(): void {
    let idle: number;
    while (this.stats.queueRows > 0 && (idle = this.runner.idleCount()) > 0) {
      const waited = performance.now() - this.queue[0]!.at;
      const full = this.stats.queueRows >= this.config.maxBatchSize;
      if (!full && !this.quiet && waited < this.config.maxQueueDelayMs) {
        this.wait(this.config.maxQueueDelayMs - waited);
        return;
      }
      // Share the queue among the idle instances rather than hand it all to one while the
      // others wait: with 16 rows and 2 idle instances, two batches of 8 run side by side.
      void this.dispatch(
        this.take(Math.min(this.config.maxBatchSize, Math.ceil(this.stats.queueRows / idle))),
      );
    }
    if (this.stats.queueRows === 0) this.quiet = false;
  }

  /**
   * Waits for more rows while an instance is idle: at most until the oldest row has waited
   * max_queue_delay_ms, but only while rows keep coming. A turn of the event loop in which
   * nothing arrived means the burst of concurrent requests is all here (requests that arrive
   * together are read in the same poll phase), and waiting longer would only leave the idle
   * instance idle.
   */
  private wait(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
    if (this.watching) return;
    this.watching = true;
    const seen = this.arrivals;
    setImmediate(() => {
      this.watching = false;
      if (this.arrivals === seen) this.quiet = true;
      this.pump();
    });
  }

  /** Fails every queued request (shutdown); batches already running finish. */
  rejectQueued(error: Error): void {
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) this.finish(job, error);
    this.stats.queueRows = 0;
  }

  /** Rows still queued or running. */
  get busyRows(): number {
    return this.stats.queueRows + this.stats.inflightRows;
  }

  /** Rough seconds until the queue drains, at least 1. */
  retryAfterSeconds(): number {
    const batches = Math.ceil(this.stats.queueRows / this.config.maxBatchSize);
    return Math.max(1, Math.ceil((batches * this.batchMs) / Math.max(1, this.runner.live) / 1000));
  }

  /** Takes up to `limit` rows off the head of the queue; rows of another shape wait. */
  private take(limit: number): Segment[] {
    const segments: Segment[] = [];
    const now = performance.now();
    let rows = 0;
    while (this.queue.length > 0 && rows < limit) {
      const job = this.queue[0]!;
      if (segments.length > 0 && job.rowShape.join() !== segments[0]!.job.rowShape.join()) break;
      const count = Math.min(job.rows - job.next, limit - rows);
      segments.push({ job, start: job.next, count, offset: rows });
      this.stats.queueSeconds += (count * (now - job.at)) / 1000;
      job.next += count;
      rows += count;
      if (job.next === job.rows) this.queue.shift();
    }
    this.stats.queueRows -= rows;
    return segments;
  }

  private async dispatch(segments: Segment[]): Promise<void> {
    const rows = segments.reduce((n, s) => n + s.count, 0);
    const batch = gatherBatch(segments, this.dtype);
    this.stats.batches++;
    this.stats.batchedRows += rows;
    this.stats.inflightRows += rows;
    const started = performance.now();
    const ran = (): void => {
      this.stats.computeSeconds += (performance.now() - started) / 1000;
      this.observe(rows);
    };
    try {
      const outputs = await this.runner.run(batch, [rows, ...segments[0]!.job.rowShape]);
      ran();
      this.batchMs = 0.8 * this.batchMs + 0.2 * (performance.now() - started);
      this.stats.inflightRows -= rows;
      for (const s of segments) {
        if (s.job.done) continue; // aborted meanwhile
        scatterOutputs(s, outputs);
        this.settle(s.job, s.count);
      }
    } catch (error) {
      ran();
      this.stats.inflightRows -= rows;
      this.stats.failedRows += rows;
      const failure =
        error instanceof TensorhopError ? error : new TensorhopError('INFER_FAILED', String(error));
      for (const s of segments) {
        s.job.result.failures.push({ start: s.start, count: s.count, error: failure });
        this.settle(s.job, s.count);
      }
    }
  }

  private settle(job: Job, rows: number): void {
    job.open -= rows;
    if (job.open === 0) this.finish(job);
  }

  private abort(job: Job, reason: unknown): void {
    const index = this.queue.indexOf(job);
    if (index >= 0) {
      this.queue.splice(index, 1);
      this.stats.queueRows -= job.rows - job.next;
    }
    this.finish(job, reason);
  }

  private finish(job: Job, error?: unknown): void {
    if (job.done) return;
    job.done = true;
    if (error === undefined) job.resolve(job.result);
    else job.reject(error);
  }
}
