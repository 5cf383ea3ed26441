import type { Deadline } from '@tensorhop/protocol';
import { DownloadError, isDownloadError } from './errors.js';

/** Error codes (undici's and Node's) meaning the connection broke under a request: worth a retry. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Codes meaning a timer ran out inside undici or the OS. */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Turns anything thrown while fetching into a DownloadError with a stable code. An aborted
 * deadline wins over whatever error the abort caused, so a cut-off read reports a timeout.
 */
export function classifyFailure(error: unknown, deadline: Deadline, timeoutMs: number): DownloadError {
  if (deadline.signal.aborted) {
    return new DownloadError(
      'DOWNLOAD_TIMEOUT',
      deadline.timedOut ? `no complete response within ${timeoutMs} ms` : 'download aborted by the caller',
    );
  }
  if (isDownloadError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new DownloadError('DOWNLOAD_TIMEOUT', `timed out: ${message}`);
  }
  if (typeof code === 'string' && RESET_CODES.has(code)) {
    return new DownloadError('DOWNLOAD_NETWORK', `connection lost: ${message}`, true);
  }
  return new DownloadError('DOWNLOAD_NETWORK', typeof code === 'string' ? `${code}: ${message}` : message);
}
