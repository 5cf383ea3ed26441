/**
 * Open Inference Protocol datatypes and tensorhop's DType map one to one; only the names differ
 * (`FP32` is FLOAT32, `BYTES` is STRING). BF16 has no tensorhop type and is refused.
 */
import { DType, dtypeName } from '../dtype.js';
import { badRequest } from '../errors.js';

/** An OIP datatype name, as it appears in `datatype`. */
export type OipDatatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

const TO_DTYPE: Record<OipDatatype, DType> = {
  BOOL: DType.BOOL,
  UINT8: DType.UINT8,
  UINT16: DType.UINT16,
  UINT32: DType.UINT32,
  UINT64: DType.UINT64,
  INT8: DType.INT8,
  INT16: DType.INT16,
  INT32: DType.INT32,
  INT64: DType.INT64,
  FP16: DType.FLOAT16,
  FP32: DType.FLOAT32,
  FP64: DType.FLOAT64,
  BYTES: DType.STRING,
};

const FROM_DTYPE = new Map<DType, OipDatatype>(
  Object.entries(TO_DTYPE).map(([name, type]) => [type, name as OipDatatype]),
);

/** Every datatype this server takes and gives. */
export const OIP_DATATYPES = Object.keys(TO_DTYPE) as OipDatatype[];

/** The DType of an OIP datatype name; BAD_REQUEST for a name the protocol does not have here. */
export function dtypeOfOip(datatype: unknown, what = 'tensor'): DType {
  if (typeof datatype === 'string' && Object.hasOwn(TO_DTYPE, datatype)) {
    return TO_DTYPE[datatype as OipDatatype];
  }
  throw badRequest(`${what}: datatype ${JSON.stringify(datatype)} is not one of ${OIP_DATATYPES.join(', ')}`);
}

/** The OIP name of a DType (NULL has none). */
export function oipDatatype(type: DType): OipDatatype {
  const name = FROM_DTYPE.get(type);
  if (!name) throw badRequest(`${dtypeName(type)} has no Open Inference Protocol datatype`);
  return name;
}
