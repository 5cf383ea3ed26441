import path from 'node:path';
import type { GraphModel, LayersModel, Tensor } from '@tensorflow/tfjs';
import type { Tf } from './backend.js';
import { fileSystemHandler } from './file-io-handler.js';
import type { ModelFormat } from '../repository/repository.js';
import type { Signature, TensorDType, TensorSpec } from '../runtime/signature.js';

/** A model loaded into this thread's tfjs, with one way to run it. */
export interface LoadedModel {
  /** As the model declares it; output shapes may still hold -1 (warm-up fills them in). */
  signature: Signature;
  /** Runs one batch; the caller disposes the returned tensors. */
  predict(x: Tensor): Tensor[];
}

/** Loads a layers or graph model from `<dir>/model.json` with the file-system IOHandler. */
export async function loadModel(tf: Tf, dir: string, format: ModelFormat): Promise<LoadedModel> {
  const handler = fileSystemHandler(path.join(dir, 'model.json'));
  return format === 'graph-model'
    ? fromGraph(tf, await tf.loadGraphModel(handler))
    : fromLayers(await tf.loadLayersModel(handler));
}

function fromLayers(model: LayersModel): LoadedModel {
  const spec = (name: string, shape: (number | null)[], dtype: string): TensorSpec => ({
    name,
    shape: shape.map((d) => d ?? -1),
    dtype: dtype as TensorDType,
  });
  return {
    signature: {
      inputs: model.inputs.map((t, i) => spec(model.inputNames[i] ?? t.name, t.shape, t.dtype)),
      outputs: model.outputs.map((t, i) => spec(model.outputNames[i] ?? t.name, t.shape, t.dtype)),
    },
    // predictOnBatch runs the whole batch at once; predict() would split it into chunks of 32.
    predict: (x) => asList(model.predictOnBatch(x)),
  };
}

function fromGraph(tf: Tf, model: GraphModel): LoadedModel {
  const spec = (t: { name: string; shape?: number[]; dtype: string }): TensorSpec => ({
    name: t.name,
    shape: t.shape ?? [],
    dtype: t.dtype as TensorDType,
  });
  return {
    signature: { inputs: model.inputs.map(spec), outputs: model.outputs.map(spec) },
    predict: (x) => {
      const out = model.predict(x);
      if (out instanceof tf.Tensor || Array.isArray(out)) return asList(out);
      // A named map: keep the model's output order.
      return model.outputNodes.map((name) => out[name]).filter((t): t is Tensor => t !== undefined);
    },
  };
}

function asList(out: Tensor | Tensor[]): Tensor[] {
  return Array.isArray(out) ? out : [out];
}
