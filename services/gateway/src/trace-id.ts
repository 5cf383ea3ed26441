/**
 * Trace ids for requests that come without one: a random per-process prefix and a counter, 16 hex
 * characters. Unique is all a trace id needs to be; drawing 8 random bytes per request costs a
 * syscall (OpenSSL checks the pid on every draw), which shows at tens of thousands of requests/s.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const prefix = randomBytes(4).toString('hex');
let counter = randomBytes(4).readUInt32BE(0);

export function newTraceId(): string {
  counter = (counter + 1) >>> 0;
  return prefix + counter.toString(16).padStart(8, '0');
}

/** The caller's `x-trace-id` when it is a sane token, else a new one. */
export function traceIdOf(req: IncomingMessage): string {
  const header = req.headers['x-trace-id'];
  return typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : newTraceId();
}
