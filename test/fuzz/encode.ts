/**
 * Fuzz requests onto the wire: protobuf (through the generated encoder, so unknown enum values and
 * any shape can be written) or the proto3 JSON mapping with odd JSON values, then, for some cases,
 * byte-level mutations (flips, cuts, insertions, repeats) or bytes that were never a request.
 */
import { pb } from '@tensorhop/protocol';
import type { Random } from '../helpers/seeded-random.js';
import type { RawRequest } from './requests.js';

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

export function toProtobuf(req: RawRequest): Uint8Array {
  return pb.Request.encode({
    infer: {
      config: req.config,
      inputNames: req.inputNames,
      inputTensors: req.inputs.map((t) => ({
        type: t.type,
        shape: t.shape,
        ...(t.data ? { data: t.data } : {}),
        ...(t.stringVal ? { stringVal: t.stringVal } : {}),
      })),
      outputNames: req.outputNames,
      keys: req.keys,
      ...(req.route ? { route: req.route } : {}),
      traceId: req.traceId,
    },
  }).finish();
}

const ODD = [null, true, -0, 1e308, -1, 0.5, 'x', '', [], {}, [[1]], { a: 1 }, '9'.repeat(400), 2 ** 53 + 1];

function jsonObject(r: Random, req: RawRequest): Record<string, unknown> {
  const names = [
    'NULL',
    'UINT8',
    'INT8',
    'UINT16',
    'INT16',
    'UINT32',
    'INT32',
    'UINT64',
    'INT64',
    'FLOAT16',
    'FLOAT32',
    'FLOAT64',
    'STRING',
    'BOOL',
  ];
  const infer: Record<string, unknown> = {
    config: r.chance(0.3) ? safeParse(req.config) : req.config,
    inputNames: req.inputNames,
    inputTensors: req.inputs.map((t) => ({
      type: r.chance(0.5) ? (names[t.type] ?? t.type) : t.type,
      shape: t.shape.map((d) => (r.chance(0.5) ? String(d) : d)),
      ...(t.data ? { data: b64(t.data) } : {}),
      ...(t.stringVal ? { stringVal: t.stringVal.map(b64) } : {}),
    })),
    outputNames: req.outputNames,
    keys: req.keys,
    ...(req.route
      ? {
          route: {
            ...req.route,
            mode: r.chance(0.5) ? (['DEFAULT', 'EXACT'][req.route.mode] ?? req.route.mode) : req.route.mode,
          },
        }
      : {}),
    traceId: req.traceId,
  };
  if (r.chance(0.15)) {
    // One field, anywhere in the tree, gets a value of the wrong kind.
    const paths: [Record<string, unknown>, string][] = [[infer, r.pick(Object.keys(infer))]];
    const tensor = (infer.inputTensors as Record<string, unknown>[])[0];
    if (tensor) paths.push([tensor, r.pick(['type', 'shape', 'data', 'stringVal'])]);
    const [holder, key] = r.pick(paths);
    holder[key] = r.pick(ODD);
  }
  return r.chance(0.1) ? infer : { infer };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function toJson(r: Random, req: RawRequest): Uint8Array {
  return Buffer.from(JSON.stringify(jsonObject(r, req)));
}

/** A few random edits to an encoded body. */
export function mutate(r: Random, body: Uint8Array): Uint8Array {
  let out = Buffer.from(body);
  for (let n = r.int(1, 6); n > 0; n--) {
    const at = out.length ? r.int(0, out.length - 1) : 0;
    switch (r.int(0, 5)) {
      case 0:
        if (out.length) out[at] = (out[at] as number) ^ (1 << r.int(0, 7));
        break;
      case 1:
        if (out.length) out[at] = r.int(0, 255);
        break;
      case 2:
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + r.int(1, 16))]);
        break;
      case 3:
        out = Buffer.concat([out.subarray(0, at), Buffer.from(r.bytes(r.int(1, 8))), out.subarray(at)]);
        break;
      case 4:
        out = out.subarray(0, at);
        break;
      default: {
        const len = r.int(1, 32);
        out = Buffer.concat([out.subarray(0, at + len), out.subarray(at, at + len), out.subarray(at + len)]);
      }
    }
  }
  return out;
}
