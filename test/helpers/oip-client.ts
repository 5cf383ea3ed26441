/**
 * A small OIP REST client for the tests, sending requests the way Triton's `tritonclient.http`
 * does (JSON header, binary parts, `Inference-Header-Content-Length`), and checking every body it
 * receives against the spec's schema.
 */
import assert from 'node:assert/strict';
import { assertOipSchema } from './oip-schema.js';

export interface OipOutput {
  name: string;
  datatype: string;
  shape: number[];
  parameters?: Record<string, unknown>;
  data?: unknown[];
}

export interface OipReply {
  status: number;
  headers: Headers;
  json: {
    id?: string;
    model_name?: string;
    model_version?: string;
    parameters?: Record<string, string>;
    outputs?: OipOutput[];
    error?: string;
    code?: string;
  };
  /** Binary parts of the reply, by output name. */
  binary: Map<string, Buffer>;
}

/** BYTES elements in the extension's binary form: a 4-byte little-endian length, then the bytes. */
export function lengthPrefixed(items: readonly (string | Uint8Array)[]): Buffer {
  return Buffer.concat(
    items.flatMap((item) => {
      const bytes = typeof item === 'string' ? Buffer.from(item) : Buffer.from(item);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(bytes.length);
      return [size, bytes];
    }),
  );
}

/** Elements of a length-prefixed BYTES part, as UTF-8 strings. */
export function splitLengthPrefixed(part: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < part.length;) {
    const size = part.readUInt32LE(at);
    out.push(part.subarray(at + 4, at + 4 + size).toString('utf8'));
    at += 4 + size;
  }
  return out;
}

/** POSTs an inference request (with binary parts after the JSON when given) and checks the reply's schema. */
export async function oipInfer(
  url: string,
  json: unknown,
  parts: readonly Buffer[] = [],
  headers: Record<string, string> = {},
): Promise<OipReply> {
  const header = Buffer.from(JSON.stringify(json));
  const binary = parts.length > 0;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': binary ? 'application/octet-stream' : 'application/json',
      ...(binary ? { 'inference-header-content-length': String(header.length) } : {}),
      ...headers,
    },
    body: binary ? Buffer.concat([header, ...parts]) : header,
  });
  const body = Buffer.from(await res.arrayBuffer());
  const length = res.headers.get('inference-header-content-length');
  const jsonLength = length === null ? body.length : Number(length);
  const reply = JSON.parse(body.subarray(0, jsonLength).toString('utf8')) as OipReply['json'];
  const out = new Map<string, Buffer>();
  let at = jsonLength;
  for (const o of reply.outputs ?? []) {
    const size = o.parameters?.binary_data_size;
    if (typeof size !== 'number') continue;
    out.set(o.name, body.subarray(at, at + size));
    at += size;
  }
  assert.equal(at, body.length, 'binary parts fill the body');
  assertOipSchema(res.status === 200 ? 'inference_response' : 'inference_error_response', reply);
  return { status: res.status, headers: res.headers, json: reply, binary: out };
}

/** GETs an OIP path; the body is parsed JSON. */
export async function oipGet(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The tensorhop fields of a reply's parameters, parsed. */
export function tensorhopFields(reply: OipReply) {
  const p = reply.json.parameters ?? {};
  return {
    keys: JSON.parse(p.tensorhop_keys ?? '[]') as string[],
    errors: JSON.parse(p.tensorhop_errors ?? '[]') as { key: string; code: string; stage: string }[],
    trace: JSON.parse(p.tensorhop_trace ?? '[]') as { stage: string }[],
  };
}
