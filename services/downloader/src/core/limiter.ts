import { Semaphore } from '@tensorhop/kit';
import { DownloadError } from './errors.js';

/**
 * Global plus per-host limits. A slot covers one HTTP exchange: it is taken per attempt and per
 * redirect hop and returned before any backoff sleep, so a slow host never holds global slots
 * while it waits. The host slot is taken first, so nobody holds a global slot while queued on a host.
 */
export class HostLimiter {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();
  private waiting = 0;

  constructor(
    concurrency: number,
    private readonly perHost: number,
    /** Exchanges allowed to wait, all hosts together; beyond it acquire fails with OVERLOADED. */
    private readonly maxQueue: number,
  ) {
    this.global = new Semaphore(concurrency);
  }

  /** Number of exchanges waiting for a slot. */
  get queued(): number {
    return this.waiting;
  }

  /** Number of exchanges holding a slot. */
  get active(): number {
    return this.global.active;
  }

  /** Takes a host slot and a global slot; resolves to the function that returns both. */
  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    const hostSemaphore = this.hosts.get(host) ?? new Semaphore(this.perHost);
    this.hosts.set(host, hostSemaphore);
    try {
      await this.take(hostSemaphore, signal);
    } catch (error) {
      this.forgetIfIdle(host, hostSemaphore);
      throw error;
    }
    try {
      await this.take(this.global, signal);
    } catch (error) {
      this.releaseHost(host, hostSemaphore);
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.global.release();
      this.releaseHost(host, hostSemaphore);
    };
  }

  /** Takes a slot at once if free, else queues, unless the shared waiting line is full. */
  private async take(semaphore: Semaphore, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    if (semaphore.tryAcquire()) return;
    if (this.waiting >= this.maxQueue) throw new DownloadError('OVERLOADED', 'download queue is full');
    this.waiting += 1;
    try {
      await semaphore.acquire(signal);
    } finally {
      this.waiting -= 1;
    }
  }

  private releaseHost(host: string, semaphore: Semaphore): void {
    semaphore.release();
    this.forgetIfIdle(host, semaphore);
  }

  /** Drops idle per-host semaphores so the map does not grow with every host ever seen. */
  private forgetIfIdle(host: string, semaphore: Semaphore): void {
    if (semaphore.active === 0 && semaphore.waiting === 0 && this.hosts.get(host) === semaphore) {
      this.hosts.delete(host);
    }
  }
}
