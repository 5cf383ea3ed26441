/** A TensorFlow.js model (model.json) as an {@link EngineModel}, on the backend the request picks. */
import type { Tensor } from '@tensorflow/tfjs';
import type { ModelFormat } from '../repository/repository.js';
import type { EngineModel } from '../runtime/engine.js';
import type { RawTensor } from '../runtime/worker-protocol.js';
import { initBackend, type BackendName, type BackendRequest, type Tf } from './backend.js';
import { loadModel, type LoadedModel } from './load-model.js';

/**
 * Picks the backend in this thread and loads `<dir>/model.json`.
 * @throws when no backend of the request loads, or the model does not.
 */
export async function loadTfjsModel(
  request: BackendRequest | BackendName,
  dir: string,
  format: ModelFormat,
): Promise<EngineModel> {
  const { tf, info } = await initBackend(request);
  const model = await loadModel(tf, dir, format);
  return {
    runtime: info,
    signature: model.signature,
    run: (data, shape) =>
      run(tf, model, tf.tensor(data, shape, data instanceof Int32Array ? 'int32' : 'float32')),
  };
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
