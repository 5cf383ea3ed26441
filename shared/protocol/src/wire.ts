/**
 * Bodies on the wire: each message in protobuf or in its JSON mapping, chosen by Content-Type.
 */
import { badRequest } from './errors.js';
import { inferRequestParts, inferResponseParts } from './fast-encode.js';
import {
  inferRequestToJson,
  inferResponseFromJson,
  inferResponseToJson,
  metadataFromJson,
  metadataToJson,
  requestFromJson,
} from './json-mapping.js';
import {
  inferRequestFromPb,
  inferResponseFromPb,
  metadataFromPb,
  metadataToPb,
  type InferRequest,
  type InferResponse,
  type Metadata,
  type Request,
} from './messages.js';
import { pb } from './pb.js';
import { utf8Decode, utf8Encode } from './utils/bytes.js';

export type Encoding = 'protobuf' | 'json';

export const CONTENT_TYPES: Record<Encoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** The encoding a Content-Type names, or undefined for anything else. */
export function encodingOf(contentType: string | undefined): Encoding | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (
    type === 'application/x-protobuf' ||
    type === 'application/protobuf' ||
    type === 'application/octet-stream'
  ) {
    return 'protobuf';
  }
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return undefined;
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Decode(body));
  } catch (error) {
    throw badRequest(`malformed JSON body: ${(error as Error).message}`);
  }
}

function decodePb<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw badRequest(`malformed protobuf body: ${(error as Error).message}`);
  }
}

const toBytes = (json: unknown): Uint8Array => utf8Encode(JSON.stringify(json));

export function decodeRequest(body: Uint8Array, encoding: Encoding): Request {
  if (encoding === 'json') return requestFromJson(parseJson(body));
  const m = decodePb(() => pb.Request.decode(body));
  if (m.infer) return { infer: inferRequestFromPb(m.infer) };
  if (m.metadata) return { metadata: { config: m.metadata.config ?? '' } };
  throw badRequest('request has neither infer nor metadata');
}

export function encodeInferRequest(r: InferRequest, encoding: Encoding): Uint8Array {
  if (encoding === 'json') return toBytes({ infer: inferRequestToJson(r) });
  return inferRequestParts(r, Infinity)[0] as Uint8Array;
}

/**
 * {@link encodeInferRequest} as parts to write one after the other: in protobuf, tensor data and
 * encoded images of 16 KiB or more are the request's own arrays rather than copies, so a hop sends
 * a batch without allocating it a second time. They must not change until the parts are written.
 */
export function encodeInferRequestParts(r: InferRequest, encoding: Encoding): Uint8Array[] {
  return encoding === 'json' ? [encodeInferRequest(r, encoding)] : inferRequestParts(r);
}

/** A metadata request; `config` (JSON text) names what to describe, e.g. `{"model": "x"}`. */
export function encodeMetadataRequest(encoding: Encoding, config = ''): Uint8Array {
  const metadata = config === '' ? {} : { config };
  return encoding === 'json' ? toBytes({ metadata }) : pb.Request.encode({ metadata }).finish();
}

export function encodeInferResponse(r: InferResponse, encoding: Encoding): Uint8Array {
  if (encoding === 'json') return toBytes(inferResponseToJson(r));
  return inferResponseParts(r, Infinity)[0] as Uint8Array;
}

/** {@link encodeInferResponse} as parts, as {@link encodeInferRequestParts} does for requests. */
export function encodeInferResponseParts(r: InferResponse, encoding: Encoding): Uint8Array[] {
  return encoding === 'json' ? [encodeInferResponse(r, encoding)] : inferResponseParts(r);
}

export function decodeInferResponse(body: Uint8Array, encoding: Encoding): InferResponse {
  if (encoding === 'json') return inferResponseFromJson(parseJson(body));
  return inferResponseFromPb(decodePb(() => pb.InferResponse.decode(body)));
}

export function encodeMetadata(m: Metadata, encoding: Encoding): Uint8Array {
  if (encoding === 'json') return toBytes(metadataToJson(m));
  return pb.MetadataResponse.encode(metadataToPb(m)).finish();
}

export function decodeMetadata(body: Uint8Array, encoding: Encoding): Metadata {
  if (encoding === 'json') return metadataFromJson(parseJson(body));
  return metadataFromPb(decodePb(() => pb.MetadataResponse.decode(body)));
}
