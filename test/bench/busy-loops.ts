/** Processes that only burn CPU, to make the machine as busy as a noisy neighbour would. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BusyLoops {
  pids: number[];
  stop(): void;
}

export function startBusyLoops(n: number): BusyLoops {
  const children: ChildProcess[] = Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return {
    pids: children.map((c) => c.pid as number),
    stop: () => children.forEach((c) => c.kill('SIGKILL')),
  };
}
