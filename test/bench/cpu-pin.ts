/**
 * CPU affinity for benchmarks (Linux, taskset(1)): gives a stage cores of its own, as separate
 * machines would, so a run shows whether the chain keeps a model fed rather than how two
 * stages share a core.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Whether processes can be pinned here (taskset present, more than one core). */
export function canPin(): boolean {
  if (cpus().length < 2) return false;
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins every thread of each process to `cpus`; threads they start later inherit it. */
export function pin(pids: readonly number[], cpus: readonly number[]): void {
  for (const pid of pids) {
    const run = spawnSync('taskset', ['-a', '-p', '-c', cpus.join(','), String(pid)], { encoding: 'utf8' });
    // A process that ended meanwhile has nothing left to pin.
    if (run.status !== 0 && !/No such process/i.test(run.stderr)) {
      throw new Error(`taskset could not pin ${pid} to ${cpus.join(',')}: ${run.stderr.trim()}`);
    }
  }
}

/** Every core of the machine, for undoing a {@link pin}. */
export const allCores = (): number[] => Array.from({ length: cpus().length }, (_, i) => i);
