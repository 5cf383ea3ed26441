/**
 * The one error table of tensorhop. Every failure a client can see carries a stable `code`
 * (extend the table, never rename), and each code has exactly one HTTP status.
 */
export const ERRORS = {
  BAD_REQUEST: { status: 400, meaning: 'the request is malformed (body, tensors, keys, config)' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'over a bound: body bytes, rows, elements or reply size' },
  REQUEST_TIMEOUT: { status: 408, meaning: 'the request body did not arrive within the body deadline' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'the Content-Type is neither protobuf nor JSON' },
  UNAUTHORIZED: { status: 401, meaning: 'a missing or wrong API key' },
  NOT_FOUND: { status: 404, meaning: 'no such route or model' },
  UNKNOWN_HOP: { status: 400, meaning: 'a route names a hop that is not in the hop table' },
  HOP_LIMIT: { status: 508, meaning: 'hops_left ran out, or is above the limit of 8' },
  HOP_UNAVAILABLE: { status: 502, meaning: 'the next hop could not be reached or failed' },
  HOP_TIMEOUT: { status: 504, meaning: 'the next hop did not answer within the hop deadline' },
  OVERLOADED: { status: 429, meaning: 'too much work in progress; retry after Retry-After' },
  UNAVAILABLE: { status: 503, meaning: 'not ready, draining, or no replica at all; retry later' },
  DOWNLOAD_INVALID_URL: { status: 400, meaning: 'not an http(s) or data: URL' },
  DOWNLOAD_BLOCKED: { status: 403, meaning: 'the SSRF guard refused the address' },
  DOWNLOAD_HTTP_STATUS: { status: 502, meaning: 'the origin answered with an error status' },
  DOWNLOAD_TIMEOUT: { status: 504, meaning: 'the download did not finish within its deadline' },
  DOWNLOAD_TOO_LARGE: { status: 413, meaning: 'the download passed the byte cap' },
  DOWNLOAD_NOT_IMAGE: { status: 415, meaning: 'the bytes are not an image format the chain reads' },
  DOWNLOAD_NETWORK: { status: 502, meaning: 'DNS, connection or TLS failure' },
  IMAGE_DECODE: { status: 400, meaning: 'the image bytes cannot be decoded' },
  IMAGE_TOO_LARGE: { status: 413, meaning: 'the image passes the pixel or byte limit' },
  SHAPE_MISMATCH: { status: 400, meaning: "the tensor does not fit the model's signature" },
  INPUT_NOT_FINITE: { status: 400, meaning: 'a float input holds NaN or Infinity' },
  INFER_FAILED: { status: 500, meaning: 'the model failed on this row' },
  INTERNAL: { status: 500, meaning: 'a bug; details are in the service log, not on the wire' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Code → HTTP status, derived from the table. */
export const ERROR_STATUS = Object.fromEntries(
  Object.entries(ERRORS).map(([code, e]) => [code, e.status]),
) as { readonly [C in ErrorCode]: (typeof ERRORS)[C]['status'] };

/** Codes a client may retry as they are: the work was refused or lost for a passing reason. */
export const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'OVERLOADED',
  'UNAVAILABLE',
  'HOP_UNAVAILABLE',
  'HOP_TIMEOUT',
]);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

/** True for codes whose rows can be sent again unchanged (see TRANSIENT_CODES). */
export function isTransientCode(code: string): boolean {
  return isErrorCode(code) && TRANSIENT_CODES.has(code);
}

export interface TensorhopErrorOptions {
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** Stage that raised it; the service kit fills in its own name when absent. */
  stage?: string;
  cause?: unknown;
}

export class TensorhopError extends Error {
  override readonly name = 'TensorhopError';
  readonly code: ErrorCode;
  /** Always the status of the code in the table. */
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly stage: string | undefined;

  constructor(code: ErrorCode, message: string, options: TensorhopErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERRORS[code].status;
    this.retryAfterSeconds = options.retryAfterSeconds ?? (TRANSIENT_CODES.has(code) ? 1 : undefined);
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
