/**
 * Starts the real local stack (`tensorhop up`, as `npm start` does) as a child process on ports
 * given by the test, and stops it with SIGINT as a person pressing Ctrl-C would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StackProcess {
  child: ChildProcess;
  lines: string[];
  urls: { downloader: string; preprocessor: string; model: string; gateway: string };
  stop(): Promise<number | null>;
}

export async function startStackProcess(
  basePort: number,
  env: Record<string, string>,
  timeoutMs = 150_000,
): Promise<StackProcess> {
  const ports = {
    downloader: basePort + 1,
    preprocessor: basePort + 2,
    model: basePort + 3,
    gateway: basePort,
  };
  const child = spawn(process.execPath, ['shared/cli/bin/tensorhop.js', 'up'], {
    env: {
      ...process.env,
      TENSORHOP_LOG_LEVEL: 'warn',
      TENSORHOP_DOWNLOADER_PORT: String(ports.downloader),
      TENSORHOP_PREPROCESSOR_PORT: String(ports.preprocessor),
      TENSORHOP_MODEL_PORT: String(ports.model),
      TENSORHOP_GATEWAY_PORT: String(ports.gateway),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => lines.push(l));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`stack not up in ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (l) => {
      lines.push(l);
      if (l.startsWith('tensorhop is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code}:\n${lines.slice(-30).join('\n')}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = (p: number) => `http://127.0.0.1:${p}`;
  await ready;
  return {
    child,
    lines,
    urls: {
      downloader: url(ports.downloader),
      preprocessor: url(ports.preprocessor),
      model: url(ports.model),
      gateway: url(ports.gateway),
    },
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
