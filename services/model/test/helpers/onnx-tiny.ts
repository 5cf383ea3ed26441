/**
 * A tiny ONNX classifier built by hand with the graph builder: `probabilities = softmax(x·W + b)`
 * over 4 inputs and 3 classes, plus `best = argmax` (int64 in the graph). The expected outputs
 * are computed here with plain arithmetic, independently of ONNX Runtime.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphBuilder } from '../../scripts/onnx-graph.js';

export const IN = 4;
export const CLASSES = 3;
/** Row-major [IN, CLASSES]. */
export const W = Float32Array.from([0.5, -1, 2, 1, 0, -0.5, -2, 1, 0.25, 0.75, 0.5, -1]);
export const B = Float32Array.from([0.1, -0.2, 0.3]);

/** Writes `<repo>/<name>/<version>/model.onnx` (+ labels.txt, tensorhop.json when given). */
export async function writeTinyOnnx(
  repo: string,
  name: string,
  version: number,
  options: { batch?: number | string; labels?: string[]; config?: object } = {},
): Promise<string> {
  const g = new GraphBuilder('tiny');
  const batch = options.batch ?? 'N';
  g.input('features', 'float32', [batch, IN]);
  const logits = g.node('Gemm', [
    'features',
    g.constant('W', W, [IN, CLASSES]),
    g.constant('B', B, [CLASSES]),
  ]);
  g.node('Softmax', [logits], { axis: { int: 1 } }, 'probabilities');
  g.node('ArgMax', [logits], { axis: { int: 1 }, keepdims: { int: 0 } }, 'best');
  g.output('probabilities', 'float32', [batch, CLASSES]);
  g.output('best', 'int64', [batch]);
  const dir = path.join(repo, name, String(version));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'model.onnx'), g.encode());
  if (options.labels) await writeFile(path.join(dir, 'labels.txt'), options.labels.join('\n') + '\n');
  if (options.config) await writeFile(path.join(dir, 'tensorhop.json'), JSON.stringify(options.config));
  return dir;
}

/** softmax(x·W + b) for each row of `x`, computed by hand. */
export function expectedProbabilities(x: Float32Array): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < x.length / IN; r++) {
    const logits = Array.from({ length: CLASSES }, (_, c) => {
      let sum = B[c]!;
      for (let i = 0; i < IN; i++) sum += x[r * IN + i]! * W[i * CLASSES + c]!;
      return sum;
    });
    const max = Math.max(...logits);
    const exps = logits.map((l) => Math.exp(l - max));
    const total = exps.reduce((a, b) => a + b, 0);
    out.push(exps.map((e) => e / total));
  }
  return out;
}
