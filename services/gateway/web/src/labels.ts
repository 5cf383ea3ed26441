/** The labels of a model reply, by key: its `classes` (STRING [N,k]) and `scores` (FLOAT32 [N,k]). */
import { isStringTensor, numberAt, type InferResponse, type Tensor } from '@tensorhop/sdk';

/** One image's outcome: labels best first, or its error. */
export type RowResult =
  | { ok: true; classes: string[]; scores: number[] }
  | { ok: false; code: string; message: string; stage: string };

const decoder = new TextDecoder();

function output(reply: InferResponse, name: string): Tensor | undefined {
  const i = reply.outputNames.indexOf(name);
  return i < 0 ? undefined : reply.outputs[i];
}

/** Each output row's labels; a reply without labels fails its rows with words that say so. */
export function readLabels(reply: InferResponse): Map<string, RowResult> {
  const rows = new Map<string, RowResult>();
  const classes = output(reply, 'classes');
  const scores = output(reply, 'scores');
  if (!classes || !scores || !isStringTensor(classes) || isStringTensor(scores)) {
    const message = 'the model answered without classes and scores (a model without labels)';
    for (const key of reply.keys) rows.set(key, { ok: false, code: 'INFER_FAILED', message, stage: 'page' });
    return rows;
  }
  const k = classes.shape[1] ?? 1;
  reply.keys.forEach((key, row) => {
    const result = { ok: true as const, classes: [] as string[], scores: [] as number[] };
    for (let j = 0; j < k; j++) {
      result.classes.push(decoder.decode(classes.strings[row * k + j] ?? new Uint8Array(0)));
      result.scores.push(numberAt(scores, row * k + j));
    }
    rows.set(key, result);
  });
  return rows;
}
