/**
 * Sends one fuzz case and checks the promise of the protocol from outside: an answer within the
 * deadline, a status from the error table, Retry-After on every 429/503, codes from the error
 * table, a request-level error with its code's own status, and — once rows were accepted — every
 * key exactly once (as an output row or a row error).
 */
import {
  ERRORS,
  accountKeys,
  commonRowCount,
  decodeInferResponse,
  decodeRequest,
  encodingOf,
  isErrorCode,
  resolveKeys,
} from '@tensorhop/protocol';
import type { FuzzCase } from './cases.js';

/** The stages' default TENSORHOP_<NAME>_MAX_ROWS. */
const MAX_ROWS = 4096;
const STATUSES = new Set<number>([200, ...Object.values(ERRORS).map((e) => e.status)]);

/** The keys the stage must answer for, as its own decoder sees the body; undefined if refused. */
function expectedKeys(c: FuzzCase): string[] | undefined {
  const encoding = encodingOf(c.contentType);
  if (!encoding) return undefined;
  try {
    const request = decodeRequest(c.body, encoding);
    if (!('infer' in request)) return undefined;
    const rows = commonRowCount(request.infer.inputs);
    // Past the stages' row bound the request must be refused; never build its keys here either.
    if (rows > MAX_ROWS || request.infer.keys.length > MAX_ROWS) return undefined;
    return resolveKeys(request.infer.keys, rows);
  } catch {
    return undefined;
  }
}

export interface Verdict {
  status: number;
  ms: number;
  /** Codes seen in the reply (request-level and row errors). */
  codes: string[];
  problem?: string;
}

export async function checkCase(base: string, c: FuzzCase, deadlineMs: number): Promise<Verdict> {
  const started = Date.now();
  let res: Response;
  let body: Uint8Array;
  try {
    res = await fetch(`${base}${c.path}`, {
      method: 'POST',
      headers: c.contentType === undefined ? {} : { 'content-type': c.contentType },
      body: typeof c.body === 'string' ? c.body : Buffer.from(c.body),
      signal: AbortSignal.timeout(deadlineMs),
    });
    body = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    const ms = Date.now() - started;
    return { status: 0, ms, codes: [], problem: `no answer after ${ms} ms: ${(error as Error).message}` };
  }
  const ms = Date.now() - started;
  const v: Verdict = { status: res.status, ms, codes: [] };
  const fail = (problem: string): Verdict => ({ ...v, problem });
  if (!STATUSES.has(res.status)) return fail(`undocumented status ${res.status}`);
  if ((res.status === 429 || res.status === 503) && !res.headers.get('retry-after'))
    return fail(`${res.status} without Retry-After`);
  if (c.path !== '/') return v; // other routes (TF Serving, 404) answer in their own formats
  const expected = expectedKeys(c);
  const encoding = encodingOf(res.headers.get('content-type') ?? '');
  if (res.status === 200 && expected === undefined) {
    // A metadata request, or a body our own decoder refuses: it must not have been taken as infer.
    return v;
  }
  if (!encoding) return fail(`reply content-type ${res.headers.get('content-type')}`);
  let reply;
  try {
    reply = decodeInferResponse(body, encoding);
  } catch (error) {
    return fail(`reply does not decode: ${(error as Error).message}`);
  }
  v.codes = reply.errors.map((e) => e.code);
  const unknown = v.codes.filter((code) => !isErrorCode(code));
  if (unknown.length) return fail(`undocumented codes ${unknown.join(', ')}`);
  // INTERNAL is in the table, but it means a bug: no input may provoke it.
  const internal = reply.errors.find((e) => e.code === 'INTERNAL');
  if (internal) return fail(`INTERNAL (${internal.stage}): ${internal.message}`);
  const requestLevel = reply.errors.find((e) => e.key === '');
  if (requestLevel) {
    if (res.status === 200) return fail(`200 with a request-level error ${requestLevel.code}`);
    const want = ERRORS[requestLevel.code as keyof typeof ERRORS].status;
    if (want !== res.status)
      return fail(`${requestLevel.code} answered ${res.status}, the table says ${want}`);
    if (reply.keys.length || reply.errors.length > 1) return fail('a request-level error beside rows');
    return v;
  }
  if (expected === undefined) return fail(`status ${res.status} with rows for a body the codec refuses`);
  const account = accountKeys(expected, reply.keys, reply.errors);
  if (account.missing.length || account.duplicated.length || account.unexpected.length)
    return fail(`keys not exactly once: ${JSON.stringify(account).slice(0, 300)}`);
  return v;
}
