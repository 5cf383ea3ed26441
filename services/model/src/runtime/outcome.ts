import type { BatchedResult } from './dynamic-batcher.js';
import type { InferOutcome, ModelInfo, OutputTensor, RowFailure } from './model-info.js';
import { topK } from './top-k.js';

/**
 * Turns the batcher's full-size result into an {@link InferOutcome}: failed rows listed and
 * left out of the outputs, outputs named, and top-k classes from the first output when `k` > 0.
 */
export function buildOutcome(model: ModelInfo, rows: number, result: BatchedResult, k: number): InferOutcome {
  const failed = new Uint8Array(rows);
  const failures: RowFailure[] = [];
  for (const f of result.failures) {
    for (let row = f.start; row < f.start + f.count; row++) {
      failed[row] = 1;
      failures.push({ row, code: 'INFER_FAILED', message: f.error.message });
    }
  }
  failures.sort((a, b) => a.row - b.row);
  const kept: number[] = [];
  for (let row = 0; row < rows; row++) if (!failed[row]) kept.push(row);
  const outputs = model.signature.outputs.map((spec, i): OutputTensor => {
    const full = result.outputs?.[i];
    if (!full) {
      const shape = [0, ...spec.shape.slice(1).map((d) => Math.max(d, 0))];
      return { name: spec.name, dtype: spec.dtype, shape, data: new Float32Array(0) };
    }
    const data = kept.length === rows ? full.data : pick(full.data, rows, kept);
    return { name: spec.name, dtype: full.dtype, shape: [kept.length, ...full.shape.slice(1)], data };
  });
  const outcome: InferOutcome = { rows: kept, outputs, k: 0, failures };
  const first = outputs[0];
  if (k > 0 && first && first.data instanceof Float32Array && first.shape.length === 2) {
    const best = topK(first.data, first.shape[1]!, k, model.labels);
    Object.assign(outcome, { classes: best.classes, scores: best.scores, k: best.k });
  }
  return outcome;
}

function pick<T extends Float32Array | Int32Array | Uint8Array>(data: T, rows: number, kept: number[]): T {
  const size = data.length / rows;
  const out = new (data.constructor as new (n: number) => T)(kept.length * size);
  kept.forEach((row, i) => out.set(data.subarray(row * size, (row + 1) * size), i * size));
  return out;
}
