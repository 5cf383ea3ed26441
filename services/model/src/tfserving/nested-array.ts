import { TensorhopError } from '../errors.js';

/**
 * Writes one row given as nested JSON arrays of numbers into `out` at `offset`, checking it
 * has exactly `shape` (fully known, without the batch axis).
 * @throws BAD_REQUEST naming `where`, what was expected and what came.
 */
export function flattenRow(
  value: unknown,
  shape: readonly number[],
  out: Float32Array | Int32Array | Uint8Array,
  offset: number,
  where: string,
): void {
  let at = offset;
  const bytes = out instanceof Uint8Array;
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number') throw mismatch(where, shape, `a ${describe(v)} where a number belongs`);
      if (!Number.isFinite(v))
        throw new TensorhopError(
          'INPUT_NOT_FINITE',
          `${where}: ${v} is not a finite number (NaN or Infinity)`,
        );
      if (bytes && !(Number.isInteger(v) && v >= 0 && v <= 255))
        throw new TensorhopError('BAD_REQUEST', `${where}: ${v} is not a uint8 value (an integer 0..255)`);
      out[at++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw mismatch(
        where,
        shape,
        Array.isArray(v) ? `length ${v.length} at depth ${depth}` : `a ${describe(v)} at depth ${depth}`,
      );
    }
    for (const item of v) walk(item, depth + 1);
  };
  walk(value, 0);
}

/** The shape of nested arrays, read along the first element of each level. */
export function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

/** Row `row` of a row-major tensor as nested arrays (what TF Serving's JSON replies hold). */
export function rowToNested(data: ArrayLike<number>, shape: readonly number[], row: number): unknown {
  const inner = shape.slice(1);
  const size = inner.reduce((n, d) => n * d, 1);
  let at = row * size;
  const build = (depth: number): unknown => {
    if (depth === inner.length) return data[at++];
    return Array.from({ length: inner[depth]! }, () => build(depth + 1));
  };
  return build(0);
}

function mismatch(where: string, shape: readonly number[], got: string): TensorhopError {
  return new TensorhopError(
    'SHAPE_MISMATCH',
    `${where}: expected nested arrays of shape [${shape.join(',')}], got ${got}`,
  );
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
