import { parseColour } from './colour.js';
import type { PreprocessConfig } from './preprocess-config.js';
import { PreprocessError } from './preprocess-error.js';

/** Largest accepted output side: bounds the output tensor a request can ask for. */
export const MAX_SIZE_SIDE = 4096;

type Fields = Partial<PreprocessConfig>;

/** A bad value; {@link parseConfigFields} adds which key (and where) it was. */
class BadValue extends Error {}

function oneOf<T extends string>(allowed: readonly T[], normalise: (s: string) => string) {
  return (value: unknown): T => {
    const text = typeof value === 'string' ? normalise(value.trim()) : undefined;
    const found = allowed.find((a) => a === text);
    if (found === undefined) throw new BadValue(`must be one of ${allowed.join('|')} (got ${show(value)})`);
    return found;
  };
}

const lower = (s: string): string => s.toLowerCase();
const upper = (s: string): string => s.toUpperCase();
const fit = oneOf(['fill', 'cover', 'contain'], lower);
const profile = oneOf(['vgg', 'inception', 'torch', 'unit', 'raw'], lower);
const dtype = oneOf(['float32', 'uint8'], lower);
const layout = oneOf(['NHWC', 'NCHW'], upper);
const kernel = oneOf(['nearest', 'linear', 'cubic', 'mitchell', 'lanczos3'], lower);

function size(value: unknown): [number, number] {
  const sides = typeof value === 'number' ? [value, value] : value;
  const side = (v: unknown): v is number =>
    Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SIZE_SIDE;
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every(side)) {
    throw new BadValue(
      `must be [height, width] (or one number) of integers 1..${MAX_SIZE_SIDE} (got ${show(value)})`,
    );
  }
  return [sides[0] as number, sides[1] as number];
}

function check<T>(ok: (v: unknown) => v is T, expected: string) {
  return (value: unknown): T => {
    if (!ok(value)) throw new BadValue(`must be ${expected} (got ${show(value)})`);
    return value;
  };
}

const PARSERS: { [K in keyof PreprocessConfig]: (value: unknown) => PreprocessConfig[K] } = {
  size,
  channels: check((v): v is 1 | 3 => v === 1 || v === 3, '1 or 3'),
  fit,
  profile,
  invert: check((v): v is boolean => typeof v === 'boolean', 'true or false'),
  dtype,
  layout,
  background: (value) => {
    const rgb = parseColour(value);
    if (!rgb)
      throw new BadValue(`must be '#rrggbb', '#rgb', white|black|gray or [r,g,b] (got ${show(value)})`);
    return rgb;
  },
  kernel,
};

/**
 * Validates each key of a config object. `strict` rejects unknown keys (request configs, to catch
 * typos); model hints are read leniently so a model can carry keys a newer preprocessor knows.
 * A `null` value counts as absent. Errors are `BAD_REQUEST` naming `${keyPrefix}${key}`.
 */
export function parseConfigFields(
  input: Record<string, unknown>,
  options: { strict: boolean; keyPrefix?: string; source?: string },
): Fields {
  const { keyPrefix = '', source = 'preprocess config' } = options;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const named = `${keyPrefix}${key}`;
    if (!Object.hasOwn(PARSERS, key)) {
      if (!options.strict) continue;
      const known = Object.keys(PARSERS).join(', ');
      throw new PreprocessError('BAD_REQUEST', `${source} '${named}': unknown key (known: ${known})`, {
        key: named,
      });
    }
    if (value === null || value === undefined) continue;
    try {
      fields[key] = PARSERS[key as keyof PreprocessConfig](value);
    } catch (error) {
      if (!(error instanceof BadValue)) throw error;
      throw new PreprocessError('BAD_REQUEST', `${source} '${named}': ${error.message}`, { key: named });
    }
  }
  return fields as Fields;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
