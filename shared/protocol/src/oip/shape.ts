/** Shapes taken from an OIP body, checked before anything is allocated for them. */
import { badRequest, TensorhopError } from '../errors.js';
import { shapeSize } from '../tensor.js';

/** Elements one tensor may hold, as in the native codec: beyond it a shape is refused unread. */
export const OIP_MAX_ELEMENTS = 2 ** 31;

/** Bounds an OIP body is held to while it is mapped. */
export interface OipLimits {
  /** Rows (dimension 0) a tensor may have: the kit's MAX_ROWS. @default 4096 */
  maxRows?: number;
}

/**
 * A validated shape: non-negative safe integers, at most {@link OIP_MAX_ELEMENTS} elements and
 * `maxRows` rows. The row bound is PAYLOAD_TOO_LARGE, like the native protocol's.
 */
export function checkOipShape(shape: unknown, what: string, limits: OipLimits = {}): number[] {
  if (!Array.isArray(shape)) throw badRequest(`${what}: shape must be an array of integers`);
  const dims = shape.map((d: unknown) => (typeof d === 'string' && /^\d{1,15}$/.test(d) ? Number(d) : d));
  for (const d of dims) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw badRequest(`${what}: shape ${JSON.stringify(shape)} has an invalid dimension`);
    }
  }
  const numbers = dims as number[];
  if (shapeSize(numbers) > OIP_MAX_ELEMENTS) {
    throw badRequest(`${what}: shape [${numbers.join(',')}] is too large`);
  }
  const maxRows = limits.maxRows ?? 4096;
  const rows = numbers.length === 0 ? 1 : (numbers[0] as number);
  if (rows > maxRows) {
    throw new TensorhopError('PAYLOAD_TOO_LARGE', `${what}: ${rows} rows: at most ${maxRows} rows a request`);
  }
  return numbers;
}
