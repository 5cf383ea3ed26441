/**
 * The digit CNN: three 3×3 conv + 2×2 max-pool stages (16, 32, 64 filters), a 64-unit dense
 * layer and a 10-way softmax; about 61k parameters (240 KB of float32 weights).
 */
import type { LayersModel, Tensor, Tensor2D, Tensor4D, Variable } from '@tensorflow/tfjs';
import type { Tf } from '../src/tfjs/backend.js';

/** Trainable weights, in the order the serving model's layers take them. */
export interface Params {
  all: Variable[];
}

const CONVS: [number, number][] = [
  [1, 16],
  [16, 32],
  [32, 64],
];
const FLAT = 3 * 3 * 64;
const HIDDEN = 64;

/** He-normal kernels from a fixed seed, zero biases. */
export function createParams(tf: Tf, seed: number): Params {
  const he = (shape: number[], fanIn: number, i: number): Variable =>
    tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed + i));
  const all: Variable[] = [];
  CONVS.forEach(([cin, cout], i) => {
    all.push(he([3, 3, cin, cout], 9 * cin, i), tf.variable(tf.zeros([cout])));
  });
  all.push(he([FLAT, HIDDEN], FLAT, 10), tf.variable(tf.zeros([HIDDEN])));
  all.push(he([HIDDEN, 10], HIDDEN, 11), tf.variable(tf.zeros([10])));
  return { all };
}

/** Logits for a batch `[n, 28, 28, 1]`, using only ops whose gradients the wasm backend has. */
export function forward(tf: Tf, p: Params, x: Tensor4D): Tensor2D {
  const v = p.all;
  let h: Tensor4D = x;
  CONVS.forEach((_, i) => {
    h = tf.maxPool(tf.relu(conv3x3(tf, h, v[2 * i] as Tensor4D, v[2 * i + 1]!)), 2, 2, 'valid');
  });
  const flat = h.reshape([h.shape[0], FLAT]) as Tensor2D;
  const hidden = tf.relu(tf.matMul(flat, v[6]!).add(v[7]!)) as Tensor2D;
  return tf.matMul(hidden, v[8]!).add(v[9]!) as Tensor2D;
}

/**
 * A 'same' 3×3 convolution whose gradients avoid the kernels wasm lacks or runs slowly
 * (Conv2DBackpropFilter is missing, Conv2DBackpropInput is a naive loop): both are rewritten
 * as forward convolutions, which run in XNNPACK.
 * - dx: the convolution of dy with the kernel flipped in space and with in/out channels swapped.
 * - dW: a 'valid' convolution of the padded input, batch and channel axes swapped, by dy used as
 *   an H×W filter whose input channels are the batch: it sums x·dy over rows and positions.
 */
function conv3x3(tf: Tf, x: Tensor4D, kernel: Tensor4D, bias: Tensor): Tensor4D {
  const conv = tf.customGrad((...args) => {
    const [input, w, save] = args as [Tensor4D, Tensor4D, (tensors: Tensor[]) => void];
    save([input, w]);
    return {
      value: tf.conv2d(input, w, 1, 'same'),
      gradFunc: (dy: Tensor4D, saved: Tensor[]) => {
        const [xs, ws] = saved as [Tensor4D, Tensor4D];
        const flipped = tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as Tensor4D;
        const dx = tf.conv2d(dy, flipped, 1, 'same');
        const padded = tf.pad(xs, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]);
        const xt = tf.transpose(padded, [3, 1, 2, 0]) as Tensor4D;
        const dyt = tf.transpose(dy, [1, 2, 0, 3]) as Tensor4D;
        const dw = tf.transpose(tf.conv2d(xt, dyt, 1, 'valid'), [1, 2, 0, 3]);
        return [dx, dw];
      },
    };
  });
  return (conv(x, kernel) as Tensor4D).add(bias);
}

/** The same network as ordinary layers (Conv2D, MaxPooling2D, Dense), ending in softmax. */
export function buildServingModel(tf: Tf, p: Params): LayersModel {
  const model = tf.sequential({ name: 'mnist_cnn' });
  CONVS.forEach(([, cout], i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [28, 28, 1] } : {}),
        name: `conv${i + 1}`,
        filters: cout,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
    );
    model.add(tf.layers.maxPooling2d({ name: `pool${i + 1}`, poolSize: 2 }));
  });
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'hidden', units: HIDDEN, activation: 'relu' }));
  model.add(tf.layers.dense({ name: 'probabilities', units: 10, activation: 'softmax' }));
  model.setWeights(p.all);
  return model;
}
