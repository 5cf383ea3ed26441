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

/**
 * A Sequential model's layers in the functional form the converter reads: an InputLayer made from
 * the first layer's `batch_input_shape`, and each layer fed by the one before it.
 */
export function functionalLayers(sequential: Omit<KerasLayer, 'inbound_nodes'>[]): KerasLayer[] {
  // A Sequential config names each layer inside its config.
  const named = sequential.map((l) => ({ ...l, name: l.name ?? (l.config.name as string) }));
  const first = named[0];
  if (!first) throw new Error('the model has no layers');
  const input: KerasLayer = {
    class_name: 'InputLayer',
    name: `${first.name}_input`,
    config: { batch_input_shape: first.config.batch_input_shape },
    inbound_nodes: [],
  };
  const layers = [input];
  for (const layer of named) {
    const previous = layers[layers.length - 1]!;
    layers.push({ ...layer, inbound_nodes: [[[previous.name, 0, 0, {}]]] });
  }
  return layers;
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
