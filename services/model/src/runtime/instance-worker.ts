/**
 * Entry point of one model instance (a worker thread): picks the backend, loads the model,
 * runs a warm-up prediction, then runs batches one at a time. Input and output buffers are
 * transferred, never copied through JS arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Tensor } from '@tensorflow/tfjs';
import { initBackend, type Tf } from '../tfjs/backend.js';
import { loadModel, type LoadedModel } from '../tfjs/load-model.js';
import { mergeSignature, type Signature, type TensorDType } from './signature.js';
import type { InferMessage, RawTensor, WorkerInit, WorkerMessage } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer);

async function main(): Promise<void> {
  const started = performance.now();
  const { tf, info } = await initBackend(init.backend);
  if (init.probe) {
    // Nothing else keeps the thread alive, so it ends once this message is out.
    post({ type: 'ready', backend: info, signature: undefined, loadMs: 0, warmupMs: 0 });
    return;
  }
  const model = await loadModel(tf, init.dir, init.format);
  const signature = mergeSignature(model.signature, init.config);
  const loaded = performance.now();
  await warmUp(tf, model, signature);
  post({
    type: 'ready',
    backend: info,
    signature,
    loadMs: loaded - started,
    warmupMs: performance.now() - loaded,
  });
  serve(tf, model);
}

main().catch((error: unknown) => {
  post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
});

function serve(tf: Tf, model: LoadedModel): void {
  // One batch at a time: the runtime only sends to idle instances, the chain is a safety net.
  let chain = Promise.resolve();
  port.on('message', (message: InferMessage) => {
    chain = chain.then(() => runBatch(tf, model, message));
  });
}

async function runBatch(tf: Tf, model: LoadedModel, message: InferMessage): Promise<void> {
  const started = performance.now();
  try {
    const data =
      message.dtype === 'int32' ? new Int32Array(message.buffer) : new Float32Array(message.buffer);
    if (init.crashValue !== undefined && data[0] === init.crashValue) process.exit(70);
    const outputs = await run(tf, model, tf.tensor(data, message.shape, message.dtype));
    post(
      { type: 'result', id: message.id, outputs, ms: performance.now() - started },
      outputs.map((o) => o.buffer),
    );
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    // A wasm trap (WebAssembly.RuntimeError: out of memory, abort) leaves the module's heap
    // unusable: end this thread so the pool starts a fresh instance instead of failing every
    // later batch.
    if (error instanceof Error && error.name === 'RuntimeError') process.exit(71);
  }
}

/** Predicts and copies every output out of the backend into its own transferable buffer. */
async function run(tf: Tf, model: LoadedModel, x: Tensor): Promise<RawTensor[]> {
  let outputs: Tensor[] = [];
  try {
    outputs = model.predict(x);
    return await Promise.all(
      outputs.map(async (t) => {
        // slice(): the cpu backend may hand out its own storage, which must not be detached.
        const data = (await t.data()).slice();
        return { dtype: t.dtype, shape: t.shape, buffer: data.buffer as ArrayBuffer };
      }),
    );
  } finally {
    tf.dispose([x, ...outputs]);
  }
}

/**
 * Predicts one row of zeros so the first real batch does not pay for kernel set-up, and reads
 * the output shapes off the result. An input with open dimensions besides the batch has no
 * one right warm-up size, so it is left cold.
 */
async function warmUp(tf: Tf, model: LoadedModel, signature: Signature): Promise<void> {
  const input = signature.inputs[0]!;
  if (input.shape.slice(1).includes(-1)) return;
  const x = tf.zeros([1, ...input.shape.slice(1)], input.dtype === 'int32' ? 'int32' : 'float32');
  const outputs = await run(tf, model, x);
  signature.outputs = signature.outputs.map((spec, i) => ({
    ...spec,
    dtype: (outputs[i]?.dtype ?? spec.dtype) as TensorDType,
    shape: [-1, ...(outputs[i]?.shape.slice(1) ?? spec.shape.slice(1))],
  }));
}
