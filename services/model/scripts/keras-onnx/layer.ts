/** Keras layers as model.json describes them, and the ONNX Conv node one becomes. */
import type { GraphBuilder } from '../onnx-graph.js';
import type { OnnxConv } from './weights.js';

/** One layer of model.json's `modelTopology.model_config.config.layers`. */
export interface KerasLayer {
  class_name: string;
  name: string;
  config: Record<string, unknown> & { activation?: string };
  inbound_nodes: [string, number, number, unknown][][];
}

/** The layer's inputs: [layer name, node index, tensor index, kwargs]. */
export function inbound(layer: KerasLayer): [string, number, number, unknown][] {
  return layer.inbound_nodes[0] ?? [];
}

/** Conv2D or DepthwiseConv2D. */
export function isConv(layer: KerasLayer): boolean {
  return layer.class_name === 'Conv2D' || layer.class_name === 'DepthwiseConv2D';
}

/**
 * Appends a Conv node with `conv`'s weights: 'same' padding as SAME_UPPER (TensorFlow pads the
 * end more), 'valid' with the pads a ZeroPadding2D left for it.
 */
export function convNode(
  g: GraphBuilder,
  layer: KerasLayer,
  conv: OnnxConv,
  pads: number[] | undefined,
  x: string,
): string {
  const c = layer.config;
  const [kh, kw] = c.kernel_size as [number, number];
  const strides = c.strides as number[];
  const attrs: Parameters<GraphBuilder['node']>[2] = {
    kernel_shape: { ints: [kh, kw] },
    strides: { ints: strides },
    dilations: { ints: c.dilation_rate as number[] },
    group: { int: conv.group },
  };
  if (c.padding === 'same')
    attrs.auto_pad = { string: 'SAME_UPPER' }; // TensorFlow pads the end more
  else attrs.pads = { ints: pads ?? [0, 0, 0, 0] };
  const w = g.constant(`${layer.name}_W`, conv.w, conv.dims);
  const b = g.constant(`${layer.name}_B`, conv.b, [conv.dims[0]!]);
  return g.node('Conv', [x, w, b], attrs);
}
