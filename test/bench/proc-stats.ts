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
