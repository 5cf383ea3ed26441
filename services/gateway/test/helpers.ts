/**
 * Upstreams and gateways for the gateway's tests, all on 127.0.0.1 port 0: replicas made with the
 * service kit (a toy stage that says which replica answered), plain servers that misbehave on
 * purpose, and a gateway with fast health checks and silent logs.
 */
import http from 'node:http';
import net from 'node:net';
import { DType, float32Tensor, stringTensor, type NumericTensor } from '@tensorhop/protocol';
import {
  createService,
  loadConfig,
  serviceSchema,
  type Listening,
  type Service,
  type StageDefinition,
} from '@tensorhop/kit';
import {
  createServer,
  loadGatewayConfig,
  type Gateway,
  type GatewayConfig,
  type GatewayOptions,
} from '../src/server.js';
export { metric } from '../../../test/helpers/prometheus.js';

export interface Replica {
  id: string;
  service: Service;
  listening: Listening;
  url: string;
  /** Infer requests this replica handled. */
  calls: number;
  ready: boolean;
}

/** A stage that adds one to `x` and reports which replica answered in `who`. */
function toyStage(id: string, state: { calls: number; ready: boolean }, name: string): StageDefinition {
  return {
    name,
    inputs: [{ name: 'x', shape: [-1], type: DType.FLOAT32 }],
    outputs: [
      { name: 'x', shape: [-1], type: DType.FLOAT32 },
      { name: 'who', shape: [-1], type: DType.STRING },
    ],
    ready: () => state.ready,
    apply: async (ctx) => {
      state.calls++;
      const x = ctx.input('x') as NumericTensor;
      const out = Float32Array.from(x.data as Float32Array, (v) => v + 1);
      return {
        outputs: { x: float32Tensor([out.length], out), who: stringTensor(ctx.keys.map(() => id)) },
        keys: [...ctx.keys],
        errors: [],
      };
    },
  };
}

/** Starts a kit service with a toy stage; `hops`/`next` make it forward. */
export async function startReplica(
  id: string,
  options: { name?: string; hops?: Record<string, string>; next?: string } = {},
): Promise<Replica> {
  const name = options.name ?? 'toy';
  const config = loadConfig(serviceSchema(name, 0), {
    prefix: 'TENSORHOP_TOY_',
    env: {},
    explicit: {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      hops: options.hops ?? {},
      next: options.next ?? '',
      drainTimeoutMs: 0,
    },
  });
  const replica = { id, calls: 0, ready: true } as Replica;
  replica.service = createService({ stage: toyStage(id, replica, name), config });
  replica.listening = await replica.service.listen();
  replica.url = replica.listening.url;
  return replica;
}

/** A gateway on port 0 with health checks every 50 ms, no logs, no process metrics. */
export async function startGateway(
  explicit: Partial<GatewayConfig>,
  options: GatewayOptions = {},
): Promise<{ gateway: Gateway; url: string }> {
  const config = loadGatewayConfig({
    env: {},
    explicit: {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      healthIntervalMs: 50,
      drainTimeoutMs: 0,
      ...explicit,
    },
  });
  const gateway = createServer(config, { defaultMetrics: false, ...options });
  const { url } = await gateway.listen();
  return { gateway, url };
}

/** A plain server; `handler` decides what each request gets. */
export async function startPlain(
  handler: http.RequestListener,
): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A replica whose /readyz says 200 but which resets every other request's connection before
 * answering (after reading its body, when `readBody`).
 */
export function resetter(readBody = false): http.RequestListener {
  return (req, res) => {
    if (req.url === '/readyz' || req.url === '/healthz') return void res.end('{"ready":true}');
    const reset = (): void => void req.socket.resetAndDestroy();
    if (readBody) req.on('data', () => undefined).on('end', reset);
    else reset();
  };
}

/** A loopback port nothing listens on. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The JSON body of an infer request with one FLOAT32 input `x`. */
export function inferJson(values: number[], extra: Record<string, unknown> = {}): string {
  const data = Buffer.from(new Float32Array(values).buffer).toString('base64');
  return JSON.stringify({
    infer: {
      inputNames: ['x'],
      inputTensors: [{ type: 'FLOAT32', shape: [String(values.length)], data }],
      route: { mode: 'EXACT' },
      ...extra,
    },
  });
}

export interface JsonReply {
  status: number;
  headers: Headers;
  body: {
    outputNames?: string[];
    outputTensors?: { type: string; shape: string[]; data?: string; stringVal?: string[] }[];
    keys?: string[];
    errors?: { key: string; code: string; message: string; stage: string }[];
  };
}

/** POSTs a JSON infer request through `url` and decodes the reply. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<JsonReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as JsonReply['body'] };
}

/** The `who` output of a reply: which replica answered each row. */
export function whoAnswered(reply: JsonReply): string[] {
  const i = reply.body.outputNames?.indexOf('who') ?? -1;
  const t = reply.body.outputTensors?.[i];
  return (t?.stringVal ?? []).map((s) => Buffer.from(s, 'base64').toString());
}

/** Values of a FLOAT32 output. */
export function floats(reply: JsonReply, name: string): number[] {
  const i = reply.body.outputNames?.indexOf(name) ?? -1;
  const b = Buffer.from(reply.body.outputTensors?.[i]?.data ?? '', 'base64');
  return Array.from(new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4));
}

/** Resolves when `check` holds, polling every 10 ms, or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
