/**
 * Typed configuration: a schema with defaults, read from the environment under a prefix, with
 * explicit values winning over the environment. A bad value throws a ConfigError that names the
 * variable, so a service stops at start-up instead of running half-configured.
 */
interface Common<T> {
  /** Variable name; @default the prefix + the key in SCREAMING_SNAKE_CASE */
  env?: string;
  doc?: string;
  /**
   * A further check of a parsed value (a CIDR list, a JSON object's fields): returns why the value
   * is bad, or undefined. It runs on environment values and explicit ones alike.
   */
  check?: (value: T) => string | undefined;
}

export type FieldSpec =
  | ({ type: 'int'; default: number; min?: number; max?: number } & Common<number>)
  | ({ type: 'number'; default: number; min?: number; max?: number } & Common<number>)
  | ({ type: 'string'; default: string } & Common<string>)
  | ({ type: 'bool'; default: boolean } & Common<boolean>)
  | ({ type: 'enum'; values: readonly string[]; default: string } & Common<string>)
  | ({ type: 'list'; default: readonly string[] } & Common<string[]>)
  | ({ type: 'map'; default: Readonly<Record<string, string>> } & Common<Record<string, string>>);

export type Schema = Record<string, FieldSpec>;

/** The value type of a field; an enum keeps its literal union. */
type ValueOf<F extends FieldSpec> = F extends { type: 'int' | 'number' }
  ? number
  : F extends { type: 'bool' }
    ? boolean
    : F extends { type: 'list' }
      ? string[]
      : F extends { type: 'map' }
        ? Record<string, string>
        : F extends { type: 'enum'; values: readonly (infer V extends string)[] }
          ? V
          : string;

export type ConfigOf<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** `maxBatchSize` → `MAX_BATCH_SIZE`. */
export function envName(prefix: string, key: string): string {
  return prefix + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function parseNumber(spec: { min?: number; max?: number }, raw: string, int: boolean, name: string): number {
  const value = Number(raw.trim());
  const range = `${spec.min ?? '-∞'}..${spec.max ?? '∞'}`;
  if (raw.trim() === '' || !Number.isFinite(value) || (int && !Number.isInteger(value))) {
    throw new ConfigError(
      name,
      `expected ${int ? 'an integer' : 'a number'} in ${range}, got ${JSON.stringify(raw)}`,
    );
  }
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    throw new ConfigError(name, `${value} is outside ${range}`);
  }
  return value;
}

/** `a=x,b=y` (or `;`-separated) into a record; a name may appear once. */
export function parseMap(raw: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split(/[;,](?=\s*[\w.-]+\s*=)/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq <= 0 || key === '')
      throw new ConfigError(name, `expected name=value pairs, got ${JSON.stringify(part)}`);
    if (Object.hasOwn(out, key)) throw new ConfigError(name, `${key} is given twice`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

function parse(spec: FieldSpec, raw: string, name: string): unknown {
  switch (spec.type) {
    case 'int':
      return parseNumber(spec, raw, true, name);
    case 'number':
      return parseNumber(spec, raw, false, name);
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
      throw new ConfigError(name, `expected true or false, got ${JSON.stringify(raw)}`);
    }
    case 'enum':
      if (!spec.values.includes(raw.trim())) {
        throw new ConfigError(name, `expected one of ${spec.values.join('|')}, got ${JSON.stringify(raw)}`);
      }
      return raw.trim();
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'map':
      return parseMap(raw, name);
    case 'string':
      return raw;
  }
}

export interface LoadOptions<S extends Schema> {
  /** Prefix of the environment names, e.g. `TENSORHOP_DOWNLOADER_`. */
  prefix: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Values that win over the environment (e.g. from a test). */
  explicit?: Partial<ConfigOf<S>>;
}

/** Explicit value, then environment, then default; throws ConfigError naming the first bad variable. */
export function loadConfig<S extends Schema>(schema: S, options: LoadOptions<S>): ConfigOf<S> {
  const env = options.env ?? process.env;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const name = spec.env ?? envName(options.prefix, key);
    const explicit = (options.explicit as Record<string, unknown> | undefined)?.[key];
    const raw = env[name];
    if (explicit !== undefined) out[key] = explicit;
    else if (raw !== undefined && !(raw === '' && spec.type !== 'string')) out[key] = parse(spec, raw, name);
    else out[key] = structuredClone(spec.default);
    const problem = (spec.check as ((v: unknown) => string | undefined) | undefined)?.(out[key]);
    if (problem !== undefined) throw new ConfigError(name, problem);
  }
  return out as ConfigOf<S>;
}

/** Markdown table rows of a schema, for the README and `--help`. */
export function describeConfig(schema: Schema, prefix: string): string[] {
  return Object.entries(schema).map(([key, spec]) => {
    const def = typeof spec.default === 'object' ? JSON.stringify(spec.default) : String(spec.default);
    return `| \`${spec.env ?? envName(prefix, key)}\` | ${def} | ${spec.doc ?? ''} |`;
  });
}
