/**
 * Weight layouts from Keras (TensorFlow.js, channels-last) to ONNX (channels-first), and batch
 * normalisation folded into the convolution before it.
 */

/** A weight as TensorFlow.js gives it. */
export interface Weight {
  data: Float32Array;
  shape: number[];
}

/** A convolution ready for ONNX: W `[out, in/group, kh, kw]`, B `[out]`, and its group count. */
export interface OnnxConv {
  w: Float32Array;
  dims: number[];
  b: Float32Array;
  group: number;
}

/** Conv2D kernel `[kh, kw, in, out]` → `[out, in, kh, kw]`. */
export function convKernel(kernel: Weight, bias: Weight | undefined): OnnxConv {
  const [kh, kw, cin, cout] = kernel.shape as [number, number, number, number];
  const w = new Float32Array(kernel.data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) {
          w[((o * cin + i) * kh + y) * kw + x] = kernel.data[((y * kw + x) * cin + i) * cout + o]!;
        }
  return { w, dims: [cout, cin, kh, kw], b: bias ? bias.data.slice() : new Float32Array(cout), group: 1 };
}

/**
 * DepthwiseConv2D kernel `[kh, kw, in, multiplier]` → a grouped convolution `[in·m, 1, kh, kw]`
 * with `in` groups; output channel `c·m + k` is input channel c's k-th filter, as in TensorFlow.
 */
export function depthwiseKernel(kernel: Weight, bias: Weight | undefined): OnnxConv {
  const [kh, kw, cin, mult] = kernel.shape as [number, number, number, number];
  const w = new Float32Array(kernel.data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let c = 0; c < cin; c++)
        for (let m = 0; m < mult; m++) {
          w[((c * mult + m) * kh + y) * kw + x] = kernel.data[((y * kw + x) * cin + c) * mult + m]!;
        }
  const out = cin * mult;
  return { w, dims: [out, 1, kh, kw], b: bias ? bias.data.slice() : new Float32Array(out), group: cin };
}

/** BatchNormalization's parameters per channel (inference: moving statistics). */
export interface BatchNorm {
  gamma: Float32Array | undefined;
  beta: Float32Array | undefined;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}

/** Reads BatchNormalization's weights in TensorFlow.js order: [gamma], [beta], mean, variance. */
export function batchNorm(weights: Weight[], config: Record<string, unknown>): BatchNorm {
  const list = [...weights];
  const gamma = config.scale === false ? undefined : list.shift()!.data;
  const beta = config.center === false ? undefined : list.shift()!.data;
  const [mean, variance] = list.map((w) => w.data) as [Float32Array, Float32Array];
  return { gamma, beta, mean, variance, epsilon: typeof config.epsilon === 'number' ? config.epsilon : 1e-3 };
}

/**
 * Folds `y = γ·(conv(x) − μ)/√(σ² + ε) + β` into the convolution: each output channel's filter
 * is scaled by s = γ/√(σ² + ε) and its bias becomes (b − μ)·s + β. Exact up to rounding.
 */
export function foldBatchNorm(conv: OnnxConv, bn: BatchNorm): OnnxConv {
  const out = conv.dims[0]!;
  const perFilter = conv.w.length / out;
  const w = conv.w.slice();
  const b = new Float32Array(out);
  for (let o = 0; o < out; o++) {
    const s = (bn.gamma?.[o] ?? 1) / Math.sqrt(bn.variance[o]! + bn.epsilon);
    for (let i = o * perFilter; i < (o + 1) * perFilter; i++) w[i] = w[i]! * s;
    b[o] = (conv.b[o]! - bn.mean[o]!) * s + (bn.beta?.[o] ?? 0);
  }
  return { ...conv, w, b };
}
