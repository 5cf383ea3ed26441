/**
 * CPU time of a process tree from /proc (Linux), to show where a benchmark's time goes: which
 * stage burns how much CPU per row. Empty where /proc is not there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface Proc {
  pid: number;
  ppid: number;
  name: string;
  cpuSeconds: number;
}

const TICKS = 100; // USER_HZ on Linux

function readProcs(): Proc[] {
  if (!existsSync('/proc/self/stat')) return [];
  const out: Proc[] = [];
  for (const dir of readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = readFileSync(`/proc/${dir}/cmdline`, 'utf8').split('\0');
      const script = args.find((a) => /\.(ts|js)$/.test(a)) ?? args[0] ?? '';
      const name = /services\/(\w+)\//.exec(script)?.[1] ?? script.split('/').pop() ?? '';
      out.push({
        pid: Number(dir),
        ppid: Number(fields[1]),
        name,
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** `roots` and all their descendants, as /proc shows them now. */
export function processTree(roots: readonly number[]): Proc[] {
  const procs = readProcs();
  const wanted = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (wanted.has(p.ppid) && !wanted.has(p.pid)) {
        wanted.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => wanted.has(p.pid));
}

/** CPU seconds by process name for `roots` and all their descendants; `names` renames some pids. */
export function treeCpu(
  roots: readonly number[],
  names: ReadonlyMap<number, string> = new Map(),
): Map<string, number> {
  const byName = new Map<string, number>();
  for (const p of processTree(roots)) {
    const name = names.get(p.pid) ?? p.name;
    byName.set(name, (byName.get(name) ?? 0) + p.cpuSeconds);
  }
  return byName;
}

/** CPU milliseconds per row of each process between two `treeCpu` readings. */
export function cpuPerRow(before: Map<string, number>, after: Map<string, number>, rows: number): string[][] {
  return [...after]
    .map(([name, s]) => [name, (s - (before.get(name) ?? 0)) * 1000] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => [name, (ms / rows).toFixed(2)]);
}
