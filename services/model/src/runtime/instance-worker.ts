/**
 * Entry point of one model instance (a worker thread): loads the model with its engine
 * (TensorFlow.js or ONNX Runtime), runs a warm-up prediction, then runs batches one at a time.
 * Input and output buffers are transferred, never copied through JS arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineModel } from './engine.js';
import {
  inputArray,
  inputView,
  mergeSignature,
  type InputDType,
  type Signature,
  type TensorDType,
} from './signature.js';
import type { InferMessage, WorkerInit, WorkerMessage } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer);

async function main(): Promise<void> {
  const started = performance.now();
  if (init.probe) {
    const { initBackend } = await import('../tfjs/backend.js');
    const { info } = await initBackend(init.backend);
    // Nothing else keeps the thread alive, so it ends once this message is out.
    post({ type: 'ready', backend: info, signature: undefined, loadMs: 0, warmupMs: 0 });
    return;
  }
  const model = await load();
  const signature = mergeSignature(model.signature, init.config);
  const loaded = performance.now();
  await warmUp(model, signature);
  post({
    type: 'ready',
    backend: model.runtime,
    signature,
    loadMs: loaded - started,
    warmupMs: performance.now() - loaded,
  });
  serve(model);
}

/** Imports only the engine this model needs: an ONNX instance never loads TensorFlow.js. */
async function load(): Promise<EngineModel> {
  if (init.format === 'onnx') {
    const { loadOnnxModel } = await import('../onnx/engine.js');
    return loadOnnxModel(init.dir, init.onnx);
  }
  const { loadTfjsModel } = await import('../tfjs/engine.js');
  return loadTfjsModel(init.backend, init.dir, init.format);
}

main().catch((error: unknown) => {
  post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
});

function serve(model: EngineModel): void {
  // One batch at a time: the runtime only sends to idle instances, the chain is a safety net.
  let chain = Promise.resolve();
  port.on('message', (message: InferMessage) => {
    chain = chain.then(() => runBatch(model, message));
  });
}

async function runBatch(model: EngineModel, message: InferMessage): Promise<void> {
  const started = performance.now();
  try {
    const data = inputView(message.dtype, message.buffer);
    if (init.crashValue !== undefined && data[0] === init.crashValue) process.exit(70);
    const outputs = await model.run(data, message.shape);
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

/**
 * Predicts one row of zeros so the first real batch does not pay for kernel set-up, and reads
 * the output shapes off the result. An input with open dimensions besides the batch has no
 * one right warm-up size, so it is left cold.
 */
async function warmUp(model: EngineModel, signature: Signature): Promise<void> {
  const input = signature.inputs[0]!;
  const shape = [1, ...input.shape.slice(1)];
  if (shape.includes(-1)) return;
  const size = shape.reduce((n, d) => n * d, 1);
  const outputs = await model.run(inputArray(input.dtype as InputDType, size), shape);
  signature.outputs = signature.outputs.map((spec, i) => ({
    ...spec,
    dtype: (outputs[i]?.dtype ?? spec.dtype) as TensorDType,
    shape: [-1, ...(outputs[i]?.shape.slice(1) ?? spec.shape.slice(1))],
  }));
}
