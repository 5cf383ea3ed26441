/**
 * The local stack behind `npm start` / `tensorhop up`: downloader, preprocessor and model replicas,
 * each supervised, with the gateway in front when it is built. Replica 1 of each stage listens on
 * the stage's port (TENSORHOP_<NAME>_PORT, default 9001/9002/9003), replica i on that port + 100·(i-1). Hop tables point
 * at the gateway's pool routes, so hops are balanced too; the preprocessor's default successor is
 * the model. The caller's environment reaches every service.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMap, DEFAULT_PORTS, SERVICE_NODE_FLAGS } from '@tensorhop/kit';
import { STAGES, type Stage } from '@tensorhop/sdk';
import { superviseReplica, waitReady, type Replica, type ReplicaSpec } from './supervisor.js';

export { STAGES };
type StageName = Stage;

/** Repository root, from this file's place in shared/cli/dist. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function serviceEntry(name: string): string {
  return join(REPO_ROOT, 'services', name, 'dist', 'main.js');
}

export interface StackPlan {
  replicas: ReplicaSpec[];
  gateway?: ReplicaSpec;
  /** Where clients go: the gateway, or the downloader when there is no gateway. */
  entry: string;
}

export function replicaCounts(env: NodeJS.ProcessEnv): Record<StageName, number> {
  const counts: Record<StageName, number> = { downloader: 1, preprocessor: 1, model: 1 };
  const raw = env.TENSORHOP_REPLICAS ?? '';
  for (const [name, value] of Object.entries(parseMap(raw, 'TENSORHOP_REPLICAS'))) {
    if (!(STAGES as readonly string[]).includes(name)) {
      throw new Error(`TENSORHOP_REPLICAS: unknown stage ${name} (stages: ${STAGES.join(', ')})`);
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 16)
      throw new Error(`TENSORHOP_REPLICAS: ${name}=${value} is not 1..16`);
    counts[name as StageName] = n;
  }
  return counts;
}

export function planStack(env: NodeJS.ProcessEnv, options: { gateway?: boolean } = {}): StackPlan {
  const counts = replicaCounts(env);
  const useGateway = (options.gateway ?? true) && existsSync(serviceEntry('gateway'));
  const host = '127.0.0.1';
  // TENSORHOP_<NAME>_PORT moves replica 1 of a stage; the others follow 100 apart.
  const basePort = (stage: StageName): number =>
    Number(env[`TENSORHOP_${stage.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[stage]);
  const portOf = (stage: StageName, i: number): number => basePort(stage) + 100 * i;
  const gatewayPort = Number(env.TENSORHOP_GATEWAY_PORT ?? DEFAULT_PORTS.gateway);
  const gatewayUrl = `http://${host}:${gatewayPort}`;
  const hops = Object.fromEntries(
    STAGES.map((s) => [s, useGateway ? `${gatewayUrl}/v1/${s}` : `http://${host}:${portOf(s, 0)}`]),
  );
  const hopTable =
    env.TENSORHOP_HOPS ??
    Object.entries(hops)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  const replicas: ReplicaSpec[] = STAGES.flatMap((stage) =>
    Array.from({ length: counts[stage] }, (_, i) => {
      const prefix = `TENSORHOP_${stage.toUpperCase()}_`;
      return {
        name: `${stage}.${i + 1}`,
        command: process.execPath,
        args: [...SERVICE_NODE_FLAGS, serviceEntry(stage)],
        url: `http://${host}:${portOf(stage, i)}`,
        env: {
          ...(stage === 'preprocessor' ? { TENSORHOP_PREPROCESSOR_NEXT: 'model' } : {}),
          ...env,
          [`${prefix}PORT`]: String(portOf(stage, i)),
          [`${prefix}HOST`]: host,
          TENSORHOP_HOPS: hopTable,
          // Hops go through the gateway: with its API keys on, the stages need one too.
          ...(useGateway && !env.TENSORHOP_HOPS_API_KEY && env.TENSORHOP_GATEWAY_API_KEYS
            ? { TENSORHOP_HOPS_API_KEY: env.TENSORHOP_GATEWAY_API_KEYS.split(',')[0]?.trim() ?? '' }
            : {}),
        },
      };
    }),
  );
  if (!useGateway) return { replicas, entry: hops.downloader as string };
  const upstreams = STAGES.map(
    (s) =>
      `${s}=${replicas
        .filter((r) => r.name.startsWith(`${s}.`))
        .map((r) => r.url)
        .join(',')}`,
  ).join(';');
  const gateway: ReplicaSpec = {
    name: 'gateway',
    command: process.execPath,
    args: [...SERVICE_NODE_FLAGS, serviceEntry('gateway')],
    url: gatewayUrl,
    env: { TENSORHOP_GATEWAY_UPSTREAMS: upstreams, ...env, TENSORHOP_GATEWAY_PORT: String(gatewayPort) },
  };
  return { replicas, gateway, entry: gatewayUrl };
}

export interface RunningStack {
  plan: StackPlan;
  replicas: Replica[];
  stop(): Promise<void>;
}

/** Starts every replica (and the gateway), and resolves once all answer /readyz. */
export async function startStack(
  plan: StackPlan,
  out: (line: string) => void,
  readyTimeoutMs = 180_000,
): Promise<RunningStack> {
  for (const spec of [...plan.replicas, ...(plan.gateway ? [plan.gateway] : [])]) {
    const entry = spec.args.at(-1) as string;
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  }
  const replicas = plan.replicas.map((spec) => superviseReplica(spec, out));
  if (plan.gateway) replicas.push(superviseReplica(plan.gateway, out));
  const stack: RunningStack = {
    plan,
    replicas,
    stop: async () => {
      await Promise.all(replicas.map((r) => r.stop()));
    },
  };
  try {
    await Promise.all(replicas.map((r) => waitReady(r.spec.url, readyTimeoutMs)));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
