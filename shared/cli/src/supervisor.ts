/**
 * Runs one service replica as a child process and keeps it running: a crash restarts it with
 * capped exponential backoff, and every output line is prefixed with the replica's name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ReplicaSpec {
  /** e.g. `preprocessor.2` */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where its /readyz lives. */
  url: string;
}

export interface Replica {
  spec: ReplicaSpec;
  readonly pid: number | undefined;
  readonly restarts: number;
  stop(): Promise<void>;
}

const BACKOFF_START_MS = 250;
const BACKOFF_CAP_MS = 10_000;
/** A replica that stayed up this long is healthy again: its backoff starts over. */
const STABLE_MS = 30_000;

export function superviseReplica(spec: ReplicaSpec, out: (line: string) => void): Replica {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let backoff = BACKOFF_START_MS;
  let timer: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();

  const pipe = (stream: NodeJS.ReadableStream | null): void => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => out(`[${spec.name}] ${line}`));
  };

  const start = (): void => {
    const startedAt = Date.now();
    const c = spawn(spec.command, spec.args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    pipe(c.stdout);
    pipe(c.stderr);
    exited = new Promise((resolve) => {
      c.on('exit', (code, signal) => {
        resolve();
        if (stopping) return;
        if (Date.now() - startedAt > STABLE_MS) backoff = BACKOFF_START_MS;
        out(`[${spec.name}] exited (${signal ?? `code ${code}`}); restarting in ${backoff} ms`);
        timer = setTimeout(() => {
          restarts++;
          start();
        }, backoff);
        backoff = Math.min(BACKOFF_CAP_MS, backoff * 2);
      });
    });
  };
  start();

  return {
    spec,
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const kill = setTimeout(() => child?.kill('SIGKILL'), 12_000);
        await exited;
        clearTimeout(kill);
      }
    },
  };
}

/** Polls `url/readyz` until it answers 200 or the time runs out. */
export async function waitReady(
  url: string,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (!isAlive()) throw new Error(`${url} stopped before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}
