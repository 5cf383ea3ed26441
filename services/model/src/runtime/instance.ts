import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TensorhopError } from '../errors.js';
import type { InferMessage, RawTensor, WorkerInit, WorkerMessage } from './worker-protocol.js';
import { dtypeOf, type RowData } from './signature.js';

/** What a worker reports once its model is loaded and warm. */
export type ReadyReport = Extract<WorkerMessage, { type: 'ready' }>;

interface Pending {
  resolve: (outputs: RawTensor[]) => void;
  reject: (error: Error) => void;
}

/**
 * One model instance: a worker thread and the batches it is running. When the thread dies,
 * every batch it held fails with INFER_FAILED and `onExit` tells the pool to replace it.
 */
export class Instance {
  state: 'starting' | 'live' | 'dead' = 'starting';
  /** Rows sent and not yet answered. */
  inflightRows = 0;
  /** Resolves when the model is loaded and warmed up; rejects when loading fails. */
  readonly ready: Promise<ReadyReport>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending & { rows: number }>();
  private nextId = 0;
  private lastError = '';

  constructor(init: WorkerInit, onExit: (instance: Instance, reason: string) => void = () => undefined) {
    this.worker = spawnWorker(init);
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          this.state = 'live';
          resolve(message);
        } else if (message.type === 'load-failed') {
          this.lastError = message.message;
          reject(new Error(message.message));
        } else {
          this.settle(message);
        }
      });
      this.worker.on('error', (error) => {
        this.lastError = error.message;
      });
      this.worker.on('exit', (code) => {
        const reason = `model instance exited (code ${code})${this.lastError ? `: ${this.lastError}` : ''}`;
        this.state = 'dead';
        reject(new Error(reason));
        this.failAll(reason);
        onExit(this, reason);
      });
    });
    this.ready.catch(() => undefined); // the owner awaits it; an unobserved rejection must not crash
  }

  /** Runs one batch; `data`'s buffer is transferred to the worker (the caller must not reuse it). */
  run(data: RowData, shape: number[]): Promise<RawTensor[]> {
    if (this.state !== 'live') return Promise.reject(inferFailed('model instance is not running'));
    const id = this.nextId++;
    const rows = shape[0] ?? 0;
    this.inflightRows += rows;
    const message: InferMessage = {
      id,
      dtype: dtypeOf(data),
      shape,
      buffer: data.buffer as ArrayBuffer,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, rows });
      this.worker.postMessage(message, [message.buffer]);
    });
  }

  /** Stops the thread; batches still running fail with INFER_FAILED. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(message: Extract<WorkerMessage, { type: 'result' | 'failed' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    this.inflightRows -= pending.rows;
    if (message.type === 'result') pending.resolve(message.outputs);
    else pending.reject(inferFailed(`inference failed: ${message.message}`));
  }

  private failAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(inferFailed(reason));
    this.pending.clear();
    this.inflightRows = 0;
  }
}

function inferFailed(message: string): TensorhopError {
  return new TensorhopError('INFER_FAILED', message);
}

/**
 * Starts instance-worker.js next to this module. Under tsx (tests, scripts) the sources are .ts
 * and a worker does not inherit the parent's loader hooks, so a tiny bootstrap registers tsx
 * in the new thread before importing the entry point.
 */
function spawnWorker(workerData: WorkerInit): Worker {
  const self = fileURLToPath(import.meta.url);
  const entry = new URL(`./instance-worker${self.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!self.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
