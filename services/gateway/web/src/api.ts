/**
 * The page's calls to its gateway (same origin): stage calls through the SDK's browser path, with
 * the API key the person typed once the gateway asked for one (401), and the gateway's JSON status.
 */
import { InferError, inferRaw, metadata, stageUrl, type Metadata, type Stage } from '@tensorhop/sdk';

type InferRequest = Parameters<typeof inferRaw>[1];
type RawReply = Awaited<ReturnType<typeof inferRaw>>;

/** The gateway asked for an API key (HTTP 401): the page shows its key field. */
export class KeyNeeded extends Error {
  override readonly name = 'KeyNeeded';
}

const gateway = location.origin;
let apiKey = '';

/** The key sent with every later call; empty sends none. */
export function setApiKey(key: string): void {
  apiKey = key.trim();
}

const headers = (): Record<string, string> => (apiKey ? { 'x-api-key': apiKey } : {});

/** The metadata of the model pool's default model, as the gateway's `/v1/model` describes it. */
/** The names of the models the model pool serves (OIP's repository index), default first. */
export async function modelNames(): Promise<string[]> {
  const res = await fetch('/v2/repository/index', { method: 'POST', headers: headers(), cache: 'no-store' });
  if (res.status === 401) throw new KeyNeeded('the gateway asks for an API key');
  if (!res.ok) return [];
  return ((await res.json()) as { name: string }[]).map((m) => m.name);
}

/** The metadata of the model `name` names (the service's default when empty). */
export async function modelMetadata(name = ''): Promise<Metadata> {
  try {
    const config = name ? { config: { model: name } } : {};
    return await metadata('model', { gateway, headers: headers(), timeoutMs: 15_000, ...config });
  } catch (error) {
    if (error instanceof InferError && error.reply.status === 401) throw new KeyNeeded(error.message);
    throw error;
  }
}

/** One infer call to a stage's pool; its status and decoded reply, whatever the status. */
export async function callStage(stage: Stage, request: InferRequest): Promise<RawReply> {
  const reply = await inferRaw(stageUrl(stage, { gateway }), request, {
    headers: headers(),
    timeoutMs: 120_000,
  });
  if (reply.status === 401) {
    throw new KeyNeeded(reply.response.errors[0]?.message ?? 'the gateway asks for an API key');
  }
  return reply;
}

/** One replica as `GET /v1/status` reports it. */
export interface ReplicaStatus {
  url: string;
  ready: boolean;
  ejected: boolean;
  inflight: number;
  /** Replies per second over the status's window. */
  rps: number;
  reason: string;
}

/** One pool as `GET /v1/status` reports it. */
export interface PoolStatus {
  name: string;
  /** No replica is ready, so the gateway tries every one. */
  panic: boolean;
  replicas: ReplicaStatus[];
  ready: number;
  total: number;
  inflight: number;
  /** Replies per second over the status's window. */
  rps: number;
}

/** The gateway's pools, or an error message. */
export async function gatewayStatus(): Promise<
  { pools: PoolStatus[]; windowSeconds: number } | { error: string }
> {
  try {
    const res = await fetch('/v1/status', { headers: headers(), cache: 'no-store' });
    if (!res.ok) return { error: `GET /v1/status answered HTTP ${res.status}` };
    return (await res.json()) as { pools: PoolStatus[]; windowSeconds: number };
  } catch (error) {
    return { error: `GET /v1/status failed: ${(error as Error).message}` };
  }
}
