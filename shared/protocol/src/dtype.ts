/** Element types, numbered as in the proto (and as GraphPipe numbers them). */
export const DType = {
  NULL: 0,
  UINT8: 1,
  INT8: 2,
  UINT16: 3,
  INT16: 4,
  UINT32: 5,
  INT32: 6,
  UINT64: 7,
  INT64: 8,
  FLOAT16: 9,
  FLOAT32: 10,
  FLOAT64: 11,
  STRING: 12,
  BOOL: 13,
} as const;
export type DType = (typeof DType)[keyof typeof DType];
export type DTypeName = keyof typeof DType;
export type NumericDType = Exclude<DType, typeof DType.NULL | typeof DType.STRING>;

/** The typed array that holds each numeric type. FLOAT16 is kept as raw 16-bit words, BOOL as bytes. */
export interface TypedArrayFor {
  1: Uint8Array;
  2: Int8Array;
  3: Uint16Array;
  4: Int16Array;
  5: Uint32Array;
  6: Int32Array;
  7: BigUint64Array;
  8: BigInt64Array;
  9: Uint16Array;
  10: Float32Array;
  11: Float64Array;
  13: Uint8Array;
}
export type TypedArray = TypedArrayFor[NumericDType];

type ArrayCtor = {
  new (length: number): TypedArray;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray;
  readonly BYTES_PER_ELEMENT: number;
};

const CTORS: Record<NumericDType, ArrayCtor> = {
  1: Uint8Array,
  2: Int8Array,
  3: Uint16Array,
  4: Int16Array,
  5: Uint32Array,
  6: Int32Array,
  7: BigUint64Array,
  8: BigInt64Array,
  9: Uint16Array,
  10: Float32Array,
  11: Float64Array,
  13: Uint8Array,
};

const NAMES = Object.fromEntries(Object.entries(DType).map(([k, v]) => [v, k])) as Record<DType, DTypeName>;

export function isDType(value: unknown): value is DType {
  return typeof value === 'number' && value in NAMES;
}

export function isNumericDType(type: DType): type is NumericDType {
  return type !== DType.NULL && type !== DType.STRING;
}

export function dtypeName(type: number): string {
  return NAMES[type as DType] ?? `DType(${type})`;
}

export function dtypeFromName(name: string): DType | undefined {
  return Object.hasOwn(DType, name) ? DType[name as DTypeName] : undefined;
}

export function typedArrayCtor(type: NumericDType): ArrayCtor {
  return CTORS[type];
}

/** Bytes per element of a numeric type. */
export function elementSize(type: NumericDType): number {
  return CTORS[type].BYTES_PER_ELEMENT;
}
