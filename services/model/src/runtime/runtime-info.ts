/** The runtime that runs a model, and why each one tried before it did not. */
export interface RuntimeInfo {
  /** e.g. `wasm`, `tensorflow`, `onnxruntime-cpu`, `onnxruntime-cuda`. */
  name: string;
  /** e.g. 'simd' for wasm, '1 thread' for ONNX Runtime, '' when there is nothing to add. */
  detail: string;
  skipped: { name: string; reason: string }[];
}
