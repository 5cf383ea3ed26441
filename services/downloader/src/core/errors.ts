import type { ErrorCode } from '@tensorhop/protocol';

/** Codes a download can fail with: every DOWNLOAD_* code of the one error table, and OVERLOADED. */
export type DownloadErrorCode = Extract<ErrorCode, `DOWNLOAD_${string}` | 'OVERLOADED'>;

/** Outcome of one download: the image bytes, or a failure with a stable code. */
export type DownloadResult =
  | {
      ok: true;
      bytes: Buffer;
      /** Media type, from the magic bytes when recognised, else from the response. */
      contentType: string;
      /** Final URL after redirects (the input for `data:` URLs). */
      url: string;
    }
  | { ok: false; code: DownloadErrorCode; message: string };

/** Failure result of a download (the `ok: false` arm of {@link DownloadResult}). */
export type DownloadFailure = Extract<DownloadResult, { ok: false }>;

/**
 * Internal failure raised inside the downloader and turned into a {@link DownloadResult} at its
 * edge; `download()` itself never throws it.
 */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';

  constructor(
    readonly code: DownloadErrorCode,
    message: string,
    /** Whether another attempt may succeed (429, 5xx, connection reset). */
    readonly retryable = false,
    /** Server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Type guard that also works across two copies of this module. */
export function isDownloadError(error: unknown): error is DownloadError {
  return error instanceof DownloadError || (error as { name?: unknown } | null)?.name === 'DownloadError';
}
