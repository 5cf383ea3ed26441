/**
 * Converts a Keras functional model (TensorFlow.js layers format) into an ONNX graph with the
 * same weights. The graph takes the model's channels-last input, transposes it once to
 * channels-first (ONNX's convolution layout) and runs every convolution there; ZeroPadding2D
 * before a 'valid' convolution becomes that convolution's pads, and a BatchNormalization after
 * a linear convolution is folded into its weights. Covers the layers of MobileNetV2-style
 * networks; any other layer stops the conversion with its name.
 */
import { GraphBuilder, elementCode } from '../onnx-graph.js';
import { activation } from './activations.js';
import {
  batchNorm,
  convKernel,
  depthwiseKernel,
  foldBatchNorm,
  type OnnxConv,
  type Weight,
} from './weights.js';
import { convNode, inbound, isConv, type KerasLayer } from './layer.js';

export type { KerasLayer } from './layer.js';

/** Names and weights of the graph to build. */
export interface ConvertOptions {
  layers: KerasLayer[];
  /** The layer's weights in TensorFlow.js order (`layer.getWeights()`). */
  weights: (layer: string) => Weight[];
  inputName: string;
  outputName: string;
  /**
   * Take 8-bit pixels instead of the model's float values: the graph's input is uint8 and its first
   * nodes compute `pixel × scale` in float32 (scale 1/255 for a model trained on [0, 1]), so a
   * client or the preprocessor sends a quarter of the bytes and no float conversion happens outside.
   */
  pixels?: { scale: number };
}

/** Converts the layers; returns the encoded ONNX model. @throws for a layer it does not know. */
export function convertKeras(options: ConvertOptions): Uint8Array {
  const { layers } = options;
  const g = new GraphBuilder('keras');
  const consumers = new Map<string, KerasLayer[]>();
  for (const l of layers)
    for (const [from] of inbound(l)) consumers.set(from, [...(consumers.get(from) ?? []), l]);
  const only = (name: string): KerasLayer | undefined => {
    const list = consumers.get(name) ?? [];
    return list.length === 1 ? list[0] : undefined;
  };
  /** ONNX tensor of each layer's output, and pads a ZeroPadding2D left for its convolution. */
  const tensor = new Map<string, string>();
  const pads = new Map<string, number[]>();
  /** Rank of each layer's output: 4 (NCHW) until a Flatten, pooling to a vector or a Dense. */
  const rank = new Map<string, number>();
  const input = (l: KerasLayer, i = 0): string => tensor.get(inbound(l)[i]![0])!;
  const rankOf = (l: KerasLayer): number => rank.get(inbound(l)[0]?.[0] ?? '') ?? 4;
  let output = '';
  for (const layer of layers) {
    const c = layer.config;
    switch (layer.class_name) {
      case 'InputLayer': {
        const shape = (c.batch_input_shape as (number | null)[]).slice(1) as number[];
        const pixels = options.pixels;
        g.input(options.inputName, pixels ? 'uint8' : 'float32', ['batch', ...shape]);
        // Transposed while still one byte an element, then turned into the model's values.
        const nchw = g.node('Transpose', [options.inputName], { perm: { ints: [0, 3, 1, 2] } });
        const scale = pixels && g.constant('pixel_scale', new Float32Array([pixels.scale]), []);
        const values = scale
          ? g.node('Mul', [g.node('Cast', [nchw], { to: { int: elementCode('float32') } }), scale])
          : nchw;
        tensor.set(layer.name, values);
        break;
      }
      case 'ZeroPadding2D': {
        const [[top, bottom], [left, right]] = c.padding as [[number, number], [number, number]];
        const next = only(layer.name);
        if (next && isConv(next) && next.config.padding === 'valid') {
          pads.set(next.name, [top, left, bottom, right]);
          tensor.set(layer.name, input(layer));
        } else {
          const p = g.constant(
            `${layer.name}_pads`,
            BigInt64Array.from([0, 0, top, left, 0, 0, bottom, right].map(BigInt)),
            [8],
          );
          tensor.set(layer.name, g.node('Pad', [input(layer), p]));
        }
        break;
      }
      case 'Conv2D':
      case 'DepthwiseConv2D': {
        const [kernel, bias] = options.weights(layer.name);
        let conv: OnnxConv =
          layer.class_name === 'Conv2D' ? convKernel(kernel!, bias) : depthwiseKernel(kernel!, bias);
        const next = only(layer.name);
        const linear = (c.activation ?? 'linear') === 'linear';
        if (
          linear &&
          next?.class_name === 'BatchNormalization' &&
          [-1, 3].includes(next.config.axis as number)
        ) {
          conv = foldBatchNorm(conv, batchNorm(options.weights(next.name), next.config));
          tensor.set(next.name, convNode(g, layer, conv, pads.get(layer.name), input(layer)));
          break;
        }
        tensor.set(
          layer.name,
          activation(g, c.activation, convNode(g, layer, conv, pads.get(layer.name), input(layer)), 4),
        );
        break;
      }
      case 'BatchNormalization': {
        if (tensor.has(layer.name)) break; // folded into the convolution before it
        const bn = batchNorm(options.weights(layer.name), layer.config);
        const n = bn.mean.length;
        const k = (name: string, data: Float32Array | undefined, fill: number): string =>
          g.constant(`${layer.name}_${name}`, data ?? new Float32Array(n).fill(fill), [n]);
        tensor.set(
          layer.name,
          g.node(
            'BatchNormalization',
            [
              input(layer),
              k('scale', bn.gamma, 1),
              k('bias', bn.beta, 0),
              k('mean', bn.mean, 0),
              k('var', bn.variance, 1),
            ],
            { epsilon: { float: bn.epsilon } },
          ),
        );
        break;
      }
      case 'ReLU': {
        if (c.negative_slope || c.threshold)
          throw new Error(`${layer.name}: ReLU with negative_slope or threshold`);
        tensor.set(
          layer.name,
          activation(g, c.max_value === 6 ? 'relu6' : 'relu', input(layer), 4, c.max_value as number | null),
        );
        break;
      }
      case 'Activation':
        tensor.set(layer.name, activation(g, c.activation, input(layer), rankOf(layer)));
        break;
      case 'Add':
        tensor.set(
          layer.name,
          inbound(layer)
            .slice(1)
            .reduce((sum, _, i) => g.node('Add', [sum, input(layer, i + 1)]), input(layer)),
        );
        break;
      case 'AveragePooling2D':
      case 'MaxPooling2D': {
        const op = layer.class_name === 'MaxPooling2D' ? 'MaxPool' : 'AveragePool';
        const attrs = {
          kernel_shape: { ints: c.pool_size as number[] },
          strides: { ints: c.strides as number[] },
        };
        tensor.set(
          layer.name,
          g.node(
            op,
            [input(layer)],
            c.padding === 'same' ? { ...attrs, auto_pad: { string: 'SAME_UPPER' } } : attrs,
          ),
        );
        break;
      }
      case 'GlobalAveragePooling2D':
        rank.set(layer.name, 2);
        tensor.set(
          layer.name,
          g.node('Flatten', [g.node('GlobalAveragePool', [input(layer)])], { axis: { int: 1 } }),
        );
        break;
      case 'Flatten': {
        // Keras flattens channels-last: back to NHWC first so the values come in its order.
        rank.set(layer.name, 2);
        const nhwc = g.node('Transpose', [input(layer)], { perm: { ints: [0, 2, 3, 1] } });
        tensor.set(layer.name, g.node('Flatten', [nhwc], { axis: { int: 1 } }));
        break;
      }
      case 'Dense': {
        const [kernel, bias] = options.weights(layer.name);
        const units = kernel!.shape[1]!;
        rank.set(layer.name, 2);
        const w = g.constant(`${layer.name}_W`, kernel!.data, kernel!.shape);
        const b = g.constant(`${layer.name}_B`, bias?.data ?? new Float32Array(units), [units]);
        tensor.set(layer.name, activation(g, c.activation, g.node('Gemm', [input(layer), w, b]), 2));
        break;
      }
      case 'Dropout':
        tensor.set(layer.name, input(layer)); // identity at inference
        break;
      default:
        throw new Error(`${layer.name}: layer ${layer.class_name} is not converted`);
    }
    if (!rank.has(layer.name)) rank.set(layer.name, rankOf(layer));
    output = tensor.get(layer.name)!;
  }
  g.node('Identity', [output], {}, options.outputName);
  g.output(options.outputName, 'float32', ['batch', -1]);
  return g.encode();
}
