/** How ONNX Runtime runs a model instance (`TENSORHOP_MODEL_ONNX_*`). */

/** Execution providers a request may ask for: `auto` prefers CUDA and falls back to the CPU. */
export type OnnxProvider = 'auto' | 'cuda' | 'cpu';

export const ONNX_PROVIDERS: readonly OnnxProvider[] = ['auto', 'cuda', 'cpu'];

/** Options of one ONNX Runtime instance. */
export interface OnnxOptions {
  /** @default 'auto' */
  provider: OnnxProvider;
  /** Intra-op threads of this instance's session (ONNX Runtime's own pool); at least 1. */
  threads: number;
}
