/**
 * The served signature of an ONNX graph, read from the session's input and output metadata:
 * names, element types and shapes, a symbolic (or -1) first dimension being the batch.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { isInputDType, type Signature, type TensorDType, type TensorSpec } from '../runtime/signature.js';

/** ONNX element types whose values reach the caller as int32 (converted exactly, or int64 truncated). */
const AS_INT32 = new Set(['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']);

/** The dtype an ONNX output of `type` is served as, or undefined when it is not served. */
export function servedDType(type: string): TensorDType | undefined {
  if (type === 'float32' || type === 'float64') return 'float32';
  if (type === 'bool') return 'bool';
  return AS_INT32.has(type) ? 'int32' : undefined;
}

/** The graph's signature, and the batch size the graph fixes (undefined when it is symbolic). */
export interface OnnxSignature {
  signature: Signature;
  fixedBatch: number | undefined;
}

/**
 * Reads the signature off a session.
 * @throws when an input or output is not a tensor or has a type that cannot be served, or when the
 * first input's batch dimension is fixed at more than 1 (then batching would change its meaning).
 */
export function onnxSignature(session: InferenceSession): OnnxSignature {
  const inputs = session.inputMetadata.map((m) => spec(m, 'input'));
  const outputs = session.outputMetadata.map((m) => spec(m, 'output'));
  const first = session.inputMetadata[0];
  const batch = first?.isTensor ? first.shape[0] : undefined;
  const fixedBatch = typeof batch === 'number' && batch > 0 ? batch : undefined;
  if (fixedBatch !== undefined && fixedBatch > 1) {
    throw new Error(
      `input '${first!.name}' fixes the batch at ${fixedBatch}; export it with a symbolic first dimension`,
    );
  }
  return { signature: { inputs, outputs }, fixedBatch };
}

function spec(meta: InferenceSession.ValueMetadata, kind: 'input' | 'output'): TensorSpec {
  if (!meta.isTensor) throw new Error(`${kind} '${meta.name}' is not a tensor; only tensors are served`);
  const dtype = kind === 'input' ? (isInputDType(meta.type) ? meta.type : undefined) : servedDType(meta.type);
  if (dtype === undefined) {
    throw new Error(
      kind === 'input'
        ? `input '${meta.name}' is ${meta.type}; served inputs are float32, int32 or uint8`
        : `output '${meta.name}' is ${meta.type}, which is not served`,
    );
  }
  // Symbolic dimensions come as names (strings); the batch axis is always open once served.
  const shape = meta.shape.map((d, i) => (i === 0 || typeof d !== 'number' || d < 0 ? -1 : d));
  return { name: meta.name, shape, dtype };
}
