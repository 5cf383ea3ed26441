/**
 * The model service's failures, each with a stable `code` from the contract and its HTTP status.
 *
 * Shaped exactly like `TensorhopError` of `@tensorhop/protocol` (same `name`, fields and
 * constructor) so the shared `isTensorhopError` guard already accepts it; swap the import for the
 * shared class once the protocol package is built.
 */
export const MODEL_ERROR_STATUS = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  OVERLOADED: 429,
  IMAGE_DECODE: 400,
  IMAGE_TOO_LARGE: 413,
  SHAPE_MISMATCH: 400,
  INFER_FAILED: 500,
  INTERNAL: 500,
} as const;

/** Codes the model service raises. */
export type ModelErrorCode = keyof typeof MODEL_ERROR_STATUS;

/** Options of {@link TensorhopError}. */
export interface ModelErrorOptions {
  /** HTTP status; @default the status of the code */
  status?: number;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** A failure with a stable code; see {@link MODEL_ERROR_STATUS}. */
export class TensorhopError extends Error {
  override readonly name = 'TensorhopError';
  readonly code: ModelErrorCode;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly stage: string | undefined = undefined;

  constructor(code: ModelErrorCode, message: string, options: ModelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? MODEL_ERROR_STATUS[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Type guard that also works across two copies of this class (it checks `name` and `code`). */
export function isTensorhopError(error: unknown): error is TensorhopError {
  if (error instanceof TensorhopError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'TensorhopError' && typeof code === 'string';
}

/** The caller sent something malformed (400), or named something that does not exist (404). */
export function badRequest(message: string, status = 400): TensorhopError {
  return new TensorhopError('BAD_REQUEST', message, { status });
}
