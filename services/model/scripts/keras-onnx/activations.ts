/** Keras activations as ONNX nodes. */
import type { GraphBuilder } from '../onnx-graph.js';

/**
 * Appends `name` applied to `x` and returns the result's tensor; 'linear' adds nothing.
 * `rank` tells softmax its axis: the last one of a 2-D tensor.
 * @throws for an activation it does not know.
 */
export function activation(
  g: GraphBuilder,
  name: string | undefined,
  x: string,
  rank: number,
  maxValue?: number | null,
): string {
  switch (name ?? 'linear') {
    case 'linear':
      return x;
    case 'relu':
      if (maxValue !== undefined && maxValue !== null) return clip(g, x, maxValue);
      return g.node('Relu', [x]);
    case 'relu6':
      return clip(g, x, 6);
    case 'sigmoid':
      return g.node('Sigmoid', [x]);
    case 'tanh':
      return g.node('Tanh', [x]);
    case 'softmax':
      if (rank !== 2) throw new Error('softmax is converted on 2-D tensors only');
      return g.node('Softmax', [x], { axis: { int: -1 } });
    default:
      throw new Error(`activation '${name}' is not converted`);
  }
}

const clips = new WeakMap<GraphBuilder, Map<number, [string, string]>>();

/** min(max(x, 0), max) with the bounds as shared scalar constants (Clip takes them as inputs since opset 11). */
function clip(g: GraphBuilder, x: string, max: number): string {
  const known = clips.get(g) ?? new Map<number, [string, string]>();
  clips.set(g, known);
  let bounds = known.get(max);
  if (!bounds) {
    bounds = [
      g.constant(`clip_min_${max}`, Float32Array.of(0), []),
      g.constant(`clip_max_${max}`, Float32Array.of(max), []),
    ];
    known.set(max, bounds);
  }
  return g.node('Clip', [x, ...bounds]);
}
