/**
 * Resident memory and open file descriptors of a process, from /proc (Linux): what the overload
 * and soak benchmarks watch for growth. NaN where /proc is not there or the process is gone.
 */
import { readFileSync, readdirSync } from 'node:fs';

export function rssBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Open descriptors (sockets, files, pipes): a leak shows as steady growth. */
export function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

export const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;

/** The service processes `tensorhop up` (pid `root`) runs, by name: `downloader`, `gateway`, … */
export function stackProcesses(root: number): { name: string; pid: number }[] {
  const out: { name: string; pid: number }[] = [];
  for (const dir of readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${dir}/cmdline`, 'utf8');
      const name = /services\/(\w+)\/dist\/main\.js/.exec(cmd)?.[1];
      if (ppid === root && name) out.push({ name, pid: Number(dir) });
    } catch {
      // The process ended while we looked.
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.pid - b.pid);
}
