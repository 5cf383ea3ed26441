/**
 * The three stages as separate real processes on fixed loopback ports, wired as `npm start` wires
 * them but without the gateway: downloader → preprocessor → model. The downloader runs with the
 * loopback-only resolver. Used by the fuzz test and the benchmarks that must see a process die.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export const STAGE_NAMES = ['downloader', 'preprocessor', 'model'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface ServiceProcesses {
  urls: Record<StageName, string>;
  children: Record<StageName, ChildProcess>;
  /** Last lines each process wrote to stderr/stdout, for failure messages. */
  output: Record<StageName, string[]>;
  /** Names of stages whose process is gone or whose /healthz is not 200 from the same pid. */
  dead(): Promise<string[]>;
  stop(): Promise<void>;
}

function launch(name: StageName, env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  const args =
    name === 'downloader'
      ? ['--import', 'tsx', 'test/helpers/loopback-downloader.ts']
      : [`services/${name}/dist/main.js`];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d: Buffer): void => {
    output.push(...d.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return child;
}

async function healthyPid(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    return res.status === 200 ? ((await res.json()) as { pid: number }).pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitReady(url: string, child: ChildProcess, log: string[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}:\n${log.join('\n')}`);
    const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    // Ready, and really this child: not a leftover process that still holds the port.
    if (ok && (await healthyPid(url)) === child.pid) return;
    await sleep(200);
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms:\n${log.join('\n')}`);
}

/** Starts the stages on basePort+1..3 with `env` added to every process's environment. */
export async function startServiceProcesses(
  basePort: number,
  env: Record<string, string> = {},
): Promise<ServiceProcesses> {
  const port = { downloader: basePort + 1, preprocessor: basePort + 2, model: basePort + 3 };
  const urls = Object.fromEntries(STAGE_NAMES.map((s) => [s, `http://127.0.0.1:${port[s]}`])) as Record<
    StageName,
    string
  >;
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    TENSORHOP_LOG_LEVEL: 'warn',
    TENSORHOP_HOPS: STAGE_NAMES.map((s) => `${s}=${urls[s]}`).join(','),
    TENSORHOP_PREPROCESSOR_NEXT: 'model',
    TENSORHOP_DOWNLOADER_ALLOW: '127.0.0.1/32',
    TENSORHOP_MODEL_INSTANCES: '1',
  };
  const output = { downloader: [], preprocessor: [], model: [] } as Record<StageName, string[]>;
  const children = Object.fromEntries(
    STAGE_NAMES.map((s) => [
      s,
      launch(s, { ...common, [`TENSORHOP_${s.toUpperCase()}_PORT`]: String(port[s]), ...env }, output[s]),
    ]),
  ) as Record<StageName, ChildProcess>;
  const stop = async (): Promise<void> => {
    await Promise.all(
      Object.values(children).map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const gone = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await Promise.race([gone, sleep(15_000).then(() => c.kill('SIGKILL'))]);
      }),
    );
  };
  try {
    await Promise.all(STAGE_NAMES.map((s) => waitReady(urls[s], children[s], output[s], 120_000)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls,
    children,
    output,
    dead: async () => {
      const states = await Promise.all(
        STAGE_NAMES.map(async (s) => ((await healthyPid(urls[s])) === children[s].pid ? undefined : s)),
      );
      return states.filter((s): s is StageName => s !== undefined);
    },
    stop,
  };
}
