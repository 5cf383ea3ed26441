/** What one input is (a URL or image bytes), and the shapes `classify()` accepts and gives back. */
import type { ClassifyResult, ImageInput } from './types.js';

export type Source = { url: string } | { bytes: Uint8Array } | { invalid: string };

const hasBlob = typeof Blob !== 'undefined';

/** True for one image (as opposed to a collection of them). */
export function isImageInput(value: unknown): value is ImageInput {
  return (
    typeof value === 'string' ||
    value instanceof URL ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (hasBlob && value instanceof Blob)
  );
}

/** Where one input goes: URLs to the downloader, bytes to the preprocessor; anything else is refused alone. */
export async function sourceOf(value: unknown): Promise<Source> {
  if (typeof value === 'string') return { url: value };
  if (value instanceof URL) return { url: value.href };
  if (value instanceof Uint8Array) return { bytes: value };
  if (value instanceof ArrayBuffer) return { bytes: new Uint8Array(value) };
  if (hasBlob && value instanceof Blob) {
    try {
      return { bytes: new Uint8Array(await value.arrayBuffer()) };
    } catch (error) {
      return { invalid: `the Blob could not be read: ${(error as Error).message}` };
    }
  }
  const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { invalid: `an input is a URL or image bytes (Uint8Array, ArrayBuffer, Blob), not ${what}` };
}

/** A collection of inputs keyed by position (array), by Map key, or by property (plain object). */
export type InputCollection<K = unknown> =
  readonly ImageInput[] | ReadonlyMap<K, ImageInput> | Readonly<Record<string, ImageInput>>;

/** The values of any accepted input, in order; `rebuild` gives results the same shape. */
export function flatten(inputs: ImageInput | InputCollection): {
  values: unknown[];
  rebuild(results: ClassifyResult[]): unknown;
} {
  if (isImageInput(inputs)) return { values: [inputs], rebuild: (r) => r[0] };
  if (Array.isArray(inputs)) return { values: [...(inputs as unknown[])], rebuild: (r) => r };
  if (inputs instanceof Map) {
    const keys = [...inputs.keys()];
    return { values: [...inputs.values()], rebuild: (r) => new Map(keys.map((k, i) => [k, r[i]])) };
  }
  if (typeof inputs === 'object' && inputs !== null) {
    const keys = Object.keys(inputs);
    const values = keys.map((k) => (inputs as Record<string, unknown>)[k]);
    return { values, rebuild: (r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])) };
  }
  return { values: [inputs], rebuild: (r) => r[0] };
}
