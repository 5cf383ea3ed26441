/**
 * Starts the real model service on a loopback port and talks to it over HTTP in the protocol's
 * JSON mapping (what curl and browsers send), so the tests depend on the wire, not on a client.
 */
import { createServer, loadModelConfig, type ModelService } from '../../src/server.js';

export interface RunningModel {
  url: string;
  service: ModelService;
  close(): Promise<void>;
}

/** The service over `repository`, listening and with every model loaded. */
export async function startModelService(
  repository: string,
  explicit: Record<string, unknown> = {},
): Promise<RunningModel> {
  const config = loadModelConfig({
    explicit: { port: 0, host: '127.0.0.1', repository, logLevel: 'silent', ...explicit },
    env: {},
  });
  const service = createServer(config);
  const { url } = await service.listen();
  await service.loaded;
  return { url, service, close: () => service.close() };
}

/** A decoded JSON InferResponse: outputs by name as numbers or strings, keys and errors. */
export interface JsonReply {
  status: number;
  outputs: Record<string, { shape: number[]; values: number[] | string[] }>;
  keys: string[];
  errors: { key: string; code: string; message: string }[];
}

/** POST / with one FLOAT32 input tensor; `config` is the request's JSON config. */
export async function inferJson(
  url: string,
  input: { name: string; shape: number[]; data: Float32Array | Uint8Array },
  config: object = {},
): Promise<JsonReply> {
  const type = input.data instanceof Uint8Array ? 'UINT8' : 'FLOAT32';
  const body = {
    infer: {
      config: JSON.stringify(config),
      inputNames: [input.name],
      inputTensors: [{ type, shape: input.shape, data: base64(input.data) }],
    },
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    outputNames?: string[];
    outputTensors?: { type: string; shape: string[]; data?: string; stringVal?: string[] }[];
    keys?: string[];
    errors?: JsonReply['errors'];
  };
  const outputs: JsonReply['outputs'] = {};
  (json.outputNames ?? []).forEach((name, i) => {
    const t = json.outputTensors![i]!;
    outputs[name] = { shape: t.shape.map(Number), values: decode(t) };
  });
  return { status: res.status, outputs, keys: json.keys ?? [], errors: json.errors ?? [] };
}

function decode(t: { type: string; data?: string; stringVal?: string[] }): number[] | string[] {
  if (t.type === 'STRING') return (t.stringVal ?? []).map((s) => Buffer.from(s, 'base64').toString());
  const bytes = Buffer.from(t.data ?? '', 'base64');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return Array.from(t.type === 'INT32' ? new Int32Array(buffer) : new Float32Array(buffer));
}

function base64(data: Float32Array | Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}
