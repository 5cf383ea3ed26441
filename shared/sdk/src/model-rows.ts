/** The labels of a model reply: its `classes` (STRING [N,k]) and `scores` (FLOAT32 [N,k]) by key. */
import { type InferResponse, isStringTensor, numberAt, type Tensor, utf8Decode } from '@tensorhop/protocol';
import type { ClassifyOk } from './types.js';

function output(reply: InferResponse, name: string): Tensor | undefined {
  const i = reply.outputNames.indexOf(name);
  return i < 0 ? undefined : reply.outputs[i];
}

/**
 * Each output row as `{classes, scores}`, cut to `topK` when the reply has more.
 * @throws Error when a reply with rows has no classes and scores (a model without labels).
 */
export function classifyRows(reply: InferResponse, topK?: number): Map<string, ClassifyOk> {
  const rows = new Map<string, ClassifyOk>();
  if (reply.keys.length === 0) return rows;
  const classes = output(reply, 'classes');
  const scores = output(reply, 'scores');
  if (!classes || !scores || !isStringTensor(classes) || isStringTensor(scores)) {
    throw new Error('the model gave no classes and scores (a model without labels: use infer())');
  }
  const k = classes.shape[1] ?? 1;
  const keep = Math.min(k, topK ?? k);
  reply.keys.forEach((key, row) => {
    const result: ClassifyOk = { ok: true, classes: [], scores: [] };
    for (let j = 0; j < keep; j++) {
      result.classes.push(utf8Decode(classes.strings[row * k + j] ?? new Uint8Array(0)));
      result.scores.push(numberAt(scores, row * k + j));
    }
    rows.set(key, result);
  });
  return rows;
}
