/**
 * The one error type of tensorhop. Every failure a client can see carries a stable `code`
 * (extend the table, never rename) and the HTTP status that goes with it.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_HOP: 400,
  HOP_LIMIT: 508,
  HOP_UNAVAILABLE: 502,
  HOP_TIMEOUT: 504,
  OVERLOADED: 429,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  DOWNLOAD_INVALID_URL: 400,
  DOWNLOAD_BLOCKED: 403,
  DOWNLOAD_HTTP_STATUS: 502,
  DOWNLOAD_TIMEOUT: 504,
  DOWNLOAD_TOO_LARGE: 413,
  DOWNLOAD_NOT_IMAGE: 415,
  DOWNLOAD_NETWORK: 502,
  IMAGE_DECODE: 400,
  IMAGE_TOO_LARGE: 413,
  SHAPE_MISMATCH: 400,
  INFER_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

export interface TensorhopErrorOptions {
  /** HTTP status; @default the status of the code */
  status?: number;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** Stage that raised it; the service kit fills in its own name when absent. */
  stage?: string;
  cause?: unknown;
}

export class TensorhopError extends Error {
  override readonly name = 'TensorhopError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly stage: string | undefined;

  constructor(code: ErrorCode, message: string, options: TensorhopErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.stage = options.stage;
  }
}

/** Type guard that also works across two copies of this package. */
export function isTensorhopError(error: unknown): error is TensorhopError {
  return (
    error instanceof TensorhopError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'TensorhopError' &&
      isErrorCode((error as { code?: unknown }).code))
  );
}

/** Any thrown value as a TensorhopError; unknown errors become INTERNAL without their details. */
export function toTensorhopError(error: unknown): TensorhopError {
  if (isTensorhopError(error)) return error;
  return new TensorhopError('INTERNAL', 'internal error', { cause: error });
}

/** Shorthand for the most common failure: the caller sent something malformed. */
export function badRequest(message: string): TensorhopError {
  return new TensorhopError('BAD_REQUEST', message);
}
