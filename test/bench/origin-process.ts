/** Starts slow-origin.ts as a child process and resolves with its base URL; `digits` serves MNIST digits and photos. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export async function startOriginProcess(
  delayMs: number,
  digits = false,
): Promise<{ base: string; pid: number; stop(): void }> {
  const script = fileURLToPath(new URL('./slow-origin.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, String(delayMs), ...(digits ? ['digits'] : [])],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`origin exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => void child.kill() };
}
