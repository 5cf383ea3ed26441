/**
 * Rows and keys. Dimension 0 of every tensor is the row; every row has a key, and every input key
 * comes back exactly once, as an output row or as a row error.
 */
import { DType, typedArrayCtor, type TypedArray } from './dtype.js';
import { badRequest } from './errors.js';
import type { RowError } from './messages.js';
import { isStringTensor, rowCount, shapeSize, type Tensor } from './tensor.js';

/**
 * The request's keys, or "0".."n-1" when it sent none; they must be unique and one per row. A key
 * is never empty (an empty key marks a request-level error) and is well-formed Unicode: a lone
 * surrogate, which JSON lets through, turns into U+FFFD on the protobuf hop and the row's answer
 * would come back under another key.
 */
export function resolveKeys(keys: readonly string[], rows: number): string[] {
  if (keys.length === 0) return Array.from({ length: rows }, (_, i) => String(i));
  if (keys.length !== rows) throw badRequest(`${keys.length} keys for ${rows} rows`);
  const seen = new Set<string>();
  for (const [i, k] of keys.entries()) {
    if (k === '') throw badRequest(`key ${i} is empty: an empty key marks a request-level error`);
    if (!(k as string & { isWellFormed(): boolean }).isWellFormed())
      throw badRequest(`key ${i} is not well-formed Unicode (a lone surrogate)`);
    if (seen.has(k)) throw badRequest(`duplicate key ${JSON.stringify(k)}: keys must be unique`);
    seen.add(k);
  }
  return [...keys];
}

/** The common row count of a list of tensors; they must agree on dimension 0. */
export function commonRowCount(tensors: readonly Tensor[]): number {
  const counts = new Set(tensors.map(rowCount));
  if (counts.size > 1) throw badRequest(`input tensors disagree on rows: ${[...counts].join(' vs ')}`);
  return tensors.length === 0 ? 0 : rowCount(tensors[0] as Tensor);
}

function rowSize(t: Tensor): number {
  return shapeSize(t.shape.slice(1));
}

/** The rows of `t` at `indices`, in that order; `t` itself when that is every row in order. */
export function takeRows(t: Tensor, indices: readonly number[]): Tensor {
  const n = rowCount(t);
  if (indices.length === n && indices.every((v, i) => v === i)) return t;
  const shape = [indices.length, ...t.shape.slice(1)];
  if (isStringTensor(t)) {
    const size = rowSize(t);
    const strings = indices.flatMap((r) => t.strings.slice(r * size, (r + 1) * size));
    return { type: DType.STRING, shape, strings };
  }
  const size = rowSize(t);
  const Ctor = typedArrayCtor(t.type);
  const out = new Ctor(indices.length * size);
  indices.forEach((r, i) => {
    (out as Uint8Array).set((t.data as Uint8Array).subarray(r * size, (r + 1) * size), i * size);
  });
  return { type: t.type, shape, data: out } as Tensor;
}

/** Tensors of the same type and row shape joined along dimension 0. */
export function concatRows(parts: readonly Tensor[]): Tensor {
  const first = parts[0];
  if (!first) throw new Error('concatRows needs at least one tensor');
  if (parts.length === 1) return first;
  const rowShape = first.shape.slice(1);
  let rows = 0;
  for (const p of parts) {
    if (p.type !== first.type || p.shape.slice(1).join() !== rowShape.join()) {
      throw badRequest(`cannot join rows of [${p.shape.join(',')}] with [${first.shape.join(',')}]`);
    }
    rows += rowCount(p);
  }
  const shape = [rows, ...rowShape];
  if (isStringTensor(first)) {
    return { type: DType.STRING, shape, strings: parts.flatMap((p) => (p as typeof first).strings) };
  }
  const out = new (typedArrayCtor(first.type))(shapeSize(shape));
  let offset = 0;
  for (const p of parts) {
    const data = (p as { data: TypedArray }).data as Uint8Array;
    (out as Uint8Array).set(data, offset);
    offset += data.length;
  }
  return { type: first.type, shape, data: out } as Tensor;
}

/** What went wrong with the exactly-once rule for one response. */
export interface KeyAccount {
  missing: string[];
  duplicated: string[];
  unexpected: string[];
}

/** Checks that every input key appears exactly once among output keys and row errors. */
export function accountKeys(
  inputKeys: readonly string[],
  outputKeys: readonly string[],
  errors: readonly Pick<RowError, 'key'>[],
): KeyAccount {
  const expected = new Set(inputKeys);
  const seen = new Map<string, number>();
  for (const k of outputKeys) seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const e of errors) if (e.key !== '') seen.set(e.key, (seen.get(e.key) ?? 0) + 1);
  const account: KeyAccount = { missing: [], duplicated: [], unexpected: [] };
  for (const k of inputKeys) {
    const n = seen.get(k) ?? 0;
    if (n === 0) account.missing.push(k);
    if (n > 1) account.duplicated.push(k);
  }
  for (const k of seen.keys()) if (!expected.has(k)) account.unexpected.push(k);
  return account;
}
