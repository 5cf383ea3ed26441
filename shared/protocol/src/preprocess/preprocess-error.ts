import type { ErrorCode } from '../errors.js';

/** Codes of the one error table a whole preprocess call can fail with. */
export type PreprocessErrorCode = Extract<ErrorCode, 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'OVERLOADED'>;

/** Codes a single image (row) can fail with (every IMAGE_* code); the other rows still succeed. */
export type ImageErrorCode = Extract<ErrorCode, `IMAGE_${string}`>;

/**
 * A request-level failure of the preprocessor core: a bad config, a batch whose output would be too
 * large, or a full queue. The service maps `code` to its HTTP status and `RowError`.
 */
export class PreprocessError extends Error {
  override readonly name = 'PreprocessError';
  readonly code: PreprocessErrorCode;
  /** The config key at fault, when there is one (e.g. `'dtype'`, `'size'`). */
  readonly key: string | undefined;

  constructor(code: PreprocessErrorCode, message: string, options: { key?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.key = options.key;
  }
}

/** True for a {@link PreprocessError}, also across duplicate copies of this package. */
export function isPreprocessError(value: unknown): value is PreprocessError {
  return (
    value instanceof Error &&
    value.name === 'PreprocessError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Shorthand for the config validators: a BAD_REQUEST naming the key. */
export function badConfig(key: string, message: string): PreprocessError {
  return new PreprocessError('BAD_REQUEST', `preprocess config '${key}': ${message}`, { key });
}
