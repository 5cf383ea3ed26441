/**
 * The SDK over the Open Inference Protocol (KServe v2 REST): the same calls against any OIP server
 * (Triton, KServe, MLServer, tensorhop's `/v2`). Tensors travel as binary parts (the binary tensor
 * data extension) and tensorhop's keys and route in `parameters`. Uses `fetch`, so it runs in
 * browsers too.
 */
import {
  INFERENCE_HEADER,
  TensorhopError,
  buildOipBody,
  fromOipResponse,
  parseRetryAfter,
  toOipRequest,
  type InferRequest,
  type OipModelMetadata,
  type OipServerMetadata,
} from '@tensorhop/protocol';
import type { CallOptions, RawReply } from './client-core.js';

/** Which protocol the SDK speaks: tensorhop's own (protobuf/JSON) or the Open Inference Protocol. */
export type Protocol = 'tensorhop' | 'oip';

/** `<base>/v2/models/<model>[/versions/<v>]`. */
export function oipModelUrl(base: string, model: string, version?: string): string {
  const root = `${base.replace(/\/+$/, '')}/v2/models/${encodeURIComponent(model)}`;
  return version ? `${root}/versions/${encodeURIComponent(version)}` : root;
}

async function send(url: string, init: RequestInit, call: CallOptions): Promise<Response> {
  const timeoutMs = call.timeoutMs ?? 30_000;
  const signals = [AbortSignal.timeout(timeoutMs), ...(call.signal ? [call.signal] : [])];
  try {
    return await fetch(url, { ...init, signal: AbortSignal.any(signals) });
  } catch (error) {
    if (call.signal?.aborted) throw call.signal.reason;
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new TensorhopError(
      timedOut ? 'HOP_TIMEOUT' : 'HOP_UNAVAILABLE',
      `${url}: ${timedOut ? `no answer within ${timeoutMs} ms` : (error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * POSTs `request` to `modelUrl`/infer (a {@link oipModelUrl}) and returns the status and the reply
 * as an InferResponse, whatever the status, as `inferRaw` does for tensorhop's protocol.
 */
export async function oipInferRaw(
  modelUrl: string,
  request: InferRequest,
  call: CallOptions = {},
): Promise<RawReply> {
  const { json, parts } = toOipRequest(request);
  const built = buildOipBody(json, parts);
  const headers: Record<string, string> = { 'content-type': built.contentType, ...call.headers };
  if (built.headerLength !== undefined) headers[INFERENCE_HEADER] = String(built.headerLength);
  const res = await send(`${modelUrl}/infer`, { method: 'POST', headers, body: built.body }, call);
  const body = new Uint8Array(await res.arrayBuffer());
  const length = Number(res.headers.get(INFERENCE_HEADER) ?? body.length);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(body.subarray(0, length)));
  } catch {
    throw new TensorhopError(
      'HOP_UNAVAILABLE',
      `${modelUrl}: HTTP ${res.status} with a body that is not OIP JSON`,
    );
  }
  const response = fromOipResponse(header, body.subarray(length));
  const retryAfter = parseRetryAfter(res.headers.get('retry-after') ?? undefined);
  return {
    status: res.status,
    response,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

async function getJson<T>(url: string, call: CallOptions): Promise<{ status: number; body: T }> {
  const res = await send(url, { headers: { ...call.headers } }, call);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as T };
  } catch {
    return { status: res.status, body: {} as T };
  }
}

/** A model's OIP metadata. @throws TensorhopError with the server's `{"error"}` message */
export async function oipMetadata(
  base: string,
  model: string,
  call: CallOptions & { version?: string } = {},
): Promise<OipModelMetadata> {
  const { status, body } = await getJson<OipModelMetadata & { error?: string }>(
    oipModelUrl(base, model, call.version),
    call,
  );
  if (status !== 200)
    throw new TensorhopError(status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', body.error ?? `HTTP ${status}`);
  return body;
}

/** An OIP server: its metadata (`GET /v2`), liveness and readiness. */
export async function oipServer(
  base: string,
  call: CallOptions = {},
): Promise<{ metadata: OipServerMetadata; live: boolean; ready: boolean }> {
  const root = base.replace(/\/+$/, '');
  const [meta, live, ready] = await Promise.all([
    getJson<OipServerMetadata>(`${root}/v2`, call),
    getJson(`${root}/v2/health/live`, call),
    getJson(`${root}/v2/health/ready`, call),
  ]);
  return { metadata: meta.body, live: live.status === 200, ready: ready.status === 200 };
}
