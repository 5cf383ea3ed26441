/**
 * A small typed builder for ONNX graphs over `onnx-proto` (the ONNX protobuf schema for
 * JavaScript): inputs and outputs with symbolic or fixed dimensions, float32/int64
 * initializers, nodes with typed attributes, and the encoded ModelProto. Used by the MobileNetV2
 * converter and by tests that build a model by hand.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;

/** An attribute value, tagged with its ONNX type. */
export type Attribute =
  { int: number } | { float: number } | { ints: number[] } | { floats: number[] } | { string: string };

/** Element types the builder writes. */
export type ElementType = 'float32' | 'int32' | 'int64' | 'uint8';

const ELEMENT: Record<ElementType, number> = {
  float32: DataType.FLOAT,
  int32: DataType.INT32,
  int64: DataType.INT64,
  uint8: DataType.UINT8,
};

/** ONNX's code of an element type (for Cast's `to`). */
export const elementCode = (type: ElementType): number => ELEMENT[type];

/** Builds one graph; names given to {@link node} outputs are made unique by a counter. */
export class GraphBuilder {
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private counter = 0;

  constructor(private readonly name: string) {}

  /** Declares a graph input; a string dimension is symbolic (e.g. 'batch'). */
  input(name: string, type: ElementType, shape: (number | string)[]): string {
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Declares a graph output; `name` must be produced by a node. */
  output(name: string, type: ElementType, shape: (number | string)[]): void {
    this.outputs.push(valueInfo(name, type, shape));
  }

  /** Adds a constant tensor, stored as raw little-endian bytes. */
  constant(name: string, data: Float32Array | BigInt64Array | Int32Array, dims: number[]): string {
    const type: ElementType =
      data instanceof Float32Array ? 'float32' : data instanceof Int32Array ? 'int32' : 'int64';
    this.initializers.push({
      name,
      dims,
      dataType: ELEMENT[type],
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    return name;
  }

  /** Adds a node with one output (named `output`, or made up from the op type); returns its name. */
  node(
    opType: string,
    inputs: string[],
    attributes: Record<string, Attribute> = {},
    output?: string,
  ): string {
    const out = output ?? `${opType.toLowerCase()}_${this.counter++}`;
    this.nodes.push({
      opType,
      name: out,
      input: inputs,
      output: [out],
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return out;
  }

  /** The encoded ModelProto (IR version 7, default-domain opset `opset`). */
  encode(opset = 13): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 7,
      producerName: 'tensorhop',
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: this.name,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
        node: this.nodes,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(
  name: string,
  type: ElementType,
  shape: (number | string)[],
): onnxProto.onnx.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType: ELEMENT[type], shape: { dim } } } };
}

function attribute(name: string, value: Attribute): onnxProto.onnx.IAttributeProto {
  if ('int' in value) return { name, type: AttributeType.INT, i: value.int };
  if ('float' in value) return { name, type: AttributeType.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.string) };
}
