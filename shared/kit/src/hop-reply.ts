/**
 * A downstream reply made whole: once a stage has worked its rows and forwarded them, each
 * forwarded key must come back exactly once whatever the hop did. Keys the reply leaves out (a
 * request-level error from the hop, a refused connection, a timeout) become row errors with the
 * hop's code and the hop's name as their stage; keys the stage never sent are dropped.
 */
import { type InferResponse, type RowError, isErrorCode } from '@tensorhop/protocol';

export function accountForwarded(
  forwarded: readonly string[],
  reply: InferResponse,
  hop: string,
): InferResponse {
  const expected = new Set(forwarded);
  const seen = new Set<string>();
  for (const k of reply.keys) {
    // A reply with rows this stage never sent, or twice, cannot be trusted row by row.
    if (!expected.has(k) || seen.has(k)) return untrusted(forwarded, reply, hop);
    seen.add(k);
  }
  const requestLevel = reply.errors.find((e) => e.key === '');
  const errors: RowError[] = [];
  for (const e of reply.errors) {
    if (e.key === '' || !expected.has(e.key) || seen.has(e.key)) continue;
    seen.add(e.key);
    errors.push(e);
  }
  if (!requestLevel && errors.length === reply.errors.length && seen.size === forwarded.length) return reply;
  const code = requestLevel && isErrorCode(requestLevel.code) ? requestLevel.code : 'HOP_UNAVAILABLE';
  const message = requestLevel
    ? `hop ${JSON.stringify(hop)}: ${requestLevel.message}`
    : `hop ${JSON.stringify(hop)} did not return this row`;
  for (const key of forwarded) if (!seen.has(key)) errors.push({ key, code, message, stage: hop });
  return { ...reply, errors };
}

function untrusted(forwarded: readonly string[], reply: InferResponse, hop: string): InferResponse {
  const message = `hop ${JSON.stringify(hop)} answered for keys it was not sent`;
  return {
    ...reply,
    outputNames: [],
    outputs: [],
    keys: [],
    errors: forwarded.map((key) => ({ key, code: 'INTERNAL', message, stage: hop })),
  };
}
