/**
 * The error table is a contract: each code has one HTTP status and one meaning, codes are only ever
 * added, and the README's table says the same as the code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERRORS, ERROR_STATUS, TensorhopError, isTransientCode, type ErrorCode } from '@tensorhop/protocol';

/** Pinned by hand: changing a status or dropping a code must fail here first. */
const PINNED: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  UNKNOWN_HOP: 400,
  HOP_LIMIT: 508,
  HOP_UNAVAILABLE: 502,
  HOP_TIMEOUT: 504,
  OVERLOADED: 429,
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
  INPUT_NOT_FINITE: 400,
  INFER_FAILED: 500,
  INTERNAL: 500,
};

test('every code has the pinned status, and no code is missing or extra', () => {
  assert.deepEqual(ERROR_STATUS, PINNED);
  for (const [code, e] of Object.entries(ERRORS)) {
    assert.ok(e.meaning.length > 10, `${code} says what it means`);
    const error = new TensorhopError(code as ErrorCode, 'x');
    assert.equal(error.status, PINNED[code as ErrorCode], `${code} is raised with its one status`);
  }
});

test('transient codes carry Retry-After by default; others do not', () => {
  for (const code of Object.keys(PINNED) as ErrorCode[]) {
    const error = new TensorhopError(code, 'x');
    assert.equal(error.retryAfterSeconds !== undefined, isTransientCode(code), code);
  }
  assert.deepEqual((Object.keys(PINNED) as ErrorCode[]).filter(isTransientCode).sort(), [
    'HOP_TIMEOUT',
    'HOP_UNAVAILABLE',
    'OVERLOADED',
    'UNAVAILABLE',
  ]);
});

test("the README's error table lists every code with its status and meaning, in the table's order", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('<!-- error-table');
  assert.ok(start > 0, 'README has the error table marker');
  const rows = readme
    .slice(start)
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map(([, code, status, meaning]) => [code?.replaceAll('`', ''), Number(status), meaning]);
  const expected = Object.entries(ERRORS).map(([code, e]) => [code, e.status, e.meaning]);
  assert.deepEqual(rows.slice(0, expected.length), expected);
});
