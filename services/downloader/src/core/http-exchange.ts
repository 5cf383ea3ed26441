import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { parseRetryAfter } from '@tensorhop/protocol';
import { DownloadError } from './errors.js';

/** What one HTTP request/response yielded: a redirect to follow, or a body within the cap. */
export type ExchangeOutcome =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'body'; bytes: Buffer; contentType: string | undefined };

/** Options of {@link exchange}. */
export interface ExchangeOptions {
  maxBytes: number;
  userAgent: string;
  signal: AbortSignal;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Error bodies and redirect bodies are read up to this much to keep the connection reusable. */
const DISCARD_LIMIT = 64 * 1024;

/**
 * Sends one GET (redirects are not followed here: the caller re-checks each target) and reads
 * the body, cutting the connection as soon as it passes `maxBytes`.
 * @throws DownloadError for a non-2xx status (retryable on 429 and 5xx) or a body over the cap;
 *   network errors are thrown as they come from undici
 */
export async function exchange(
  dispatcher: Dispatcher,
  url: URL,
  options: ExchangeOptions,
): Promise<ExchangeOutcome> {
  const { statusCode, headers, body } = await dispatcher.request({
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: {
      'user-agent': options.userAgent,
      accept: 'image/*,*/*;q=0.5',
      // Bytes are handed on as fetched; a compressed transfer would defeat the byte cap.
      'accept-encoding': 'identity',
    },
    signal: options.signal,
  });
  if (REDIRECT_STATUSES.has(statusCode)) {
    await discard(body);
    const location = firstHeader(headers.location);
    if (location === undefined) {
      throw new DownloadError(
        'DOWNLOAD_HTTP_STATUS',
        `HTTP ${statusCode} redirect without a Location header`,
      );
    }
    return { kind: 'redirect', status: statusCode, location };
  }
  if (statusCode < 200 || statusCode >= 300) {
    await discard(body);
    const retryable = statusCode === 429 || statusCode >= 500;
    const retryAfterSeconds = parseRetryAfter(headers['retry-after']);
    throw new DownloadError(
      'DOWNLOAD_HTTP_STATUS',
      `HTTP status ${statusCode} from ${url.host}`,
      retryable,
      retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
    );
  }
  const declared = Number(firstHeader(headers['content-length']) ?? Number.NaN);
  if (declared > options.maxBytes) {
    body.destroy();
    throw tooLarge(`Content-Length ${declared} is over the limit of ${options.maxBytes} bytes`);
  }
  const bytes = await readCapped(body, options.maxBytes);
  return { kind: 'body', bytes, contentType: firstHeader(headers['content-type']) };
}

/** Reads a stream to the end, destroying it (and so the connection) once past `maxBytes`. */
export async function readCapped(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge(`body is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: DISCARD_LIMIT });
  } catch {
    // A body we do not want failing to drain only costs the connection, which undici drops.
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function tooLarge(message: string): DownloadError {
  return new DownloadError('DOWNLOAD_TOO_LARGE', message);
}
