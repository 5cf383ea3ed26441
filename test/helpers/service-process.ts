/**
 * Starts one built service (`services/<name>/dist/main.js`) as a child process on a loopback port,
 * waits until it answers /healthz, and stops it with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

export async function startServiceProcess(
  name: 'gateway' | 'downloader' | 'preprocessor' | 'model',
  port: number,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServiceProcess> {
  const prefix = `TENSORHOP_${name.toUpperCase()}_`;
  const child = spawn(process.execPath, [`services/${name}/dist/main.js`], {
    env: {
      ...process.env,
      TENSORHOP_LOG_LEVEL: 'warn',
      [`${prefix}HOST`]: '127.0.0.1',
      [`${prefix}PORT`]: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /healthz in ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
